package org.boucle.marketplace.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The fonts of Boucle's PDF documents (invoices, quota declarations). Source Sans Pro ships inside Mustang (its XSL-FO
 * visualiser embeds it): PDF/A needs embedded fonts, and this one covers French, the euro sign and typographic
 * punctuation. Kept as bytes: a loaded font belongs to one document.
 */
@Component
public class PdfFonts {

    private final byte[] regular = resource("fonts/SourceSansPro-Regular.ttf");
    private final byte[] bold = resource("fonts/SourceSansPro-Bold.ttf");

    public PDFont regular(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(regular), true);
    }

    public PDFont bold(PDDocument document) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(bold), true);
    }

    /**
     * French number formatting for these fonts, e.g. {@code "#,##0.00"} for amounts: grouping with a plain no-break
     * space, because Java's French grouping separator (U+202F) is not in every font. A new format each time: formats
     * are not thread-safe.
     */
    public static DecimalFormat frenchNumbers(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator('\u00a0');
        return new DecimalFormat(pattern, symbols);
    }

    private static byte[] resource(String path) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path + " (it comes with org.mustangproject:library)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
