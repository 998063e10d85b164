package org.boucle.marketplace.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.xpath.XPathFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.xml.DomXmpParser;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.ZUGFeRD.ZUGFeRDImporter;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xml.sax.InputSource;

/**
 * Invoices of real orders placed through the API, read back as a machine would: the Factur-X XML embedded in the
 * PDF/A-3, checked by Mustang's validator (EN 16931 schematron, veraPDF). Boucle's account is configured in
 * application-test.yml, as in production: without one an invoice cannot be fully valid (see FacturXRendererTest).
 */
@BoucleTest
class InvoiceApiTest {

    @LocalServerPort
    int port;

    private TestSeller workshop;
    private String sellerSiret;
    private String priced;

    @BeforeEach
    void sellerWithAListing() {
        workshop = TestSeller.onboard(port, "WORKSHOP");
        sellerSiret = randomSiret();
        setSiret(workshop.client(), workshop.id(), sellerSiret);
        priced = workshop.create(workshop.laptop().put("quantityAvailable", 10).put("unitPrice", 249.90)).get("id").asText();
    }

    @Test
    void aPublicBuyerDownloadsAFacturXInvoiceChorusProCanRoute() throws Exception {
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        String buyerSiret = siretOf(publicBuyer);
        JsonNode order = checkout(publicBuyer, reserve(publicBuyer, priced, 3), """
                {"paymentMethod": "invoice", "serviceCode": "SERV-INFO", "commitmentNumber": "EJ-2026-0042"}""");
        String number = order.get("invoiceNumber").asText();
        assertThat(number).matches("BCL-\\d{4}-\\d{6}");

        long start = System.nanoTime();
        HttpResponse<byte[]> download = download("publicbuyer@demo.boucle", "/api/v1/orders/" + order.get("id").asText()
                + "/invoice");
        long renderMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Invoice download (render included) took " + renderMillis + " ms");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + number + ".pdf\"");
        byte[] pdf = download.body();

