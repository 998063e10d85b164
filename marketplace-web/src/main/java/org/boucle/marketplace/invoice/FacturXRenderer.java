package org.boucle.marketplace.invoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.boucle.marketplace.platform.PdfCanvas;
import org.boucle.marketplace.platform.PdfFonts;
import org.mustangproject.BankDetails;
import org.mustangproject.IncludedNote;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.springframework.stereotype.Component;

/**
 * Renders an invoice as Factur-X (profile EN 16931): a one-page PDF laid out with PDFBox for people to read, then
 * made PDF/A-3 by Mustang with the same invoice attached as CII XML (factur-x.xml) for machines, e.g. Chorus Pro.
 * The page is drawn directly rather than through Mustang's XSL-FO visualiser (FOP): it is French, shows the mandate
 * mention first, and needs neither FOP nor its font scan. The first render in a JVM pays for loading PDFBox and
 * Mustang (seconds); later ones take a fraction of a second.
 */
@Component
class FacturXRenderer {

    /** UNTDID 4461: credit transfer. */
    private static final String CREDIT_TRANSFER = "30";
    /** UN/ECE recommendation 20: one unit. */
    private static final String UNIT = "C62";
    /** Europe's legal scheme for a SIRET (ISO 6523 ICD 0009). */
    private static final String SIRET_SCHEME = "0009";

    private static final float MARGIN = 50;
    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float RIGHT = PAGE_WIDTH - MARGIN;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PdfFonts fonts;

