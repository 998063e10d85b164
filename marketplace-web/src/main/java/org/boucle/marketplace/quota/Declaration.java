package org.boucle.marketplace.quota;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.boucle.marketplace.platform.CsvExport;
import org.boucle.marketplace.platform.PdfCanvas;
import org.boucle.marketplace.platform.PdfFonts;
import org.boucle.marketplace.quota.QuotaStatus.CategoryStatus;
import org.springframework.stereotype.Component;

/**
 * A buyer's annual declaration, in French as it is filed: one row per minimum of the year's rules (a category with a
 * minimum for réemploi/réutilisation and another for recycled content has two), with the year's spend excluding VAT,
 * its part from réemploi or réutilisation and its part with recycled content, the share that counts, the minimum and
 * whether it is met. As CSV for the declaration itself, and as a PDF report to keep.
 */
@Component
class Declaration {

    static final List<String> HEADER = List.of("Année", "Acheteur", "Règles", "Code catégorie", "Catégorie",
            "Origines comptées", "Montant annuel HT (€)", "dont réemploi ou réutilisation (€)",
            "dont matières recyclées (€)", "Part (%)", "Part minimale (%)", "Atteint");

    private static final float MARGIN = 40;
    private static final PDRectangle LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float RIGHT = LANDSCAPE.getWidth() - MARGIN;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PdfFonts fonts;
    private final QuotaProperties properties;
    private final Clock clock;

    Declaration(PdfFonts fonts, QuotaProperties properties, Clock clock) {
        this.fonts = fonts;
        this.properties = properties;
        this.clock = clock;
    }

    /** The rows, numbers as French spreadsheets read them (decimal comma, no grouping). */
    void csv(QuotaStatus status, CsvExport out) {
        out.row(HEADER.toArray());
        for (CategoryStatus c : status.categories()) {
            out.row(status.year(), status.organizationName(), status.ruleSet().name(), c.category(), c.name(),
                    origins(c.origins()), plain(c.totalSpend()), plain(reuse(c)), plain(recycled(c)),
                    c.share() == null ? "" : plain(c.share().movePointRight(2)),
                    plain(c.minimumShare().movePointRight(2)), c.met() ? "oui" : "non");
        }
    }

    static String fileName(QuotaStatus status, String extension) {
        return "declaration-reemploi-" + status.year() + "-" + status.organizationName() + "." + extension;
    }

