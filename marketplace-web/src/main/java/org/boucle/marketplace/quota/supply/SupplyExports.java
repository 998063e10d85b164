package org.boucle.marketplace.quota.supply;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.boucle.marketplace.platform.CsvExport;
import org.boucle.marketplace.platform.PdfFonts;
import org.springframework.stereotype.Component;

/**
 * The annual figures as the CSV a spreadsheet opens and as a one-page PDF report for the body's records, and the
 * retired devices without destination as a dispositions file ready to fill in.
 */
@Component
class SupplyExports {

    /** French labels of the channels, in the order the figures list them. */
    private static final Map<String, String> CHANNELS = Map.of(
            "transfer_public_body", "Cession à une autre personne publique", "sale", "Vente pour réemploi", "donation", "Don",
            "take_back_reuse", "Reprise pour réemploi", "recycling", "Recyclage", "destruction", "Destruction",
            SupplyFigures.UNKNOWN, "Sans destination connue");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float MARGIN = 50;
    private static final float RIGHT = PDRectangle.A4.getWidth() - MARGIN;

    // Source Sans Pro ships inside Mustang, as the invoices use it: it covers French and typographic spaces.
    private final byte[] regularFont = resource("fonts/SourceSansPro-Regular.ttf");
    private final byte[] boldFont = resource("fonts/SourceSansPro-Bold.ttf");
    private final Clock clock;

    SupplyExports(Clock clock) {
        this.clock = clock;
    }

    void csv(List<SupplyFigures> rows, String fileName, HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.to(response, fileName)) {
            List<Object> header = new ArrayList<>(List.of("organisation", "annee", "reference", "stock_1er_janvier",
                    "exclus_plus_de_10_ans", "age_inconnu", "eligibles", "reformes", "reemployes", "dont_via_boucle"));
            rows.stream().findFirst().ifPresent(first -> header.addAll(first.byChannel().keySet()));
            header.addAll(List.of("part", "part_minimale", "objectif_atteint", "manquants"));
            csv.row(header.toArray());
            for (SupplyFigures f : rows) {
                List<Object> cells = new ArrayList<>(List.of(f.organizationName(), f.year(), f.rule().legalReference(),
                        f.stockOnJanuary1(), f.excludedOver10Years(), f.unknownAge(), f.eligible(), f.retired(),
                        f.retiredToReuse(), f.throughBoucle()));
                cells.addAll(f.byChannel().values());
                cells.add(f.share() == null ? "" : f.share().toPlainString());
                cells.add(f.minimumShare().toPlainString());
                cells.add(f.met() ? "oui" : "non");
                cells.add(f.missingUnits());
                csv.row(cells.toArray());
            }
        }
    }

    void dispositionsToFill(List<RetiredDevice> devices, HttpServletResponse response) throws IOException {
        try (CsvExport csv = CsvExport.to(response, "dispositions-a-declarer.csv")) {
            csv.row(Dispositions.REFERENCE, Dispositions.DATE, Dispositions.CHANNEL, "categorie", "fabricant", "modele",
                    "site");
            devices.forEach(d -> csv.row(d.reference(), FRENCH_DATE.format(d.leftOn()), "", d.category(), d.manufacturer(),
                    d.model(), d.site()));
        }
    }

    void pdf(SupplyFigures figures, HttpServletResponse response) throws IOException {
        byte[] pdf = render(figures);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"reemploi-" + figures.year() + ".pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    byte[] render(SupplyFigures f) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont regular = PDType0Font.load(document, new ByteArrayInputStream(regularFont), true);
            PDFont bold = PDType0Font.load(document, new ByteArrayInputStream(boldFont), true);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Report report = new Report(content);
                report.line(bold, 16, "Réemploi du matériel informatique réformé — " + f.year());
                report.line(bold, 12, f.organizationName());
                report.line(regular, 9, f.rule().legalReference());
                report.gap();
                report.row(bold, "Part réemployée", f.share() == null ? "—" : percent(f.share()));
                report.row(regular, "Part minimale", percent(f.minimumShare()));
                report.row(bold, "Objectif", f.met() ? "atteint" : "non atteint : " + number(f.missingUnits())
                        + " appareil(s) réformé(s) manquent au réemploi");
                report.gap();
                report.row(regular, "Stock au 1er janvier", number(f.stockOnJanuary1()));
                report.row(regular, "Exclus : plus de 10 ans à la réforme", number(f.excludedOver10Years()));
                report.row(regular, "Dont âge inconnu (comptés éligibles)", number(f.unknownAge()));
                report.row(regular, "Éligibles", number(f.eligible()));
                report.row(bold, "Réformés dans l’année (B)", number(f.retired()));
                report.row(bold, "Orientés vers le réemploi (A)", number(f.retiredToReuse()));
                report.row(regular, "Dont par Boucle", number(f.throughBoucle()));
                report.gap();
                report.line(bold, 11, "Destination des appareils réformés");
                for (Map.Entry<String, Long> channel : f.byChannel().entrySet()) {
                    report.row(regular, CHANNELS.get(channel.getKey()), number(channel.getValue()));
                }
                report.gap();
                report.line(bold, 11, "Mois par mois (réformés / réemployés)");
                for (MonthFigures m : f.months()) {
                    report.row(regular, m.month(), number(m.retired()) + " / " + number(m.retiredToReuse()));
                }
                report.gap();
                report.paragraph(regular, 8, "Part = A / B (décret n° 2023-266, art. 3). B : appareils des catégories "
                        + "visées présents au parc le 1er janvier et sortis du parc dans l’année, hors appareils de plus de "
                        + "10 ans à la date de leur réforme ; A : ceux d’entre eux cédés à une autre personne publique, "
                        + "vendus, donnés ou repris pour réemploi. Sources : l’inventaire importé dans Boucle, les commandes "
                        + "des lots publiés sur Boucle, les destinations déclarées. Édité le "
                        + FRENCH_DATE.format(LocalDate.now(clock.withZone(SupplyQuota.FRANCE))) + ".");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the report", e);
        }
    }

    private static String number(long value) {
        return PdfFonts.frenchNumbers("#,##0").format(value);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + "\u00a0%";
    }

    private static byte[] resource(String path) {
        try (InputStream in = SupplyExports.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path + " (it comes with org.mustangproject:library)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws top-down from a cursor on one A4 page. */
    private static final class Report {

        private final PDPageContentStream content;
        private float y = PDRectangle.A4.getHeight() - MARGIN;

        Report(PDPageContentStream content) {
            this.content = content;
        }

        void line(PDFont font, float size, String text) throws IOException {
            y -= size * 1.4f;
            text(font, size, MARGIN, text);
        }

        void row(PDFont font, String label, String value) throws IOException {
            y -= 13;
            text(font, 10, MARGIN, label);
            text(font, 10, RIGHT - font.getStringWidth(value) / 1000 * 10, value);
        }

        void gap() {
            y -= 8;
        }

        void paragraph(PDFont font, float size, String text) throws IOException {
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > RIGHT - MARGIN) {
                    line(font, size, line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            if (!line.isEmpty()) {
                line(font, size, line.toString());
            }
        }

        private void text(PDFont font, float size, float x, String value) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(value);
            content.endText();
        }
    }
}
