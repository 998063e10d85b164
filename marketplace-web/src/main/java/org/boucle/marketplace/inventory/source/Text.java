package org.boucle.marketplace.inventory.source;

import java.text.Normalizer;
import java.util.Locale;

/** Text clean-up shared by every format, and by other features' uploads (quota purchases). */
public final class Text {

    private Text() {
    }

    /**
     * Trims, turns every kind of space and line break (no-break, narrow no-break, tabs) into one plain space,
     * and answers null for nothing.
     */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        if (isTidy(raw)) {
            return raw.isEmpty() ? null : raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** Most cells need no work: avoid copying them. */
    private static boolean isTidy(String text) {
        int last = text.length() - 1;
        if (last < 0) {
            return true;
        }
        if (isSpace(text.charAt(0)) || isSpace(text.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? isSpace(text.charAt(i + 1)) : isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(char c) {
        return c <= ' ' || c >= 0x80 && (Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF');
    }

    static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A matching key: lower case, accents and punctuation dropped, single spaces. "Numéro d'inventaire" and
     * "NUMERO D’INVENTAIRE" both give "numero d inventaire".
     */
    public static String key(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                break;
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                if (c == 'œ' || c == 'Œ') {
                    out.append("oe");
                } else {
                    out.append(Character.toLowerCase(c));
                }
            } else {
                pendingSpace = out.length() > 0;
            }
        }
        return out.toString();
    }

    /**
     * GLPI (up to 10) stores text HTML-encoded and Snipe-IT escapes it in its API: "L&#039;accueil",
     * "Site Nord &gt; Bâtiment B", and GLPI's "&nbsp;" for an empty dropdown.
     */
    static String unescapeHtml(String raw) {
        if (raw == null || raw.indexOf('&') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int end = c == '&' ? raw.indexOf(';', i) : -1;
            String decoded = end > i + 1 && end - i <= 10 ? entity(raw.substring(i + 1, end)) : null;
            if (decoded == null) {
                out.append(c);
                i++;
            } else {
                out.append(decoded);
                i = end + 1;
            }
        }
        return out.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return "\u00A0";
            default: break;
        }
        if (name.length() > 1 && name.charAt(0) == '#') {
            try {
                boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
                int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** Shortens a value quoted back in a message. */
    static String quote(String value) {
        String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
        return '"' + shown + '"';
    }

    /** "ACME computers" to "Acme Computers". */
    static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
            wordStart = !Character.isLetterOrDigit(c) && c != '\'';
        }
        return out.toString();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
