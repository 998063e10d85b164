package org.boucle.marketplace.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.boucle.marketplace.platform.PdfFonts;
import org.junit.jupiter.api.Test;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.mustangproject.validator.ESeverity;
import org.mustangproject.validator.ValidationResultItem;
import org.mustangproject.validator.ZUGFeRDValidator;

/** The renderer alone, on documents built by hand: what the API test cannot reach without changing the config. */
class FacturXRendererTest {

    private final FacturXRenderer renderer = new FacturXRenderer(new PdfFonts());

    @Test
    void theVatNumberComesFromTheSiren() {
        // Published numbers: Orange (SIREN 380 129 866) and EDF (552 081 317, whose key has a leading zero).
        assertThat(FrenchIdentifiers.vatNumber("38012986600018")).isEqualTo("FR89380129866");
        assertThat(FrenchIdentifiers.vatNumber("55208131766522")).isEqualTo("FR03552081317");
    }

    @Test
    void withoutABankAccountTheOnlyFaultIsTheMissingAccount() throws Exception {
        byte[] pdf = renderer.render(invoice("Lenovo ThinkPad T480", null));

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        validator.validate(pdf, "BCL-2026-000123.pdf");
        // BT-84 (the account) is required with a credit transfer: the invoice says so rather than inventing one.
        assertThat(validator.getContext().getResults().stream()
                .filter(item -> Set.of(ESeverity.error, ESeverity.fatal, ESeverity.exception).contains(item.getSeverity()))
                .map(ValidationResultItem::getID))
                .isNotEmpty()
                .allMatch(id -> id.equals("CII-SR-470") || id.equals("BR-61"));
        String xml = new String(new ZUGFeRDImporter(new ByteArrayInputStream(pdf)).getRawXML(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<ram:TypeCode>30</ram:TypeCode>").doesNotContain("IBANID");
        assertThat(text(pdf)).contains("Coordonnées bancaires : à demander à Boucle");
    }

    @Test
    void whatTheFontCannotDrawIsReplacedOnThePageButKeptInTheData() throws Exception {
        String title = "Lot \uD83D\uDCE6 ThinkPad — 16 Go";
        byte[] pdf = renderer.render(invoice(title, "FR7630006000011234567890189"));

        assertThat(text(pdf)).contains("Lot ? ThinkPad — 16 Go").contains("FR76 3000 6000 0112 3456 7890 189");
        assertThat(new ZUGFeRDImporter(new ByteArrayInputStream(pdf)).extractInvoice().getZFItems()[0].getProduct()
                .getName()).isEqualTo(title);
    }

    private static InvoiceDocument invoice(String title, String iban) {
        InvoiceDocument.Party seller = new InvoiceDocument.Party("Atelier Reboot Grenoble", "38012986600018",
                "FR89380129866", new InvoiceDocument.Address("8 rue Ampère", "38000", "Grenoble", "FR"));
        InvoiceDocument.Party buyer = new InvoiceDocument.Party("Ville de Grenoble", null, null,
                new InvoiceDocument.Address(null, null, null, "FR"));
        return new InvoiceDocument("BCL-2026-000123", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 23), "EUR",
                "Boucle", seller, buyer, null, null, "8d3c1a9e-0000-4000-8000-000000000001",
                new InvoiceDocument.Line(title, 2, new BigDecimal("100.05"), new BigDecimal("200.10")),
                new BigDecimal("0.200"), new BigDecimal("200.10"), new BigDecimal("40.02"), new BigDecimal("240.12"),
                new InvoiceDocument.Payment("Boucle", iban, null, 30));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
    }
}
