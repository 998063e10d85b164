package org.boucle.marketplace.quota.supply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Décret n° 2023-266 measured from a public body's inventory and declared dispositions, with figures worked out by
 * hand. Every test has public bodies of its own: the database is shared with the demo and the other tests.
 */
@BoucleTest
class SupplyQuotaApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStockOnJanuary1LeavesOutDevicesOverTenYearsOldAtTheirReformAndCountsDaysInParis() {
        TestSeller body = Park.publicBody(port);
        Park park = new Park(body, jdbc);
        park.device("A1", "Portable", "Latitude 5400", "01/03/2020")
                .device("A2", "Portable", "Latitude E6440", "01/06/2014")
                .device("A3", "Unité centrale", "OptiPlex 9020", "01/05/2015")
                .device("A4", "Écran", "P2214H", "01/05/2015")
                .device("A5", "Portable", "Latitude 5490", "")
                .device("A6", "Portable", "Latitude 5440", "31/12/2024")
                .device("A7", "Portable", "Latitude 5450", "01/02/2025")
                .device("A8", "Serveur", "PowerEdge R640", "01/01/2020")
                .device("A9", "Portable", "Latitude 7490", "01/09/2019")
                .device("A10", "Portable", "Latitude 7490", "01/09/2019")
                .device("A11", "Smartphone", "Galaxy XCover 5", "01/04/2021")
                .importIt();
        park.left("A1", "2025-06-15T10:00:00Z");
        park.left("A2", "2025-03-01T10:00:00Z");
        park.left("A3", "2025-09-10T10:00:00Z");
        park.left("A4", "2025-04-30T10:00:00Z");
        park.left("A7", "2025-11-01T10:00:00Z");
        park.left("A9", "2024-12-31T23:30:00Z"); // 1 January 2025, 00:30 in Paris
        park.left("A10", "2024-12-31T22:30:00Z"); // 31 December 2024, 23:30 in Paris

        JsonNode y2025 = body.client().get("/api/v1/quota/supply?year=2025").json();
        // Stock on 1 January 2025: bought before, still there that day, of a covered category (A8 is a server, which
        // the decree leaves out; A7 was bought in 2025; A10 left on 31 December): A1 A2 A3 A4 A5 A6 A9 A11 = 8.
        assertThat(y2025.get("stockOnJanuary1").asLong()).isEqualTo(8);
        // Over 10 years at their reform: A2 (10 years on 1 June 2024, before 1 January), and A3, bought on 1 May 2015,
        // 10 years on 1 May 2025 and reformed on 10 September. A4, bought the same day, left on 30 April: it counts.
        assertThat(y2025.get("excludedOver10Years").asLong()).isEqualTo(2);
        assertThat(y2025.get("unknownAge").asLong()).isEqualTo(1); // A5, eligible all the same
        assertThat(y2025.get("eligible").asLong()).isEqualTo(6); // 8 - 2
        // Retired: A9 (1 January in Paris), A4 (30 April), A1 (15 June), nowhere known to have gone.
        assertThat(y2025.get("retired").asLong()).isEqualTo(3);
        assertThat(y2025.get("retiredToReuse").asLong()).isZero();
        assertThat(y2025.at("/byChannel/unknown").asLong()).isEqualTo(3);
        assertThat(y2025.get("share").decimalValue()).isEqualByComparingTo("0");
        assertThat(y2025.get("minimumShare").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(y2025.get("met").asBoolean()).isFalse();
        // 50 % of 3 is 1.5: 2 devices should have gone to reuse.
        assertThat(y2025.get("missingUnits").asLong()).isEqualTo(2);
        assertThat(y2025.at("/rule/legalReference").asText()).startsWith("Décret n° 2023-266");
        assertThat(months(y2025, "retired")).containsExactly(1L, 0L, 0L, 1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);

        JsonNode y2024 = body.client().get("/api/v1/quota/supply?year=2024&organizationId=" + body.id()).json();
        // On 1 January 2024: A1 A2 A3 A4 A5 A9 A10 A11 (A6 was bought on 31 December 2024); A2 was 9 years old.
        assertThat(y2024.get("stockOnJanuary1").asLong()).isEqualTo(8);
        assertThat(y2024.get("excludedOver10Years").asLong()).isZero();
        // Only A10 left in 2024, at 23:30 on 31 December in Paris; 35 % of 1 rounds up to 1 device missing.
        assertThat(y2024.get("retired").asLong()).isEqualTo(1);
        assertThat(y2024.get("minimumShare").decimalValue()).isEqualByComparingTo("0.35");
        assertThat(y2024.get("missingUnits").asLong()).isEqualTo(1);
        assertThat(months(y2024, "retired").get(11)).isEqualTo(1L);

        JsonNode unknown = body.client().get("/api/v1/quota/supply/without-destination?year=2025").json();
        assertThat(unknown.findValuesAsText("assetTag")).containsExactly("INV-A9", "INV-A4", "INV-A1");
        assertThat(unknown.get(0).get("leftOn").asText()).isEqualTo("2025-01-01");
    }