    /** One landscape A4 page (more when a ruleset has many minimums). */
    byte[] pdf(QuotaStatus status) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = fonts.regular(document);
            PDFont bold = fonts.bold(document);
            new Report(document, regular, bold).draw(status);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the declaration of " + status.organizationName(), e);
        }
    }

    static String origins(List<Origin> origins) {
        return origins.stream().map(origin -> switch (origin) {
            case NEW -> "neuf";
            case REUSE -> "réemploi";
            case REUTILISATION -> "réutilisation";
            case RECYCLED_CONTENT -> "matières recyclées";
        }).collect(Collectors.joining(", "));
    }

    private static BigDecimal reuse(CategoryStatus c) {
        return c.spendByOrigin().get(Origin.REUSE.code()).add(c.spendByOrigin().get(Origin.REUTILISATION.code()));
    }

    private static BigDecimal recycled(CategoryStatus c) {
        return c.spendByOrigin().get(Origin.RECYCLED_CONTENT.code());
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    /** Draws top-down from a cursor, adding pages as the table grows. */
    private final class Report {

        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final DecimalFormat money;
        private PDPageContentStream content;
        private PdfCanvas canvas;
        private float y;

        Report(PDDocument document, PDFont regular, PDFont bold) {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            money = PdfFonts.frenchNumbers("#,##0.00");
        }

        void draw(QuotaStatus status) throws IOException {
            newPage();
            canvas.text(bold, 16, MARGIN, y, "Achats issus du réemploi, de la réutilisation ou intégrant des "
                    + "matières recyclées");
            y -= 22;
            canvas.text(bold, 12, MARGIN, y, status.organizationName() + " — année " + status.year());
            y -= 18;
            if (status.ruleSet() == null) {
                canvas.text(regular, 10, MARGIN, y, "Aucune règle ne s’applique à cette année.");
                y -= 14;
            } else {
                QuotaRuleSet.Summary rules = status.ruleSet();
                paragraph(regular, 10, "Règles appliquées : " + rules.legalReference() + " (en vigueur depuis le "
                        + FRENCH_DATE.format(rules.inForceFrom()) + ").");
                y -= 8;
                table(status.categories());
            }
            y -= 10;
            paragraph(bold, 10, "Méthode");
            paragraph(regular, 9, "Montants hors taxes, par année civile. Les commandes payées sur Boucle comptent comme "
                    + "réemploi à la date de leur paiement (fuseau horaire " + properties.zone().getId() + ") ; une commande "
                    + "remboursée ou annulée ne compte pas. Les achats importés comptent à leur date, avec l’origine "
                    + "déclarée. Les dons reçus comptent à la valeur forfaitaire de la grille en vigueur à leur date. "
                    + "« Manque » : les achats éligibles à ajouter pour atteindre la part minimale, compte tenu des "
                    + "achats de l’année, soit (m × total − éligibles) / (1 − m), arrondi au centime supérieur.");
            for (QuotaStatus.UncountedDonation donation : status.uncountedDonations()) {
                paragraph(regular, 9, "Non comptés faute de valeur dans la grille des dons : " + donation.units()
                        + " unité(s) de la catégorie Boucle " + donation.boucleCategory() + ".");
            }
            y -= 6;
            canvas.text(regular, 8, MARGIN, MARGIN - 16, "Établi par Boucle le "
                    + FRENCH_DATE.format(LocalDate.now(clock.withZone(properties.zone()))) + ".");
            content.close();
        }

        private void table(List<CategoryStatus> categories) throws IOException {
            y -= 18;
            float[] rights = {0, 430, 510, 590, 665, 710, 760, RIGHT - 4};
            float nameWidth = 180;
            float originsX = MARGIN + nameWidth + 10;
            canvas.band(MARGIN, y - 6, RIGHT - MARGIN, 30);
            canvas.text(bold, 9, MARGIN + 4, y + 10, "Catégorie");
            canvas.text(bold, 9, originsX, y + 10, "Origines comptées");
            String[][] heads = {{"Montant", "annuel HT"}, {"dont réemploi", "ou réutilisation"},
                    {"dont matières", "recyclées"}, {"Manque", ""}, {"Part", ""}, {"Minimum", ""}, {"Atteint", ""}};
            for (int i = 0; i < heads.length; i++) {
                canvas.right(bold, 9, rights[i + 1], y + 10, heads[i][0]);
                canvas.right(bold, 9, rights[i + 1], y, heads[i][1]);
            }
            y -= 22;
            for (CategoryStatus c : categories) {
                List<String> name = PdfCanvas.wrap(regular, 10, c.name(), nameWidth);
                List<String> origins = PdfCanvas.wrap(regular, 10, origins(c.origins()), 115);
                int lines = Math.max(name.size(), origins.size());
                if (y - lines * 13 < MARGIN + 40) {
                    newPage();
                }
                float first = y;
                canvas.right(regular, 10, rights[1], first, euros(c.totalSpend()));
                canvas.right(regular, 10, rights[2], first, euros(reuse(c)));
                canvas.right(regular, 10, rights[3], first, euros(recycled(c)));
                canvas.right(regular, 10, rights[4], first, c.missingSpend() == null ? "—" : euros(c.missingSpend()));
                canvas.right(regular, 10, rights[5], first, c.share() == null ? "—"
                        : money.format(c.share().movePointRight(2)) + "\u00a0%");
                canvas.right(regular, 10, rights[6], first, percent(c.minimumShare()));
                canvas.right(bold, 10, rights[7], first, c.met() ? "oui" : "non");
                for (int i = 0; i < lines; i++) {
                    if (i < name.size()) {
                        canvas.text(regular, 10, MARGIN + 4, y, name.get(i));
                    }
                    if (i < origins.size()) {
                        canvas.text(regular, 10, originsX, y, origins.get(i));
                    }
                    y -= 13;
                }
                y -= 2;
                canvas.rule(MARGIN, RIGHT, y + 8);
                y -= 6;
            }
        }

        private void paragraph(PDFont font, float size, String text) throws IOException {
            for (String line : PdfCanvas.wrap(font, size, text, RIGHT - MARGIN)) {
                if (y < MARGIN + 20) {
                    newPage();
                }
                canvas.text(font, size, MARGIN, y, line);
                y -= size + 3;
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(LANDSCAPE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            canvas = new PdfCanvas(content);
            y = LANDSCAPE.getHeight() - MARGIN - 10;
        }

        private String euros(BigDecimal value) {
            return money.format(value) + "\u00a0€";
        }

        private static String percent(BigDecimal share) {
            return share.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + "\u00a0%";
        }
    }
}
