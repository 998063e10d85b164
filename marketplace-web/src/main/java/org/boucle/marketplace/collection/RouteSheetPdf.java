package org.boucle.marketplace.collection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.boucle.marketplace.collection.RouteSheets.RouteSheet;
import org.boucle.marketplace.platform.PdfCanvas;
import org.boucle.marketplace.platform.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A driver's route sheet to print, in French: A4, the stops in order in a table, with a box per stop for the donor's
 * signature, then where to unload. Stops that do not fit go on to the next page, under the table's header again.
 */
@Component
class RouteSheetPdf {

    private static final float MARGIN = 40;
    private static final float LINE = 11;
    private static final float SIGNATURE_HEIGHT = 48;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Columns' left edges: number, times, site and contact, lots, signature; then the right edge. */
    private static final float[] COLUMNS = {MARGIN, MARGIN + 24, MARGIN + 84, MARGIN + 304, MARGIN + 414,
        PDRectangle.A4.getWidth() - MARGIN};

    private final PdfFonts fonts;
    private final MessageSource messages;

    RouteSheetPdf(PdfFonts fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    byte[] render(RouteSheet sheet) {
        try (PDDocument document = new PDDocument()) {
            new Writer(document, fonts.regular(document), fonts.bold(document), sheet).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a route sheet", e);
        }
    }

    /** One document's pages, written top to bottom. */
    private final class Writer {

        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final RouteSheet sheet;
        private PDPageContentStream content;
        private PdfCanvas canvas;
        private float y;
        private int pages;

        Writer(PDDocument document, PDFont regular, PDFont bold, RouteSheet sheet) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            this.sheet = sheet;
        }

        void write() throws IOException {
            newPage();
            canvas.text(bold, 16, MARGIN, y, "Feuille de route — " + sheet.vehicleName());
            y -= 18;
            canvas.text(regular, 11, MARGIN, y, sheet.collectorName() + " — " + DAY.format(sheet.day()));
            y -= 16;
            paragraph(regular, 10, "Départ du dépôt " + sheet.depot().name() + " (" + sheet.depot().address()
                    + ") à " + TIME.format(sheet.shiftStart()) + " ; fin de service à " + TIME.format(sheet.shiftEnd())
                    + ". " + sheet.stops().size() + " arrêt" + (sheet.stops().size() > 1 ? "s" : "") + ", "
                    + sheet.devices() + " appareil" + (sheet.devices() > 1 ? "s" : "") + ".");
            y -= 8;
            header();
            for (Pickup stop : sheet.stops()) {
                stop(stop);
            }
            if (sheet.stops().isEmpty()) {
                canvas.text(regular, 10, MARGIN, y - LINE, "Aucun arrêt ce jour.");
                y -= 2 * LINE;
            }
            y -= 10;
            for (Pickup.Place workshop : sheet.workshops()) {
                List<String> lines = PdfCanvas.wrap(regular, 10, "Déchargement à l’atelier " + workshop.name() + ", "
                        + workshop.address() + ".", COLUMNS[5] - MARGIN);
                ensure(lines.size() * 14 + 4);
                for (String line : lines) {
                    canvas.text(bold, 10, MARGIN, y, line);
                    y -= 14;
                }
            }
            content.close();
        }

        private void stop(Pickup stop) throws IOException {
            List<String> site = new ArrayList<>();
            site.addAll(wrap(stop.site().address(), 2));
            site.addAll(wrap(stop.donorName(), 2));
            String contact = String.join(" · ", java.util.stream.Stream.of(stop.contactPhone(), stop.contactEmail())
                    .filter(v -> v != null && !v.isBlank()).toList());
            if (!contact.isEmpty()) {
                site.addAll(wrap(contact, 2));
            }
            if (stop.accessNotes() != null && !stop.accessNotes().isBlank()) {
                site.addAll(wrap("Accès : " + stop.accessNotes(), 2));
            }
            List<String> lots = new ArrayList<>();
            for (Pickup.Lot lot : stop.lots()) {
                String label = messages.getMessage("category." + lot.category(), null, lot.category(), Locale.FRENCH);
                lots.addAll(PdfCanvas.wrap(regular, 9, label + (lot.devices() == null ? "" : " : " + lot.devices()),
                        COLUMNS[4] - COLUMNS[3] - 6));
            }
            lots.add("Total : " + stop.devices() + " appareil" + (stop.devices() > 1 ? "s" : ""));
            List<String> name = PdfCanvas.wrap(bold, 10, stop.site().name(), COLUMNS[3] - COLUMNS[2] - 6);
            float height = Math.max(Math.max((name.size() + site.size()) * LINE, lots.size() * LINE),
                    SIGNATURE_HEIGHT + LINE) + 10;
            if (y - height < MARGIN + 20) {
                content.close();
                newPage();
                header();
            }
            float top = y - LINE;
            canvas.text(bold, 11, COLUMNS[0] + 2, top, Integer.toString(stop.position()));
            canvas.text(regular, 10, COLUMNS[1], top, TIME.format(stop.arrival()) + "–" + TIME.format(stop.departure()));
            if (stop.status() == PickupStatus.COLLECTED) {
                canvas.text(regular, 8, COLUMNS[1], top - LINE, "collecté");
            }
            float line = top;
            for (String text : name) {
                canvas.text(bold, 10, COLUMNS[2], line, text);
                line -= LINE;
            }
            for (String text : site) {
                canvas.text(regular, 9, COLUMNS[2], line, text);
                line -= LINE;
            }
            line = top;
            for (String text : lots) {
                canvas.text(regular, 9, COLUMNS[3], line, text);
                line -= LINE;
            }
            canvas.text(regular, 7, COLUMNS[4], top, "Signature du donneur");
            content.setLineWidth(0.5f);
            content.addRect(COLUMNS[4], top - 4 - SIGNATURE_HEIGHT, COLUMNS[5] - COLUMNS[4], SIGNATURE_HEIGHT);
            content.stroke();
            y -= height;
            canvas.rule(MARGIN, COLUMNS[5], y + 4);
        }

        private List<String> wrap(String text, int indent) throws IOException {
            return PdfCanvas.wrap(regular, 9, text == null ? "" : text, COLUMNS[3] - COLUMNS[2] - 6 - indent);
        }

        private void header() throws IOException {
            canvas.band(MARGIN, y - 16, COLUMNS[5] - MARGIN, 18);
            String[] titles = {"N°", "Horaire", "Site, donneur et contact", "Lots", "Signature"};
            for (int i = 0; i < titles.length; i++) {
                canvas.text(bold, 9, COLUMNS[i] + 2, y - 11, titles[i]);
            }
            y -= 20;
        }

        private void paragraph(PDFont font, float size, String text) throws IOException {
            for (String line : PdfCanvas.wrap(font, size, text, COLUMNS[5] - MARGIN)) {
                canvas.text(font, size, MARGIN, y, line);
                y -= size + 4;
            }
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN + 20) {
                content.close();
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            canvas = new PdfCanvas(content);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN - 6;
            canvas.text(regular, 7, MARGIN, MARGIN - 14, "Boucle — feuille de route " + sheet.vehicleName() + ", "
                    + sheet.day() + " — page " + pages);
        }
    }
}