        ZUGFeRDImporter importer = new ZUGFeRDImporter(new ByteArrayInputStream(pdf));
        String xml = new String(importer.getRawXML(), StandardCharsets.UTF_8);
        Invoice invoice = importer.extractInvoice();
        assertThat(invoice.getNumber()).isEqualTo(number);
        assertThat(invoice.getDocumentCode()).isEqualTo("380");
        assertThat(invoice.getCurrency()).isEqualTo("EUR");
        LocalDate issued = java.time.Instant.parse(order.get("createdAt").asText()).atZone(ZoneId.of("Europe/Paris"))
                .toLocalDate();
        assertThat(xpath(xml, "ExchangedDocument/IssueDateTime/DateTimeString"))
                .isEqualTo(issued.format(DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(xpath(xml, "//SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString"))
                .isEqualTo(issued.plusDays(30).format(DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(invoice.getReferenceNumber()).as("BT-10").isEqualTo("SERV-INFO");
        assertThat(invoice.getBuyerOrderReferencedDocumentID()).as("BT-13").isEqualTo("EJ-2026-0042");

        assertThat(invoice.getSender().getName()).isEqualTo(workshop.name());
        assertThat(invoice.getSender().getLegalOrganisation().getSchemedID().getScheme()).isEqualTo("0009");
        assertThat(invoice.getSender().getLegalOrganisation().getSchemedID().getID()).isEqualTo(sellerSiret);
        String siren = sellerSiret.substring(0, 9);
        assertThat(invoice.getSender().getVATID())
                .isEqualTo("FR%02d%s".formatted((12 + 3 * (Long.parseLong(siren) % 97)) % 97, siren));
        assertThat(invoice.getSender().getStreet()).isEqualTo("1 place Grenette");
        assertThat(invoice.getSender().getLocation()).isEqualTo("Grenoble");
        assertThat(invoice.getRecipient().getName()).isEqualTo("Ville de Grenoble");
        assertThat(invoice.getRecipient().getLegalOrganisation().getSchemedID().getScheme()).isEqualTo("0009");
        assertThat(invoice.getRecipient().getLegalOrganisation().getSchemedID().getID()).isEqualTo(buyerSiret);
        assertThat(invoice.getRecipient().getStreet()).isEqualTo("11 boulevard Jean Pain");

        assertThat(invoice.getZFItems()).hasSize(1);
        Item line = (Item) invoice.getZFItems()[0];
        assertThat(line.getProduct().getName()).isEqualTo("Lenovo ThinkPad T480 — Core i5 8e gén., 16 Go, SSD 256 Go");
        assertThat(line.getQuantity()).isEqualByComparingTo("3");
        assertThat(line.getPrice()).isEqualByComparingTo("249.90");
        assertThat(xpath(xml, "//IncludedSupplyChainTradeLineItem//ApplicableTradeTax/CategoryCode")).isEqualTo("S");
        assertThat(xpath(xml, "//IncludedSupplyChainTradeLineItem//ApplicableTradeTax/RateApplicablePercent"))
                .isEqualTo("20.00");
        // 3 × 249.90 = 749.70; VAT 20 %: 149.94; 899.64 due, as the order says.
        assertThat(xpath(xml, "//LineTotalAmount")).isEqualTo("749.70");
        assertThat(xpath(xml, "//TaxBasisTotalAmount")).isEqualTo("749.70");
        assertThat(xpath(xml, "//SpecifiedTradeSettlementHeaderMonetarySummation/TaxTotalAmount")).isEqualTo("149.94");
        assertThat(xpath(xml, "//GrandTotalAmount")).isEqualTo("899.64");
        assertThat(xpath(xml, "//DuePayableAmount")).isEqualTo("899.64");
        assertThat(order.get("totalInclVat").decimalValue()).isEqualByComparingTo("899.64");
        assertThat(xpath(xml, "//SpecifiedTradeSettlementPaymentMeans/TypeCode")).isEqualTo("30");
        assertThat(xpath(xml, "//PayeePartyCreditorFinancialAccount/IBANID")).isEqualTo("FR7630006000011234567890189");
        assertThat(xpath(xml, "//PayeeTradeParty/Name")).isEqualTo("Boucle");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray())
                    .getPDFAIdentificationSchema().getPart()).isEqualTo(3);
            assertThat(document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()).containsOnlyKeys("factur-x.xml");
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text).contains("Facture émise par Boucle au nom et pour le compte de " + workshop.name())
                    .contains(number).contains("SERV-INFO").contains("EJ-2026-0042").contains("899,64 €");
        }

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, number + ".pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(report).contains("flavour=3");
    }

    @Test
    void theSellerAndCoordinatorsDownloadItAnyoneElseGets404() {
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        JsonNode order = checkout(publicBuyer, reserve(publicBuyer, priced, 1), "{\"paymentMethod\": \"invoice\"}");
        String path = "/api/v1/orders/" + order.get("id").asText() + "/invoice";

        for (ApiClient allowed : new ApiClient[] {workshop.client(), ApiClient.demo(port, "coordinator")}) {
            ApiClient.Response invoice = allowed.get(path);
            assertThat(invoice.status()).isEqualTo(200);
            assertThat(invoice.contentType()).isEqualTo("application/pdf");
            assertThat(invoice.body()).startsWith("%PDF-");
        }
        ApiClient.Response other = ApiClient.demo(port, "buyer").get(path);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("type").asText()).endsWith("/not-found");
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/orders/" + UUID.randomUUID() + "/invoice").status())
                .isEqualTo(404);
    }

    @Test
    void aDonationHasNoInvoice() throws Exception {
        String donated = workshop.create(workshop.laptop().put("quantityAvailable", 5).putNull("unitPrice")).get("id")
                .asText();
        ApiClient association = ApiClient.demo(port, "association");
        JsonNode order = checkout(association, reserve(association, donated, 1), "{\"paymentMethod\": \"donation\"}");

        String path = "/api/v1/orders/" + order.get("id").asText() + "/invoice";
        ApiClient.Response none = association.get(path);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.json().get("type").asText()).endsWith("/no-invoice");
        assertThat(none.json().get("detail").asText()).contains("donation");
        // A client that only accepts PDFs is still told why, not answered 406.
        HttpResponse<byte[]> asPdf = download("association@demo.boucle", path);
        assertThat(asPdf.statusCode()).isEqualTo(404);
        assertThat(asPdf.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new String(asPdf.body(), StandardCharsets.UTF_8)).contains("/no-invoice");
    }

    @Test
    void noInvoiceWhileTheSellerHasNoSiret() {
        TestSeller unidentified = TestSeller.onboard(port, "WORKSHOP");
        String listing = unidentified.create(unidentified.laptop()).get("id").asText();
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        JsonNode order = checkout(publicBuyer, reserve(publicBuyer, listing, 1), "{\"paymentMethod\": \"invoice\"}");

        ApiClient.Response refused = publicBuyer.get("/api/v1/orders/" + order.get("id").asText() + "/invoice");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/seller-unidentified");
        assertThat(refused.json().get("detail").asText()).contains(unidentified.name()).contains("SIRET");
    }

    @Test
    void thePageLinkServesTheSameInvoiceToASignedInUser() throws Exception {
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        JsonNode order = checkout(publicBuyer, reserve(publicBuyer, priced, 2), "{\"paymentMethod\": \"invoice\"}");
        String number = order.get("invoiceNumber").asText();

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as(login).isTrue();
        String form = "username=" + URLEncoder.encode("publicbuyer@demo.boucle", StandardCharsets.UTF_8)
                + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<byte[]> page = browser.send(HttpRequest.newBuilder(uri("/orders/" + order.get("id").asText()
                + "/invoice.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(page.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"" + number + ".pdf\"");
        assertThat(new ZUGFeRDImporter(new ByteArrayInputStream(page.body())).extractInvoice().getNumber()).isEqualTo(number);
    }

    private JsonNode checkout(ApiClient buyer, String reservation, String body) {
        ApiClient.Response order = buyer.post("/api/v1/reservations/" + reservation + "/checkout", body);
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json();
    }

    private static String reserve(ApiClient client, String listing, int quantity) {
        ApiClient.Response held = client.post("/api/v1/reservations",
                "{\"listingId\": \"" + listing + "\", \"quantity\": " + quantity + "}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        return held.json().get("id").asText();
    }

    /** The organization's SIRET, given one first if it has none. */
    private static String siretOf(ApiClient member) {
        String organization = member.get("/api/v1/me").json().get("organization").get("id").asText();
        JsonNode profile = member.get("/api/v1/organizations/" + organization + "/details").json().get("profile");
        if (profile.hasNonNull("siret")) {
            return profile.get("siret").asText();
        }
        String siret = randomSiret();
        setSiret(member, organization, siret);
        return siret;
    }

    private static void setSiret(ApiClient member, String organization, String siret) {
        ObjectNode profile = (ObjectNode) member.get("/api/v1/organizations/" + organization + "/details").json()
                .get("profile");
        ApiClient.Response updated = member.put("/api/v1/organizations/" + organization + "/profile",
                profile.put("siret", siret).toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    /** 13 random digits and the Luhn check digit that makes a valid SIRET (not La Poste's, which has its own rule). */
    private static String randomSiret() {
        StringBuilder digits = new StringBuilder("8");
        for (int i = 1; i < 13; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = digits.charAt(12 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials)
                .header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A path of local names (namespaces ignored), from the root element or anywhere with a leading //. */
    private static String xpath(String xml, String path) throws Exception {
        String expression = (path.startsWith("//") ? "" : "/*/") + String.join("/", java.util.Arrays.stream(path.split("/"))
                .map(step -> step.isEmpty() ? "" : "*[local-name()='" + step + "']").toList());
        return XPathFactory.newInstance().newXPath().evaluate(expression, new InputSource(new StringReader(xml)));
    }
}
