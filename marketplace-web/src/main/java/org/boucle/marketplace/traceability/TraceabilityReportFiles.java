package org.boucle.marketplace.traceability;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.boucle.marketplace.platform.CsvExport;
import org.boucle.marketplace.platform.PdfCanvas;
import org.boucle.marketplace.platform.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A traceability report as CSV (one row per device) and as PDF (French, A4 landscape), for the API and the pages. */
@Component
class TraceabilityReportFiles {

    private static final float MARGIN = 36;
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float SIZE = 8;
    private static final float LEADING = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** Column headers and widths of the PDF's table (points; they add up to the page's width inside its margins). */
    private static final String[] HEADERS = {"Appareil", "N° de série / inventaire", "Remis le", "Étape actuelle",
            "Détenteur", "Effacement des données", "Certificat"};
    private static final float[] WIDTHS = {140, 105, 50, 95, 110, 135, 134.9f};

    private final PdfFonts fonts;
    private final MessageSource messages;
    private final CustodyProperties custody;

    TraceabilityReportFiles(PdfFonts fonts, MessageSource messages, CustodyProperties custody) {
        this.fonts = fonts;
        this.messages = messages;
        this.custody = custody;
    }

    /** rapport-tracabilite-FROM-TO.ext; an open period runs from the beginning, or up to the report's day. */
    String fileName(TraceabilityReport report, String extension) {
        return "rapport-tracabilite-" + (report.from() == null ? "debut" : report.from()) + "-"
                + (report.to() == null ? report.generatedAt().atZone(custody.zone()).toLocalDate() : report.to())
                + "." + extension;
    }

    void csv(TraceabilityReport report, HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.to(response, fileName(report, "csv"))) {
            csv.row("appareil_id", "categorie", "modele", "numero_serie", "numero_inventaire", "remis_le",
                    "etape_actuelle", "etape_actuelle_le", "site", "detenteur", "issue", "efface_le", "atelier",
                    "methode", "outil", "operateur", "certificat", "verification");
            for (TraceabilityReport.Device d : report.items()) {
                TraceabilityReport.Wipe w = d.wipe();
                csv.row(d.deviceId(), d.category(), d.model(), d.serial(), d.assetTag(), dateTime(d.givenAt()),
                        d.lastStep().name(), dateTime(d.lastStepAt()), d.lastSite(), d.holderName(),
                        d.outcome().name().toLowerCase(Locale.ROOT), w == null ? null : dateTime(w.wipedAt()),
                        w == null ? null : w.workshop(), w == null ? null : w.method(), w == null ? null : w.tool(),
                        w == null ? null : w.operator(), w == null ? null : w.certificateCode(),
                        w == null ? null : w.verificationUrl());
            }
        }
    }

    byte[] pdf(TraceabilityReport report) {
        try (PDDocument document = new PDDocument()) {
            Writer writer = new Writer(document, fonts.regular(document), fonts.bold(document));
            writer.summary(report);
            writer.table(report);
            writer.certificates(report);
            writer.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render a traceability report", e);
        }
    }

    /** Writes down the pages, opening a new one whenever the next block does not fit. */
    private final class Writer {
        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream content;
        private PdfCanvas canvas;
        private float y;
        private int pages;

        Writer(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void summary(TraceabilityReport r) throws IOException {
            canvas.text(bold, 16, MARGIN, y, "Rapport de traçabilité — " + r.donorName());
            y -= 16;
            String period = r.from() == null && r.to() == null ? "tous les appareils remis"
                    : "appareils remis " + (r.from() == null ? "" : "du " + DATE.format(r.from()) + " ")
                    + (r.to() == null ? "jusqu’à ce jour" : "au " + DATE.format(r.to()));
            canvas.text(regular, 9, MARGIN, y, "Boucle — filière du réemploi informatique du territoire · " + period
                    + " · établi le " + DATE_TIME.format(r.generatedAt().atZone(custody.zone())));
            y -= 20;
            String share = r.reuseShare() == null ? "—" : percent(r.reuseShare());
            canvas.text(bold, 10, MARGIN, y, r.devices() + " appareil(s) remis · " + r.reused() + " réemployé(s) · "
                    + r.recycled() + " recyclé(s) · " + r.inChain() + " encore dans la filière · part réemployée : "
                    + share);
            y -= 12;
            canvas.text(regular, 8, MARGIN, y, "Réemployé : vendu ou donné à une association. Recyclé : filière DEEE ou "
                    + "démantelé pour pièces. Part réemployée = réemployés / (réemployés + recyclés).");
            y -= 18;
        }

        void table(TraceabilityReport r) throws IOException {
            header();
            for (TraceabilityReport.Device d : r.items()) {
                TraceabilityReport.Wipe w = d.wipe();
                String[] cells = {
                    message("wipe.category." + d.category(), d.category()) + " — " + orDash(d.model()),
                    orDash(d.serial()) + (d.assetTag() == null ? "" : " / " + d.assetTag()),
                    DATE.format(d.givenAt().atZone(custody.zone())),
                    message("custody.step." + d.lastStep().name(), d.lastStep().name()) + " le "
                            + DATE.format(d.lastStepAt().atZone(custody.zone())),
                    d.holderName() == null ? "hors de la chaîne Boucle" : d.holderName(),
                    w == null ? "—" : w.workshop() + ", " + message("wipe.method." + w.method(), w.method()) + ", "
                            + w.operator() + ", le " + DATE.format(w.wipedAt().atZone(custody.zone())),
                    w == null ? "—" : w.certificateCode()};
                List<List<String>> lines = new ArrayList<>();
                int height = 1;
                for (int i = 0; i < cells.length; i++) {
                    lines.add(PdfCanvas.wrap(regular, SIZE, cells[i], WIDTHS[i] - 4));
                    height = Math.max(height, lines.get(i).size());
                }
                if (y - height * LEADING < MARGIN + 14) {
                    newPage();
                    header();
                }
                float x = MARGIN;
                for (int i = 0; i < cells.length; i++) {
                    float line = y;
                    for (String text : lines.get(i)) {
                        canvas.text(regular, SIZE, x, line, text);
                        line -= LEADING;
                    }
                    x += WIDTHS[i];
                }
                y -= height * LEADING + 3;
                canvas.rule(MARGIN, RIGHT, y + LEADING - 2);
            }
            y -= 10;
        }

        void certificates(TraceabilityReport r) throws IOException {
            List<TraceabilityReport.Device> wiped = r.items().stream().filter(d -> d.wipe() != null).toList();
            if (y < MARGIN + 60) {
                newPage();
            }
            canvas.text(bold, 11, MARGIN, y, "Certificats d’effacement (" + wiped.size() + ")");
            y -= 14;
            canvas.text(regular, 8, MARGIN, y, "Chaque certificat est signé par Boucle et se vérifie sans compte à "
                    + "l’adresse indiquée ; le PDF du certificat se télécharge depuis la page de l’appareil.");
            y -= 14;
            for (TraceabilityReport.Device d : wiped) {
                if (y < MARGIN + 14) {
                    newPage();
                }
                canvas.text(bold, SIZE, MARGIN, y, d.wipe().certificateCode());
                canvas.text(regular, SIZE, MARGIN + 150, y, orDash(d.serial() == null ? d.assetTag() : d.serial()));
                canvas.text(regular, SIZE, MARGIN + 260, y, d.wipe().verificationUrl());
                y -= LEADING;
            }
        }

        private void header() throws IOException {
            canvas.band(MARGIN, y - 3, RIGHT - MARGIN, LEADING + 3);
            float x = MARGIN;
            for (int i = 0; i < HEADERS.length; i++) {
                canvas.text(bold, SIZE, x, y, HEADERS[i]);
                x += WIDTHS[i];
            }
            y -= LEADING + 4;
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            canvas = new PdfCanvas(content);
            pages++;
            canvas.text(regular, 7, MARGIN, MARGIN - 14, "Boucle — rapport de traçabilité — page " + pages);
            y = PAGE.getHeight() - MARGIN - 10;
        }

        void close() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }
    }

    private String dateTime(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant.atZone(custody.zone()));
    }

    private static String percent(BigDecimal share) {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.FRENCH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, Locale.FRENCH);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