    FacturXRenderer(PdfFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(InvoiceDocument invoice) {
        Invoice data = crossIndustryInvoice(invoice);
        TransactionCalculator totals = new TransactionCalculator(data);
        // The XML computes its own totals from the line: it must agree to the cent with the order's amounts.
        if (totals.getTaxBasis().compareTo(invoice.totalExclVat()) != 0
                || totals.getGrandTotal().compareTo(invoice.totalInclVat()) != 0) {
            throw new IllegalStateException("Invoice " + invoice.number() + " totals " + totals.getTaxBasis() + "/"
                    + totals.getGrandTotal() + " differ from the order's " + invoice.totalExclVat() + "/"
                    + invoice.totalInclVat());
        }
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.setProducer("Boucle").setCreator(invoice.issuerName()).setCreatorTool("Boucle")
                    .setProfile(Profiles.getByName("EN16931"))
                    .disableAutoClose(true)
                    .load(page(invoice));
            exporter.setTransaction(data);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            exporter.export(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render invoice " + invoice.number(), e);
        }
    }

    /** The invoice as Mustang models it, from which it writes the CII XML. */
    private static Invoice crossIndustryInvoice(InvoiceDocument invoice) {
        InvoiceDocument.Payment payment = invoice.payment();
        BankDetails transfer = new BankDetails(payment.iban(), payment.bic()).setPaymentMeansCode(CREDIT_TRANSFER)
                .setPaymentMeansInformation("Virement bancaire");
        if (payment.iban() != null) {
            transfer.setAccountName(payment.payeeName());
        }
        TradeParty seller = party(invoice.seller()).addBankDetails(transfer);
        InvoiceDocument.Line line = invoice.line();
        Invoice data = new Invoice()
                .setDocumentCode("380")
                .setNumber(invoice.number())
                .setIssueDate(date(invoice.issueDate()))
                .setDueDate(date(invoice.dueDate()))
                .setCurrency(invoice.currency())
                .setSender(seller)
                .setRecipient(party(invoice.buyer()))
                .setReferenceNumber(invoice.buyerReference())
                .setPaymentTermDescription(paymentTerms(invoice))
                .addItem(new Item(new Product(line.description(), null, UNIT,
                        invoice.vatRate().movePointRight(2)).setTaxCategoryCode("S"), line.unitPrice(),
                        BigDecimal.valueOf(line.quantity())))
                .addRegulatoryNote(invoice.mandateMention())
                .addNotes(paymentMentions());
        if (invoice.purchaseOrderReference() != null) {
            data.setBuyerOrderReferencedDocumentID(invoice.purchaseOrderReference());
        }
        // Buyers pay the issuer, who collects for the seller: it is the payee (BG-10) whenever it is not the seller.
        if (!payment.payeeName().equals(invoice.seller().name())) {
            data.setPayee(new TradeParty().setName(payment.payeeName()));
        }
        return data;
    }

    /**
     * The payment mentions French law requires on invoices (code de commerce L441-9), as EN 16931 notes with the
     * subject codes French validators look for. New objects each time: Mustang's notes are mutable.
     */
    private static List<IncludedNote> paymentMentions() {
        return List.of(
                new IncludedNote("Pas d’escompte pour paiement anticipé.", SubjectCode.AAB),
                new IncludedNote("Pénalités de retard : taux d’intérêt de la BCE majoré de 10 points (pour les "
                        + "acheteurs publics : intérêts moratoires au taux de la BCE majoré de 8 points).", SubjectCode.PMD),
                new IncludedNote("Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €.",
                        SubjectCode.PMT));
    }

    private static TradeParty party(InvoiceDocument.Party party) {
        InvoiceDocument.Address address = party.address();
        TradeParty trade = new TradeParty(party.name(), address.street(), address.postalCode(), address.city(),
                address.countryCode());
        if (party.siret() != null) {
            trade.setLegalOrganisation(new LegalOrganisation(party.siret(), SIRET_SCHEME));
        }
        if (party.vatId() != null) {
            trade.addVATID(party.vatId());
        }
        return trade;
    }

    private static String paymentTerms(InvoiceDocument invoice) {
        return "Paiement à " + invoice.payment().days() + " jours, au plus tard le "
                + FRENCH_DATE.format(invoice.dueDate()) + ", par virement bancaire.";
    }

    /** Mustang formats dates in the JVM's zone: noon there is the right calendar day whatever the zone. */
    private static Date date(LocalDate day) {
        return Date.from(day.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    /** The page people read: one A4 page, an order being one line. */
    private byte[] page(InvoiceDocument invoice) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDFont regular = fonts.regular(document);
            PDFont bold = fonts.bold(document);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Layout(new PdfCanvas(content), regular, bold).draw(invoice);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Draws top-down from a cursor; French number and date formats. */
    private static final class Layout {

        private final PdfCanvas canvas;
        private final PDFont regular;
        private final PDFont bold;
        private final DecimalFormat money;
        private float y = PDRectangle.A4.getHeight() - MARGIN;

        Layout(PdfCanvas canvas, PDFont regular, PDFont bold) {
            this.canvas = canvas;
            this.regular = regular;
            this.bold = bold;
            money = PdfFonts.frenchNumbers("#,##0.00");
        }

        void draw(InvoiceDocument invoice) throws IOException {
            text(bold, 22, MARGIN, y - 16, "FACTURE");
            right(bold, 12, RIGHT, y - 4, "N° " + invoice.number());
            right(regular, 10, RIGHT, y - 18, "Date d’émission : " + FRENCH_DATE.format(invoice.issueDate()));
            right(regular, 10, RIGHT, y - 31, "Date d’échéance : " + FRENCH_DATE.format(invoice.dueDate()));
            y -= 56;
            for (String line : PdfCanvas.wrap(regular, 10, invoice.mandateMention(), RIGHT - MARGIN)) {
                text(regular, 10, MARGIN, y, line);
                y -= 13;
            }
            y -= 12;

            float top = y;
            float left = party(MARGIN, "Vendeur", invoice.seller());
            y = top;
            float rightColumn = party(PAGE_WIDTH / 2 + 10, "Acheteur", invoice.buyer());
            y = Math.min(left, rightColumn) - 10;

            heading("Références");
            labelled("Code service (référence acheteur)", invoice.buyerReference());
            labelled("Numéro d’engagement (bon de commande)", invoice.purchaseOrderReference());
            labelled("Commande Boucle", invoice.orderReference());
            y -= 12;

            lineTable(invoice);
            totals(invoice);
            payment(invoice);

            y -= 6;
            for (IncludedNote mention : paymentMentions()) {
                for (String line : PdfCanvas.wrap(regular, 8, mention.getContent(), RIGHT - MARGIN)) {
                    text(regular, 8, MARGIN, y, line);
                    y -= 10;
                }
            }
            text(regular, 8, MARGIN, MARGIN - 20, "Factur-X (EN 16931) : les données de cette facture sont jointes "
                    + "au PDF au format structuré (factur-x.xml).");
        }

        /** A party's block; answers the cursor below it. */
        private float party(float x, String title, InvoiceDocument.Party party) throws IOException {
            float width = PAGE_WIDTH / 2 - MARGIN - 10;
            text(bold, 10, x, y, title.toUpperCase(Locale.FRANCE));
            y -= 15;
            for (String line : PdfCanvas.wrap(bold, 11, party.name(), width)) {
                text(bold, 11, x, y, line);
                y -= 14;
            }
            InvoiceDocument.Address address = party.address();
            List<String> lines = new ArrayList<>();
            if (address.street() != null) {
                lines.addAll(PdfCanvas.wrap(regular, 10, address.street(), width));
            }
            String city = String.join(" ", Stream.of(address.postalCode(), address.city())
                    .filter(Objects::nonNull).toList());
            if (!city.isEmpty()) {
                lines.add(city);
            }
            lines.add("FR".equals(address.countryCode()) ? "France" : address.countryCode());
            lines.add("SIRET : " + (party.siret() == null ? "non renseigné" : party.siret()));
            if (party.vatId() != null) {
                lines.add("N° TVA intracommunautaire : " + party.vatId());
            }
            for (String line : lines) {
                text(regular, 10, x, y, line);
                y -= 13;
            }
            return y;
        }

        private void lineTable(InvoiceDocument invoice) throws IOException {
            float quantityRight = 340;
            float unitRight = 425;
            float vatRight = 470;
            float descriptionWidth = 248;
            canvas.band(MARGIN, y - 6, RIGHT - MARGIN, 20);
            text(bold, 9, MARGIN + 4, y, "Désignation");
            right(bold, 9, quantityRight, y, "Quantité");
            right(bold, 9, unitRight, y, "Prix unitaire HT");
            right(bold, 9, vatRight, y, "TVA");
            right(bold, 9, RIGHT - 4, y, "Montant HT");
            y -= 22;
            InvoiceDocument.Line line = invoice.line();
            float first = y;
            right(regular, 10, quantityRight, first, String.valueOf(line.quantity()));
            right(regular, 10, unitRight, first, amount(line.unitPrice(), invoice.currency()));
            right(regular, 10, vatRight, first, percent(invoice.vatRate()));
            right(regular, 10, RIGHT - 4, first, amount(line.netAmount(), invoice.currency()));
            for (String part : PdfCanvas.wrap(regular, 10, line.description(), descriptionWidth)) {
                text(regular, 10, MARGIN + 4, y, part);
                y -= 13;
            }
            y -= 2;
            rule(MARGIN, RIGHT);
            y -= 18;
        }

        private void totals(InvoiceDocument invoice) throws IOException {
            float labels = 360;
            String currency = invoice.currency();
            total(regular, labels, "Total HT", amount(invoice.totalExclVat(), currency));
            total(regular, labels, "TVA " + percent(invoice.vatRate()), amount(invoice.vatAmount(), currency));
            total(bold, labels, "Total TTC", amount(invoice.totalInclVat(), currency));
            y -= 2;
            rule(labels, RIGHT);
            y -= 14;
            total(bold, labels, "Net à payer", amount(invoice.totalInclVat(), currency));
            y -= 10;
        }

        private void total(PDFont font, float x, String label, String value) throws IOException {
            text(font, 10, x, y, label);
            right(font, 10, RIGHT - 4, y, value);
            y -= 15;
        }

        private void payment(InvoiceDocument invoice) throws IOException {
            InvoiceDocument.Payment payment = invoice.payment();
            heading("Paiement");
            for (String line : PdfCanvas.wrap(regular, 10, paymentTerms(invoice), RIGHT - MARGIN)) {
                text(regular, 10, MARGIN, y, line);
                y -= 13;
            }
            labelled("Bénéficiaire", payment.payeeName() + " (encaisse pour le compte du vendeur)");
            if (payment.iban() != null) {
                labelled("IBAN", groups(payment.iban()));
                labelled("BIC", payment.bic());
            } else {
                labelled("Coordonnées bancaires", "à demander à " + payment.payeeName());
            }
            labelled("Référence à rappeler", invoice.number());
        }

        private void heading(String title) throws IOException {
            text(bold, 10, MARGIN, y, title.toUpperCase(Locale.FRANCE));
            y -= 15;
        }

        /** "label : value", skipped when there is no value. */
        private void labelled(String label, String value) throws IOException {
            if (value == null) {
                return;
            }
            String head = label + " : ";
            text(regular, 10, MARGIN, y, head);
            float x = MARGIN + PdfCanvas.width(regular, 10, head);
            for (String line : PdfCanvas.wrap(bold, 10, value, RIGHT - x)) {
                text(bold, 10, x, y, line);
                y -= 13;
            }
        }

        private void rule(float from, float to) throws IOException {
            canvas.rule(from, to, y);
        }

        private void text(PDFont font, float size, float x, float baseline, String value) throws IOException {
            canvas.text(font, size, x, baseline, value);
        }

        private void right(PDFont font, float size, float rightEdge, float baseline, String value) throws IOException {
            canvas.right(font, size, rightEdge, baseline, value);
        }

        private String amount(BigDecimal value, String currency) {
            return money.format(value) + ("EUR".equals(currency) ? "\u00a0€" : " " + currency);
        }

        private static String percent(BigDecimal rate) {
            return rate.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',') + "\u00a0%";
        }

        private static String groups(String iban) {
            return iban.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }
}
