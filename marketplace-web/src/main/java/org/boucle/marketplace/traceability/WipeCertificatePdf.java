package org.boucle.marketplace.traceability;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.boucle.marketplace.platform.PdfCanvas;
import org.boucle.marketplace.platform.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Wipe certificates as PDF, in French: one A4 page per device, with a QR code to its public verification page. */
@Component
class WipeCertificatePdf {

    private static final float MARGIN = 50;
    private static final float QR_SIZE = 110;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PdfFonts fonts;
    private final MessageSource messages;
    private final WipeCertificateProperties properties;
    private final CustodyProperties custody;

    WipeCertificatePdf(PdfFonts fonts, MessageSource messages, WipeCertificateProperties properties,
            CustodyProperties custody) {
        this.fonts = fonts;
        this.messages = messages;
        this.properties = properties;
        this.custody = custody;
    }

    /** The certificates, one per page; a lot's carry its id. */
    byte[] render(List<WipeCertificate> certificates, String lotId) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = fonts.regular(document);
            PDFont bold = fonts.bold(document);
            for (int i = 0; i < certificates.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    String lot = lotId == null ? null
                            : "Lot " + lotId + " — appareil " + (i + 1) + " sur " + certificates.size();
                    draw(content, regular, bold, certificates.get(i), lot);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a wipe certificate", e);
        }
    }

    private void draw(PDPageContentStream content, PDFont regular, PDFont bold, WipeCertificate c, String lot)
            throws IOException {
        PdfCanvas canvas = new PdfCanvas(content);
        float top = PDRectangle.A4.getHeight() - MARGIN;
        float right = PDRectangle.A4.getWidth() - MARGIN;
        String url = properties.verificationUrl(c.code());
        qr(content, url, right - QR_SIZE, top - QR_SIZE);

        float y = top - 14;
        canvas.text(bold, 18, MARGIN, y, "Certificat d’effacement des données");
        y -= 18;
        canvas.text(regular, 10, MARGIN, y, "Boucle — filière du réemploi informatique du territoire");
        y -= 24;
        canvas.text(regular, 10, MARGIN, y, "Code de vérification");
        y -= 16;
        canvas.text(bold, 13, MARGIN, y, c.code());
        y -= 16;
        if (lot != null) {
            for (String line : PdfCanvas.wrap(regular, 9, lot, right - QR_SIZE - MARGIN - 20)) {
                canvas.text(regular, 9, MARGIN, y, line);
                y -= 12;
            }
        }
        y = Math.min(y, top - QR_SIZE - 20);
        canvas.rule(MARGIN, right, y);
        y -= 22;

        String media = c.media().stream()
                .map(m -> m.type() == null ? m.serial() : m.serial() + " (" + m.type() + ")")
                .collect(Collectors.joining(", "));
        List<Map.Entry<String, String>> rows = List.of(
                Map.entry("Appareil", category(c.device().category()) + " — " + c.model()),
                Map.entry("N° de série", orDash(c.device().serial())),
                Map.entry("N° d’inventaire", orDash(c.device().assetTag())),
                Map.entry("Supports effacés (n° de série)", media),
                Map.entry("Méthode", message("wipe.method." + c.method(), c.method())),
                Map.entry("Outil", c.tool()),
                Map.entry("Opérateur", c.operator()),
                Map.entry("Résultat", message("wipe.result." + c.result(), c.result())),
                Map.entry("Date de l’effacement", DATE_TIME.format(c.wipedAt().atZone(custody.zone()))),
                Map.entry("Atelier", orDash(c.workshop().name())),
                Map.entry("Étape de traçabilité", "n° " + c.event().seq() + ", empreinte SHA-256 " + c.event().hash()),
                Map.entry("Certificat", c.id() + ", émis le " + DATE.format(c.issuedAt().atZone(custody.zone()))));
        float valueX = MARGIN + 170;
        for (Map.Entry<String, String> row : rows) {
            canvas.text(bold, 10, MARGIN, y, row.getKey());
            for (String line : PdfCanvas.wrap(regular, 10, row.getValue(), right - valueX)) {
                canvas.text(regular, 10, valueX, y, line);
                y -= 14;
            }
            y -= 6;
        }
        y -= 6;
        canvas.rule(MARGIN, right, y);
        y -= 20;
        String statement = "Boucle atteste que les supports de stockage de l’appareil ci-dessus ont été effacés par "
                + "l’atelier nommé, selon la méthode indiquée, comme l’atelier l’a enregistré dans la chaîne de "
                + "traçabilité de l’appareil (étapes chaînées par empreintes SHA-256). Ce certificat est signé "
                + "(Ed25519) par Boucle. Pour le vérifier, sans compte, scannez le code QR ou ouvrez :";
        for (String line : PdfCanvas.wrap(regular, 10, statement, right - MARGIN)) {
            canvas.text(regular, 10, MARGIN, y, line);
            y -= 14;
        }
        y -= 4;
        for (String line : PdfCanvas.wrap(bold, 10, url, right - MARGIN)) {
            canvas.text(bold, 10, MARGIN, y, line);
            y -= 14;
        }
        canvas.text(regular, 7, MARGIN, MARGIN, "Établi par Boucle. Format " + WipeCertificate.FORMAT + ".");
    }

    /** The QR code as black squares, so that it stays sharp at any zoom. */
    private static void qr(PDPageContentStream content, String url, float x, float y) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode " + url + " as a QR code", e);
        }
        float module = QR_SIZE / matrix.getWidth();
        content.setNonStrokingColor(0f, 0f, 0f);
        // One rectangle per run of dark modules in a row: no hairline seams between neighbours once rendered.
        for (int row = 0; row < matrix.getHeight(); row++) {
            int column = 0;
            while (column < matrix.getWidth()) {
                if (!matrix.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < matrix.getWidth() && matrix.get(column, row)) {
                    column++;
                }
                content.addRect(x + start * module, y + QR_SIZE - (row + 1) * module, (column - start) * module,
                        module);
            }
        }
        content.fill();
    }

    private String category(String category) {
        return message("wipe.category." + category, category);
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, Locale.FRENCH);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
