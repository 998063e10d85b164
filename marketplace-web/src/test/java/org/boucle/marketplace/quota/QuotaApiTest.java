package org.boucle.marketplace.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.quota.QuotaFixtures.HEADER;
import static org.boucle.marketplace.quota.QuotaFixtures.category;
import static org.boucle.marketplace.quota.QuotaFixtures.imported;
import static org.boucle.marketplace.quota.QuotaFixtures.paidOrder;
import static org.boucle.marketplace.quota.QuotaFixtures.quota;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A public buyer's figures through the API, each test with its own fresh buyer so that the expected figures,
 * computed by hand in the comments, are the only purchases counted. 2026 is ruled by décret n° 2024-134 as seeded:
 * IT equipment 20 % from réemploi or réutilisation; textiles 8 % from réemploi or réutilisation and 20 % with
 * recycled content.
 */
@BoucleTest
class QuotaApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestSeller workshop;
    private TestSeller buyer;

    @BeforeEach
    void actors() {
        workshop = TestSeller.onboard(port, "WORKSHOP");
        buyer = QuotaFixtures.publicBuyer(port);
    }

    @Test
    void mixedOriginsInSeveralCategoriesWithBoucleOrdersCountingAutomatically() {
        imported(buyer.client(), HEADER + """
                05/01/2026,IT_TELEPHONY,Écrans en plastique recyclé,Fournisseur A,1000.00,recycled_content
                10/02/2026,IT_TELEPHONY,Portables reconditionnés,Atelier B,1500.00,reuse
                15/03/2026,IT_TELEPHONY,Portables neufs,UGAP,8000.00,new
                20/04/2026,IT_TELEPHONY,Écrans réutilisés,Envie,500.00,reutilisation
                02/05/2026,TEXTILES,Tenues de travail,Fournisseur C,5000.00,new
                03/05/2026,TEXTILES,Blouses de seconde main,Le Relais,300.00,reuse
                04/05/2026,TEXTILES,Polaires en polyester recyclé,Fournisseur D,1200.00,recycled_content
                """);
        JsonNode before = quota(buyer.client(), 2026);
        assertThat(before.at("/ruleSet/name").asText()).isEqualTo("Décret n° 2024-134");
        assertThat(before.get("organizationId").asText()).isEqualTo(buyer.id());
        assertThat(before.get("categories")).hasSize(3);

        // IT: t = 1,000 + 1,500 + 8,000 + 500 = 11,000; q = 1,500 (reuse) + 500 (reutilisation) = 2,000; recycled
        // content does not count for IT. Share 2,000 / 11,000 = 0.1818 < 0.20; missing (2,200 − 2,000) / 0.8 = 250.00.
        JsonNode it = category(before, "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it.get("totalSpend").decimalValue()).isEqualByComparingTo("11000.00");
        assertThat(it.get("qualifyingSpend").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(it.get("share").decimalValue()).isEqualByComparingTo("0.1818");
        assertThat(it.get("minimumShare").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(it.get("met").asBoolean()).isFalse();
        assertThat(it.get("missingSpend").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(it.at("/spendByOrigin/new").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(it.at("/spendByOrigin/recycled_content").decimalValue()).isEqualByComparingTo("1000.00");
        // Month by month, cumulative: January 1,000 / 0 → 0; February 2,500 / 1,500 → 0.6; March 10,500 / 1,500 →
        // 0.1429; April on 11,000 / 2,000 → 0.1818.
        assertThat(it.at("/byMonth/0/share").decimalValue()).isEqualByComparingTo("0");
        assertThat(it.at("/byMonth/1/share").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(it.at("/byMonth/2/share").decimalValue()).isEqualByComparingTo("0.1429");
        assertThat(it.at("/byMonth/11/totalSpend").decimalValue()).isEqualByComparingTo("11000.00");

        // Textiles: t = 5,000 + 300 + 1,200 = 6,500. Reuse: 300 / 6,500 = 0.0462 < 0.08, missing (520 − 300) / 0.92 =
        // 239.1304… → 239.14. Recycled content: 1,200 / 6,500 = 0.1846 < 0.20, missing (1,300 − 1,200) / 0.8 = 125.00.
        JsonNode textilesReuse = category(before, "TEXTILES", "reuse", "reutilisation");
        assertThat(textilesReuse.get("totalSpend").decimalValue()).isEqualByComparingTo("6500.00");
        assertThat(textilesReuse.get("share").decimalValue()).isEqualByComparingTo("0.0462");
        assertThat(textilesReuse.get("missingSpend").decimalValue()).isEqualByComparingTo("239.14");
        JsonNode textilesRecycled = category(before, "TEXTILES", "recycled_content");
        assertThat(textilesRecycled.get("qualifyingSpend").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(textilesRecycled.get("share").decimalValue()).isEqualByComparingTo("0.1846");
        assertThat(textilesRecycled.get("missingSpend").decimalValue()).isEqualByComparingTo("125.00");

        // Two refurbished laptops at 600.00 bought on Boucle in June count as réemploi: IT t = 12,200, q = 3,200,
        // 3,200 / 12,200 = 0.2623 ≥ 0.20, nothing missing. Textiles do not move.
        paidOrder(port, jdbc, workshop, buyer, "LAPTOP", "600.00", 2, Instant.parse("2026-06-15T08:00:00Z"));
        JsonNode after = quota(buyer.client(), 2026);
        JsonNode itAfter = category(after, "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(itAfter.get("totalSpend").decimalValue()).isEqualByComparingTo("12200.00");
        assertThat(itAfter.get("qualifyingSpend").decimalValue()).isEqualByComparingTo("3200.00");
        assertThat(itAfter.get("share").decimalValue()).isEqualByComparingTo("0.2623");
        assertThat(itAfter.get("met").asBoolean()).isTrue();
        assertThat(itAfter.get("missingSpend").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(itAfter.at("/spendByOrigin/reuse").decimalValue()).isEqualByComparingTo("2700.00");
        assertThat(category(after, "TEXTILES", "recycled_content").get("share").decimalValue())
                .isEqualByComparingTo("0.1846");
    }

    @Test
    void theYearEndsAtMidnightInParis() {
        imported(buyer.client(), HEADER + """
                31/12/2025,IT_TELEPHONY,Portables reconditionnés,Atelier,1000.00,reuse
                01/01/2026,IT_TELEPHONY,Portables neufs,UGAP,4000.00,new
                """);
        // 22:30 UTC on 31 December is 23:30 in Paris: still 2025. 23:30 UTC is 00:30 on 1 January in Paris: 2026.
        paidOrder(port, jdbc, workshop, buyer, "LAPTOP", "500.00", 1, Instant.parse("2025-12-31T22:30:00Z"));
        paidOrder(port, jdbc, workshop, buyer, "SCREEN", "700.00", 1, Instant.parse("2025-12-31T23:30:00Z"));

        // 2025: t = 1,000 + 500 = 1,500, all of it reused: share 1.
        JsonNode it2025 = category(quota(buyer.client(), 2025), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it2025.get("totalSpend").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(it2025.get("share").decimalValue()).isEqualByComparingTo("1");
        assertThat(it2025.at("/byMonth/11/totalSpend").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(it2025.at("/byMonth/10/totalSpend").decimalValue()).isEqualByComparingTo("0.00");
        // 2026: t = 4,000 + 700 = 4,700, q = 700: 0.1489; missing (940 − 700) / 0.8 = 300.00. All in January.
        JsonNode it2026 = category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it2026.get("totalSpend").decimalValue()).isEqualByComparingTo("4700.00");
        assertThat(it2026.get("qualifyingSpend").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(it2026.get("share").decimalValue()).isEqualByComparingTo("0.1489");
        assertThat(it2026.get("missingSpend").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(it2026.at("/byMonth/0/totalSpend").decimalValue()).isEqualByComparingTo("4700.00");
    }

    @Test
    void aRefundRemovesTheSpendAndAnUnpaidOrderNeverCounts() {
        imported(buyer.client(), HEADER + "01/03/2026,IT_TELEPHONY,Portables neufs,UGAP,4800.00,new\n");
        String order = paidOrder(port, jdbc, workshop, buyer, "LAPTOP", "400.00", 3, Instant.parse("2026-03-10T09:00:00Z"));
        String unpaidListing = workshop.create(workshop.laptop().put("quantityAvailable", 1).put("unitPrice", 900))
                .get("id").asText();
        QuotaFixtures.checkout(buyer.client(), unpaidListing, 1, "invoice");

        // Paid: t = 4,800 + 3 × 400 = 6,000, q = 1,200: exactly 0.2, met. The unpaid 900 counts for nothing.
        JsonNode paid = category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(paid.get("totalSpend").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(paid.get("share").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(paid.get("met").asBoolean()).isTrue();

        ApiClient.Response refund = workshop.client().post("/api/v1/orders/" + order + "/refund", "{}");
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(refund.json().get("status").asText()).isEqualTo("REFUNDED");

        // Refunded: t = 4,800, q = 0; missing 0.2 × 4,800 / 0.8 = 1,200.00.
        JsonNode refunded = category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(refunded.get("totalSpend").decimalValue()).isEqualByComparingTo("4800.00");
        assertThat(refunded.get("qualifyingSpend").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(refunded.get("met").asBoolean()).isFalse();
        assertThat(refunded.get("missingSpend").decimalValue()).isEqualByComparingTo("1200.00");
    }

    @Test
    void nothingBoughtMeansNothingOwed() {
        JsonNode it = category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it.get("totalSpend").decimalValue()).isEqualByComparingTo("0");
        assertThat(it.get("share").isNull()).isTrue();
        assertThat(it.get("met").asBoolean()).isTrue();
        assertThat(it.get("missingSpend").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aPlannedBudgetProjectsTheYearsEnd() {
        imported(buyer.client(), HEADER + """
                02/02/2026,IT_TELEPHONY,Portables neufs,UGAP,9000.00,new
                03/02/2026,IT_TELEPHONY,Portables reconditionnés,Atelier,2000.00,reuse
                """);
        ApiClient.Response plan = buyer.client().put("/api/v1/quota/budget",
                "{\"year\": 2026, \"category\": \"IT_TELEPHONY\", \"plannedSpend\": 30000}");
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);

        // Spent 11,000 of which 2,000 qualifying, plan 30,000: at 20 %, 6,000 qualifying by the year's end, so 4,000
        // of the 19,000 left (0.2105) must qualify; at best (2,000 + 19,000) / 30,000 = 0.7.
        JsonNode it = category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it.get("plannedSpend").decimalValue()).isEqualByComparingTo("30000");
        assertThat(it.at("/projection/remainingBudget").decimalValue()).isEqualByComparingTo("19000.00");
        assertThat(it.at("/projection/qualifyingNeeded").decimalValue()).isEqualByComparingTo("4000.00");
        assertThat(it.at("/projection/shareOfRemainingNeeded").decimalValue()).isEqualByComparingTo("0.2105");
        assertThat(it.at("/projection/reachable").asBoolean()).isTrue();
        assertThat(category(quota(buyer.client(), 2026), "TEXTILES", "recycled_content").has("projection")).isFalse();

        ApiClient.Response negative = buyer.client().put("/api/v1/quota/budget",
                "{\"year\": 2026, \"category\": \"IT_TELEPHONY\", \"plannedSpend\": -5}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").findValuesAsText("field")).containsExactly("plannedSpend");
        assertThat(buyer.client().put("/api/v1/quota/budget",
                "{\"year\": 2026, \"category\": \"FURNITURE\", \"plannedSpend\": 5}").status()).isEqualTo(400);
        // A null plan removes it.
        buyer.client().put("/api/v1/quota/budget", "{\"year\": 2026, \"category\": \"IT_TELEPHONY\", \"plannedSpend\": null}");
        assertThat(category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation").has("projection"))
                .isFalse();
    }

    @Test
    void aBuyerSeesOnlyItsOwnAndCoordinatorsSeeEveryBuyerAndTheTerritory() {
        imported(buyer.client(), HEADER + "02/02/2026,IT_TELEPHONY,Portables neufs,UGAP,1000.00,new\n");
        TestSeller other = QuotaFixtures.publicBuyer(port);
        ApiClient coordinator = ApiClient.demo(port, "coordinator");

        assertThat(other.client().get("/api/v1/quota?organizationId=" + buyer.id()).status()).isEqualTo(404);
        assertThat(other.client().get("/api/v1/quota?organizationId=" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/quota").status()).isEqualTo(403);
        assertThat(other.client().get("/api/v1/quota/territory").status()).isEqualTo(403);
        ApiClient.Response unnamed = coordinator.get("/api/v1/quota");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("errors").findValuesAsText("field")).containsExactly("organizationId");
        // A coordinator sees every public buyer, and only public buyers.
        assertThat(coordinator.get("/api/v1/quota?organizationId=" + workshop.id()).status()).isEqualTo(404);
        JsonNode seen = coordinator.get("/api/v1/quota?year=2026&organizationId=" + buyer.id()).json();
        assertThat(category(seen, "IT_TELEPHONY", "reuse", "reutilisation").get("totalSpend").decimalValue())
                .isEqualByComparingTo("1000.00");

        JsonNode territory = coordinator.get("/api/v1/quota/territory?year=2026").json();
        JsonNode row = null;
        for (JsonNode b : territory.get("buyers")) {
            if (b.get("organizationId").asText().equals(buyer.id())) {
                row = b;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.at("/categories/0/category").asText()).isEqualTo("IT_TELEPHONY");
        assertThat(row.at("/categories/0/totalSpend").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(row.at("/categories/0/met").asBoolean()).isFalse();
        // The totals are the sums of the buyers' rows, and each buyer with spend is met or missed.
        for (int i = 0; i < territory.get("totals").size(); i++) {
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal qualifying = BigDecimal.ZERO;
            int withSpend = 0;
            for (JsonNode b : territory.get("buyers")) {
                JsonNode c = b.get("categories").get(i);
                total = total.add(c.get("totalSpend").decimalValue());
                qualifying = qualifying.add(c.get("qualifyingSpend").decimalValue());
                withSpend += c.get("totalSpend").decimalValue().signum() > 0 ? 1 : 0;
            }
            JsonNode t = territory.get("totals").get(i);
            assertThat(t.get("totalSpend").decimalValue()).isEqualByComparingTo(total);
            assertThat(t.get("qualifyingSpend").decimalValue()).isEqualByComparingTo(qualifying);
            assertThat(t.get("buyersMet").asInt() + t.get("buyersMissed").asInt()).isEqualTo(withSpend);
        }
    }

    @Test
    void theDeclarationIsACsvRowPerMinimumAndAPdfReport() throws IOException, InterruptedException {
        imported(buyer.client(), HEADER + """
                02/02/2026,IT_TELEPHONY,Portables neufs,UGAP,9000.00,new
                03/02/2026,IT_TELEPHONY,Portables reconditionnés,Atelier,1000.00,reuse
                04/02/2026,IT_TELEPHONY,Écrans réutilisés,Envie,500.50,reutilisation
                """);
        ApiClient.Response csv = buyer.client().get("/api/v1/quota/declaration?year=2026", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(";", Declaration.HEADER));
        // IT: t = 10,500.50, réemploi + réutilisation 1,500.50, share 1,500.50 / 10,500.50 = 0.142898… → 14.29 %.
        assertThat(lines[1]).isEqualTo("2026;" + buyer.name() + ";Décret n° 2024-134;IT_TELEPHONY;"
                + "Matériel informatique et téléphonie;réemploi, réutilisation;10500,50;1500,50;0,00;14,29;20,00;non");
        assertThat(lines).hasSize(4);

        byte[] pdf = download(buyer.email(), "/api/v1/quota/declaration?year=2026", "application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text).contains(buyer.name() + " — année 2026");
            assertThat(text).contains("Décret n° 2024-134 du 21 février 2024");
            assertThat(text).contains("10 500,50 €").contains("1 500,50 €").contains("14,29 %").contains("non");
            // Missing: (0.2 × 10,500.50 − 1,500.50) / 0.8 = (2,100.10 − 1,500.50) / 0.8 = 599.60 / 0.8 = 749.50.
            assertThat(text).contains("749,50 €");
        }
    }

    private byte[] download(String email, String path, String accept) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((email + ":" + TestSeller.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + credentials)
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(accept);
        return response.body();
    }
}