    @Test
    void aDeviceDeletedInItsSourceToolLeavesWhenAnImportSeesItSoAndOneDeletedBeforeBoucleKnewItCountsNowhere() {
        TestSeller body = Park.publicBody(port);
        Park park = new Park(body, jdbc);
        park.device("G1", "Portable", "Latitude 5400", "01/06/2021")
                .device("G2", "Portable", "Latitude 5400", "01/06/2021")
                .device("G3", "Portable", "Latitude 5400", "01/06/2021")
                .deleted("G2")
                .importIt();
        park.deleted("G3").importIt();

        JsonNode figures = body.client().get("/api/v1/quota/supply").json();
        // G2 was in the trash when Boucle first saw it: gone at a date nobody gave, in no stock. G3 left today.
        assertThat(figures.get("stockOnJanuary1").asLong()).isEqualTo(2);
        assertThat(figures.get("retired").asLong()).isEqualTo(1);
        assertThat(figures.at("/byChannel/unknown").asLong()).isEqualTo(1);
        assertThat(body.client().get("/api/v1/quota/supply/without-destination").json().findValuesAsText("assetTag"))
                .containsExactly("INV-G3");
    }

    @Test
    void declaredDispositionsSayWhereDevicesWentAndALaterDeclarationReplacesAnEarlierOne() {
        TestSeller body = Park.publicBody(port);
        Park park = new Park(body, jdbc);
        park.device("B1", "Portable", "Latitude 5400", "10/01/2020")
                .device("B2", "Portable", "Latitude 5400", "10/01/2020")
                .device("B3", "Portable", "Latitude 5400", "10/01/2020")
                .device("B4", "Portable", "Latitude 5400", "10/01/2020")
                .device("B5", "Portable", "Latitude 5400", "10/01/2020")
                .device("B6", "Portable", "Latitude E6440", "01/01/2014")
                .device("B7", "Portable", "Latitude 5400", "10/01/2020")
                .importIt();
        park.left("B2", "2025-02-10T09:00:00Z");
        park.left("B3", "2025-05-05T09:00:00Z");
        park.left("B4", "2025-07-01T09:00:00Z");
        park.left("B5", "2025-01-15T09:00:00Z");
        // Windows-1252 with Excel's separator line, French and ISO dates, a serial in lower case.
        byte[] file = ("sep=;\r\nasset_tag_or_serial;date;channel;Remarque\r\n"
                + "INV-B1;15/03/2025;transfer_public_body;cédé à la mairie\r\n"
                + "INV-B2;2025-02-12;sale;\r\n"
                + "INV-B3;05.05.2025;recycling;\r\n"
                + "snb5;20/12/2024;DONATION;\r\n"
                + "INV-B6;01/10/2025;take_back_reuse;\r\n").getBytes(Charset.forName("windows-1252"));

        JsonNode declared = declare(body.client(), file, "dispositions.csv");
        assertThat(declared.get("rows").asInt()).isEqualTo(5);
        assertThat(declared.get("declared").asInt()).isEqualTo(5);
        assertThat(declared.get("replaced").asInt()).isZero();

        JsonNode y2025 = body.client().get("/api/v1/quota/supply?year=2025").json();
        // B5 left on the declared 20 December 2024, whatever the export noticed later: not in the 2025 stock.
        // Stock: B1 B2 B3 B4 B6 B7 = 6; B6 is over 10 years old (since 1 January 2024): excluded.
        assertThat(y2025.get("stockOnJanuary1").asLong()).isEqualTo(6);
        assertThat(y2025.get("excludedOver10Years").asLong()).isEqualTo(1);
        // Retired in 2025: B1 (declared, though still in the export), B2, B3, B4; to reuse: B1 and B2.
        assertThat(y2025.get("retired").asLong()).isEqualTo(4);
        assertThat(y2025.get("retiredToReuse").asLong()).isEqualTo(2);
        assertThat(y2025.get("throughBoucle").asLong()).isZero();
        assertThat(channels(y2025)).containsExactly(Map.entry("transfer_public_body", 1L), Map.entry("sale", 1L),
                Map.entry("donation", 0L), Map.entry("take_back_reuse", 0L), Map.entry("recycling", 1L),
                Map.entry("destruction", 0L), Map.entry("unknown", 1L));
        // 2 / 4 = 50 %: exactly the minimum, met.
        assertThat(y2025.get("share").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(y2025.get("met").asBoolean()).isTrue();
        assertThat(y2025.get("missingUnits").asLong()).isZero();
        assertThat(months(y2025, "retiredToReuse")).containsExactly(0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);

        JsonNode y2024 = body.client().get("/api/v1/quota/supply?year=2024").json();
        assertThat(y2024.get("retired").asLong()).isEqualTo(1);
        assertThat(y2024.at("/byChannel/donation").asLong()).isEqualTo(1);
        assertThat(y2024.get("share").decimalValue()).isEqualByComparingTo("1");

        // B4 was destroyed; B1 is declared again, the same way: one new declaration, one replaced. Commas, ISO dates.
        JsonNode again = declare(body.client(), ("asset_tag_or_serial,date,channel\n"
                + "INV-B4,2025-07-01,destruction\nINV-B1,2025-03-15,transfer_public_body\n")
                .getBytes(StandardCharsets.UTF_8), "more.csv");
        assertThat(again.get("declared").asInt()).isEqualTo(1);
        assertThat(again.get("replaced").asInt()).isEqualTo(1);
        JsonNode after = body.client().get("/api/v1/quota/supply?year=2025").json();
        assertThat(after.at("/byChannel/unknown").asLong()).isZero();
        assertThat(after.at("/byChannel/destruction").asLong()).isEqualTo(1);
        assertThat(after.get("retired").asLong()).isEqualTo(4);
        assertThat(after.get("retiredToReuse").asLong()).isEqualTo(2);
    }

    @Test
    void aFileWithBadRowsDeclaresNothingAndNamesEveryRowAndColumnAtFault() {
        TestSeller body = Park.publicBody(port);
        new Park(body, jdbc).device("C1", "Portable", "Latitude 5400", "01/06/2021")
                .device("C2", "Portable", "Latitude 5400", "01/06/2021")
                .device("C3", "Portable", "Latitude 5400", "01/06/2021")
                .importIt();
        // Two devices share an asset tag, as happens when tags are reused.
        jdbc.sql("update asset set asset_tag = 'INV-DUP' where organization_id = ? and asset_tag in ('INV-C2', 'INV-C3')")
                .param(UUID.fromString(body.id())).update();
        String nextYear = LocalDate.now(ZoneId.of("Europe/Paris")).plusYears(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        byte[] file = ("asset_tag_or_serial,date,channel\n"
                + "INV-C1,31/02/2025,sale\n" // row 2
                + "INV-NOPE,01/03/2025,sale\n" // row 3
                + "INV-DUP,01/03/2025,donation\n" // row 4
                + ",01/03/2025,sale\n" // row 5
                + "SNC1,01/03/25,vendu\n" // row 6
                + "INV-C1,01/01/2020,recycling\n" // row 7
                + "INV-C1," + nextYear + ",sale\n") // row 8
                .getBytes(StandardCharsets.UTF_8);

        ApiClient.Response rejected = body.client().upload("/api/v1/quota/supply/dispositions", Map.of(), "bad.csv", file);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        JsonNode problem = rejected.json();
        assertThat(problem.get("type").asText()).endsWith("/import-rejected");
        assertThat(problem.get("rejectedCount").asInt()).isEqualTo(9);
        List<String> errors = new ArrayList<>();
        problem.get("rejected").forEach(e -> errors.add(e.get("row").asInt() + " " + e.get("column").asText()));
        assertThat(errors).containsExactly("2 date", "3 asset_tag_or_serial", "4 asset_tag_or_serial",
                "5 asset_tag_or_serial", "6 date", "6 channel", "7 date", "8 asset_tag_or_serial", "8 date");
        assertThat(problem.at("/rejected/0/reason").asText()).contains("31/02/2025");
        assertThat(problem.at("/rejected/2/reason").asText()).startsWith("2 devices");
        assertThat(problem.at("/rejected/4/reason").asText()).contains("two-digit year");
        assertThat(problem.at("/rejected/5/reason").asText()).contains("transfer_public_body");
        assertThat(problem.at("/rejected/6/reason").asText()).contains("bought on 01/06/2021");
        assertThat(problem.at("/rejected/7/reason").asText()).isEqualTo("Same device as row 7");
        assertThat(problem.at("/rejected/8/reason").asText()).contains("in the future");
        assertThat(declaredCount(body)).isZero();

        ApiClient.Response noColumn = body.client().upload("/api/v1/quota/supply/dispositions", Map.of(), "bad.csv",
                "asset_tag_or_serial;date\nINV-C1;01/03/2025\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumn.status()).isEqualTo(422);
        assertThat(noColumn.json().get("detail").asText()).contains("no column \"channel\"");
        ApiClient.Response image = body.client().upload("/api/v1/quota/supply/dispositions", Map.of(), "photo.csv",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertThat(image.json().get("detail").asText()).contains("PNG image");
        ApiClient.Response headerOnly = body.client().upload("/api/v1/quota/supply/dispositions", Map.of(), "empty.csv",
                "asset_tag_or_serial,date,channel\n".getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.status()).isEqualTo(422);
        assertThat(declaredCount(body)).isZero();
    }

    @Test
    void aBodySeesItsOwnFiguresCoordinatorsSeeEveryoneAndOthersNothing() {
        TestSeller body = Park.publicBody(port);
        new Park(body, jdbc).device("D1", "Portable", "Latitude 5400", "01/06/2021").importIt();
        TestSeller otherBody = Park.publicBody(port);
        TestSeller privateDonor = TestSeller.onboard(port, "DONOR");
        TestSeller purchasingOnly = TestSeller.onboard(port, "PUBLIC_BUYER");
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        String figures = "/api/v1/quota/supply?year=2025&organizationId=" + body.id();

        assertThat(body.client().get(figures).status()).isEqualTo(200);
        assertThat(coordinator.get(figures).json().get("stockOnJanuary1").asLong()).isEqualTo(1);
        assertThat(otherBody.client().get(figures).status()).isEqualTo(404);
        assertThat(otherBody.client().get("/api/v1/quota/supply/without-destination?organizationId=" + body.id())
                .status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get(figures).status()).isEqualTo(401);
        // The decree binds public bodies that retire equipment: not a company's IT department, not a pure purchaser.
        for (TestSeller unbound : List.of(privateDonor, purchasingOnly)) {
            ApiClient.Response refused = unbound.client().get("/api/v1/quota/supply");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().findValuesAsText("field")).containsExactly("organizationId");
        }
        assertThat(body.client().get("/api/v1/quota/supply?year=2022").json().findValuesAsText("field"))
                .containsExactly("year");
        int nextYear = LocalDate.now(ZoneId.of("Europe/Paris")).getYear() + 1;
        assertThat(body.client().get("/api/v1/quota/supply?year=" + nextYear).status()).isEqualTo(400);

        JsonNode territory = coordinator.get("/api/v1/quota/supply/territory?year=2025").json();
        assertThat(territory.get("organizations").findValuesAsText("organizationId")).contains(body.id(), otherBody.id())
                .doesNotContain(privateDonor.id(), purchasingOnly.id());
        long stock = 0;
        for (JsonNode organization : territory.get("organizations")) {
            stock += organization.get("stockOnJanuary1").asLong();
        }
        assertThat(territory.at("/total/stockOnJanuary1").asLong()).isEqualTo(stock);
        assertThat(body.client().get("/api/v1/quota/supply/territory").status()).isEqualTo(403);

        byte[] file = "asset_tag_or_serial,date,channel\nINV-D1,01/03/2025,sale\n".getBytes(StandardCharsets.UTF_8);
        assertThat(otherBody.client().upload("/api/v1/quota/supply/dispositions",
                Map.of("organizationId", body.id()), "d.csv", file).status()).isEqualTo(404);
        // A member who only buys for the body does not declare what its IT department retired.
        String buyerEmail = "achats-" + UUID.randomUUID() + "@public.example";
        coordinator.post("/api/v1/organizations/" + body.id() + "/members", """
                {"email": "%s", "displayName": "Achats", "password": "%s", "roles": ["PUBLIC_BUYER"]}"""
                .formatted(buyerEmail, TestSeller.PASSWORD));
        ApiClient purchaser = ApiClient.basic(port, buyerEmail, TestSeller.PASSWORD);
        assertThat(purchaser.get(figures).status()).isEqualTo(200);
        assertThat(purchaser.upload("/api/v1/quota/supply/dispositions", Map.of(), "d.csv", file).status()).isEqualTo(403);
        assertThat(coordinator.upload("/api/v1/quota/supply/dispositions", Map.of("organizationId", body.id()), "d.csv",
                file).status()).isEqualTo(200);
        assertThat(declaredCount(body)).isEqualTo(1);
    }

    @Test
    void theYearsFiguresExportAsCsvAndAsAPdfReport() throws Exception {
        TestSeller body = Park.publicBody(port);
        Park park = new Park(body, jdbc);
        park.device("E1", "Portable", "Latitude 5400", "01/06/2021").device("E2", "Portable", "Latitude 5400", "01/06/2021")
                .importIt();
        park.left("E1", "2025-03-03T09:00:00Z");
        park.left("E2", "2025-04-03T09:00:00Z");
        declare(body.client(), "asset_tag_or_serial,date,channel\nINV-E1,03/03/2025,donation\n"
                .getBytes(StandardCharsets.UTF_8), "d.csv");

        ApiClient.Response csv = body.client().get("/api/v1/quota/supply?year=2025", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(2);
        List<String> header = List.of(lines[0].split(";"));
        List<String> row = List.of(lines[1].split(";", -1));
        // 2 retired, 1 donated: 50 %, met.
        assertThat(row.get(header.indexOf("reformes"))).isEqualTo("2");
        assertThat(row.get(header.indexOf("reemployes"))).isEqualTo("1");
        assertThat(row.get(header.indexOf("donation"))).isEqualTo("1");
        assertThat(row.get(header.indexOf("unknown"))).isEqualTo("1");
        assertThat(row.get(header.indexOf("part"))).isEqualTo("0.5000");
        assertThat(row.get(header.indexOf("objectif_atteint"))).isEqualTo("oui");

        ApiClient.Response toFill = body.client().get("/api/v1/quota/supply/without-destination?year=2025", "text/csv");
        assertThat(toFill.body().replace("\uFEFF", "").split("\r\n")).containsExactly(
                "asset_tag_or_serial;date;channel;categorie;fabricant;modele;site", "INV-E2;03/04/2025;;LAPTOP;Dell;Latitude 5400;Siège");

        byte[] pdf = pdf(body.email(), "/api/v1/quota/supply?year=2025");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            assertThat(text).contains(body.name(), "Réformés dans l’année (B) 2", "Orientés vers le réemploi (A) 1",
                    "Part réemployée 50 %", "Objectif atteint", "Don 1", "Sans destination connue 1", "2025-03 1 / 1");
        }
    }

    @Test
    void theDemoBodysYearAddsUp() {
        ApiClient donor = ApiClient.demo(port, "donor");
        JsonNode figures = donor.get("/api/v1/quota/supply").json();

        assertThat(figures.get("organizationName").asText()).isEqualTo("CHU Grenoble Alpes");
        assertThat(figures.get("excludedOver10Years").asLong()).isPositive();
        assertThat(figures.get("retired").asLong()).isPositive().isLessThanOrEqualTo(figures.get("eligible").asLong());
        assertThat(figures.get("throughBoucle").asLong()).isPositive();
        long channels = 0;
        for (JsonNode units : figures.get("byChannel")) {
            channels += units.asLong();
        }
        assertThat(channels).isEqualTo(figures.get("retired").asLong());
        long reused = 0;
        for (String channel : List.of("transfer_public_body", "sale", "donation", "take_back_reuse")) {
            reused += figures.at("/byChannel/" + channel).asLong();
        }
        assertThat(reused).isEqualTo(figures.get("retiredToReuse").asLong());
        assertThat(figures.at("/byChannel/unknown").asLong()).isPositive();
        assertThat(donor.get("/api/v1/quota/supply/without-destination").json().size())
                .isEqualTo(figures.at("/byChannel/unknown").asInt());
    }

    private JsonNode declare(ApiClient client, byte[] file, String name) {
        ApiClient.Response response = client.upload("/api/v1/quota/supply/dispositions", Map.of(), name, file);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long declaredCount(TestSeller body) {
        return jdbc.sql("select count(*) from quota_supply_disposition where organization_id = ?")
                .param(UUID.fromString(body.id())).query(Long.class).single();
    }

    private static List<Long> months(JsonNode figures, String field) {
        List<Long> values = new ArrayList<>();
        figures.get("months").forEach(m -> values.add(m.get(field).asLong()));
        return values;
    }

    private static List<Map.Entry<String, Long>> channels(JsonNode figures) {
        List<Map.Entry<String, Long>> values = new ArrayList<>();
        figures.get("byChannel").fields().forEachRemaining(e -> values.add(Map.entry(e.getKey(), e.getValue().asLong())));
        return values;
    }

    /** The report as a PDF reader gets it: bytes, which ApiClient does not keep. */
    private byte[] pdf(String email, String path) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((email + ":" + TestSeller.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + credentials)
                .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }
}
