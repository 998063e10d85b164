package org.boucle.marketplace.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
