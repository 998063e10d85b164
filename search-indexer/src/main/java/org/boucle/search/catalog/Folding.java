package org.boucle.search.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a keyword to lowercase ASCII ("Écran  HP" → "ecran hp") on the Java side.
 *
 * <p>Why not an Elasticsearch normalizer with {@code boucle_folding}: Elasticsearch 8.19 wraps the
 * token filters of stable (boucle-analysis is one) plugins as plain, non-normalizing filters, so a
 * custom normalizer refuses them ("may not use filter"), and analysis-common (asciifolding) is not
 * installed. Folding the keyword fields here, at index and at query time, keeps both sides identical.
 */
final class Folding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {
    }

    /** Lowercase ASCII with single spaces, or {@code null} for null or blank input. */
    static String fold(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String decomposed = Normalizer.normalize(value.strip(), Normalizer.Form.NFKD);
        String stripped = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            // Letters NFKD does not decompose but French and its neighbours use.
            switch (c) {
                case 'œ', 'Œ' -> out.append("oe");
                case 'æ', 'Æ' -> out.append("ae");
                case 'ß' -> out.append("ss");
                case 'ø', 'Ø' -> out.append('o');
                case 'đ', 'Đ' -> out.append('d');
                case 'ł', 'Ł' -> out.append('l');
                case '’', '‘', '`', '´' -> out.append('\'');
                default -> out.append(c);
            }
        }
        return SPACES.matcher(out.toString().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }
}
