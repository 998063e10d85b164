package org.boucle.marketplace.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.inventory.source.Category;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules as data through the API, and the selection of the set a sale is shared by.
 *
 * <p>Tests share one database and rule sets can never be deleted, so every set created here is effective after every
 * set already stored (far in the future, later at each run): this run's sets are the newest, and none of them is ever
 * in force today. Category OTHER never gets an override here, so it always falls back to the kind-wide set; the
 * preview figures rely on the seeded defaults being in force now for REFURBISHED and UPCOMING_LOT.
 */
@BoucleTest
class SharingRulesApiTest {

    private static final String REFURBISHED_DEFAULTS = "5a000000-0000-0000-0000-000000000001";
    private static final String UPCOMING_LOT_DEFAULTS = "5a000000-0000-0000-0000-000000000002";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SharingRules sharingRules;

    private ApiClient coordinator;
    private Instant t0;

    @BeforeEach
    void after() {
        coordinator = ApiClient.demo(port, "coordinator");
        Instant latest = jdbc.sql("select max(effective_from) from sharing_rule_set").query(Timestamp.class).single()
                .toInstant();
        Instant floor = Instant.parse("2100-01-01T00:00:00Z");
        t0 = (latest.isAfter(floor) ? latest : floor).plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void aSaleIsSharedByTheSetInForceWhenReservedAndACategoryOverrideBeatsANewerKindWideSet() {
        String a = create(coordinator, """
                {"listingKind": "REFURBISHED", "effectiveFrom": "%s", "rules": [
                  {"role": "WORKSHOP", "basis": "PER_UNIT", "value": 30}]}""".formatted(t0)).get("id").asText();
        String b = create(coordinator, """
                {"listingKind": "REFURBISHED", "category": "SERVER", "effectiveFrom": "%s", "note": "serveurs", "rules": [
                  {"role": "WORKSHOP", "basis": "PER_UNIT", "value": 40},
                  {"role": "COLLECTOR", "basis": "PER_KG", "value": 0.35},
                  {"role": "PLATFORM", "basis": "PERCENT", "value": 2.5},
                  {"role": "SOLIDARITY_FUND", "basis": "PERCENT", "value": 5}]}""".formatted(t0.plus(days(10))))
                .get("id").asText();
        String c = create(coordinator, """
                {"listingKind": "REFURBISHED", "effectiveFrom": "%s", "rules": [
                  {"role": "WORKSHOP", "basis": "PER_UNIT", "value": 35}]}""".formatted(t0.plus(days(20)))).get("id").asText();

        assertThat(inForce("REFURBISHED", null, t0.minusSeconds(1))).isNotIn(a, b, c);
        assertThat(inForce("REFURBISHED", null, t0)).isEqualTo(a);
        assertThat(inForce("REFURBISHED", "OTHER", t0.plus(days(1)))).isEqualTo(a);
        assertThat(inForce("REFURBISHED", "SERVER", t0.plus(days(10)).minusSeconds(1))).isNotEqualTo(b);
        assertThat(inForce("REFURBISHED", "SERVER", t0.plus(days(10)))).isEqualTo(b);
        // C is newer, but B is the servers' own.
        assertThat(inForce("REFURBISHED", "SERVER", t0.plus(days(25)))).isEqualTo(b);
        assertThat(inForce("REFURBISHED", "OTHER", t0.plus(days(25)))).isEqualTo(c);
        assertThat(inForce("REFURBISHED", null, t0.plus(days(25)))).isEqualTo(c);

        // Two servers at 500 € (1000 €) reserved under B: workshop 2 × 40 = 80 €, collector 0.35 × 20 kg × 2 = 14 €,
        // platform 2.5 % = 25 €, fund 5 % = 50 €; the seller 1000 − 169 = 831 €.
        Split servers = sharingRules.split(new Sale("REFURBISHED", "SERVER", t0.plus(days(11)), 100_000, 2));
        assertThat(servers.ruleSetId()).hasToString(b);
        assertThat(servers.shares()).containsExactly(
                new Share(ShareRole.WORKSHOP, 8_000),
                new Share(ShareRole.COLLECTOR, 1_400),
                new Share(ShareRole.PLATFORM, 2_500),
                new Share(ShareRole.SOLIDARITY_FUND, 5_000),
                new Share(ShareRole.SELLER, 83_100));
        // A 50 € accessory under C: workshop 35 €, the seller 15 €.
        Split other = sharingRules.split(new Sale("REFURBISHED", "OTHER", t0.plus(days(25)), 5_000, 1));
        assertThat(other.ruleSetId()).hasToString(c);
        assertThat(other.shares()).containsExactly(new Share(ShareRole.WORKSHOP, 3_500), new Share(ShareRole.SELLER, 1_500));
    }

    @Test
    void versionsFollowEachOtherPerKindAndCategoryAndTheCreatedSetIsAnsweredWithItsLocation() throws Exception {
        String displayName = coordinator.get("/api/v1/me").json().findValue("displayName").asText();
        HttpResponse<String> first = rawPost("""
                {"listingKind": "UPCOMING_LOT", "category": "NETWORK", "effectiveFrom": "%s", "note": "  Réseau : collecte au kg  ",
                 "rules": [{"role": "COLLECTOR", "basis": "PER_KG", "value": "0.45"},
                           {"role": "DONOR", "basis": "PERCENT", "value": 1.25}]}""".formatted(t0));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode created = ApiClientJson.parse(first.body());
        String id = created.get("id").asText();
        assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/sharing-rules/" + id);
        assertThat(created.get("listingKind").asText()).isEqualTo("UPCOMING_LOT");
        assertThat(created.get("category").asText()).isEqualTo("NETWORK");
        assertThat(Instant.parse(created.get("effectiveFrom").asText())).isEqualTo(t0);
        assertThat(created.get("note").asText()).isEqualTo("Réseau : collecte au kg");
        assertThat(created.get("createdBy").asText()).isEqualTo(displayName);
        assertThat(lines(created)).containsExactly("COLLECTOR PER_KG 0.45", "DONOR PERCENT 1.25");
        assertThat(coordinator.get("/api/v1/sharing-rules/" + id).json()).isEqualTo(created);
        int version = created.get("version").asInt();

        JsonNode second = create(coordinator, """
                {"listingKind": "UPCOMING_LOT", "category": "NETWORK", "effectiveFrom": "%s", "rules": []}"""
                .formatted(t0.plus(days(1))));
        assertThat(second.get("version").asInt()).isEqualTo(version + 1);
        // The kind-wide sets are a series of their own.
        JsonNode kindWide = create(coordinator, """
                {"listingKind": "UPCOMING_LOT", "effectiveFrom": "%s", "rules": []}""".formatted(t0.plus(days(2))));
        assertThat(kindWide.get("version").asInt()).isGreaterThan(1);
        assertThat(kindWide.get("category").isNull()).isTrue();
        JsonNode third = create(coordinator, """
                {"listingKind": "UPCOMING_LOT", "category": "NETWORK", "effectiveFrom": "%s", "rules": []}"""
                .formatted(t0.plus(days(3))));
        assertThat(third.get("version").asInt()).isEqualTo(version + 2);

        List<String> listed = ApiClient.demo(port, "buyer").get("/api/v1/sharing-rules").json().findValuesAsText("id");
        assertThat(listed).contains(id, second.get("id").asText(), kindWide.get("id").asText(), REFURBISHED_DEFAULTS);
        // The most recently created first.
        assertThat(listed.indexOf(third.get("id").asText())).isLessThan(listed.indexOf(id));
    }

    @Test
    void concurrentVersionsOfOneKindAndCategoryNeverClash() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = """
                        {"listingKind": "UPCOMING_LOT", "category": "SCREEN", "effectiveFrom": "%s", "rules": []}"""
                        .formatted(t0.plus(days(i)));
                calls.add(pool.submit(() -> create(ApiClient.demo(port, "coordinator"), body)));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<JsonNode> call : calls) {
                versions.add(call.get().get("version").asInt());
            }
            int lowest = versions.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertThat(versions).containsExactlyInAnyOrder(lowest, lowest + 1, lowest + 2, lowest + 3, lowest + 4, lowest + 5);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void anEffectiveDateInThePastIsRefusedAndNothingIsStored() {
        String note = "passé " + UUID.randomUUID();
        ApiClient.Response refused = coordinator.post("/api/v1/sharing-rules", """
                {"listingKind": "REFURBISHED", "category": "SERVER", "effectiveFrom": "%s", "note": "%s", "rules": []}"""
                .formatted(Instant.now().minus(Duration.ofMinutes(5)), note));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("effectiveFrom");
        assertThat(stored(note)).isZero();
    }

    @Test
    void invalidRulesAreRefusedNamingEachFieldAndNothingIsStored() {
        String note = "invalide " + UUID.randomUUID();
        ApiClient.Response refused = coordinator.post("/api/v1/sharing-rules", """
                {"listingKind": "REFURBISHED", "category": "SERVER", "effectiveFrom": "%s", "note": "%s", "rules": [
                  {"role": "SELLER", "basis": "PERCENT", "value": 10},
                  {"role": "PLATFORM", "basis": "PERCENT", "value": 100.5},
                  {"role": "PLATFORM", "basis": "PER_UNIT", "value": 1},
                  {"role": "COLLECTOR", "basis": "PER_TONNE", "value": 1},
                  {"role": "WORKSHOP", "basis": "PER_UNIT", "value": 12.345},
                  {"role": "DONOR", "basis": "PER_UNIT", "value": -1},
                  {"role": "SOLIDARITY_FUND", "basis": "PERCENT"}]}""".formatted(t0, note));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("rules[0].role",
                "rules[1].value", "rules[2].role", "rules[3].basis", "rules[4].value", "rules[5].value", "rules[6].value");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("vendeur");

        assertThat(fields("""
                {"listingKind": "BOAT", "category": "TOASTER", "effectiveFrom": "%s", "note": "%s", "rules": [
                  {"role": "PLATFORM", "basis": "PERCENT", "value": 60},
                  {"role": "SOLIDARITY_FUND", "basis": "PERCENT", "value": 40.01}]}""".formatted(t0, note)))
                .containsExactly("listingKind", "category", "rules");
        assertThat(fields("""
                {"listingKind": "REFURBISHED", "effectiveFrom": "%s", "note": "%s"}""".formatted(t0, note)))
                .containsExactly("rules");
        assertThat(fields("""
                {"listingKind": "REFURBISHED", "effectiveFrom": "%s", "note": "%s", "rules": [
                  {"role": "PLATFORM", "basis": "PERCENT", "value": 1}, {"role": "DONOR", "basis": "PERCENT", "value": "beaucoup"}]}"""
                .formatted(t0, note))).containsExactly("rules[1].value");
        assertThat(fields("""
                {"listingKind": "REFURBISHED", "effectiveFrom": "bientôt", "note": "%s", "rules": []}""".formatted(note)))
                .containsExactly("effectiveFrom");
        assertThat(fields("""
                {"listingKind": "REFURBISHED", "effectiveFrom": "%s", "note": "%s", "rules": []}"""
                .formatted(t0, note + "x".repeat(1000)))).containsExactly("note");
        assertThat(stored(note)).isZero();
    }

    @Test
    void onlyCoordinatorsCreateVersionsWhileEveryoneReadsThem() {
        ApiClient buyer = ApiClient.demo(port, "buyer");
        String note = "acheteur " + UUID.randomUUID();
        ApiClient.Response refused = buyer.post("/api/v1/sharing-rules", """
                {"listingKind": "REFURBISHED", "category": "SERVER", "effectiveFrom": "%s", "note": "%s", "rules": []}"""
                .formatted(t0, note));
        ApiClient.Response otherCoordinatorOnly = buyer.get("/api/v1/admin/search");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(otherCoordinatorOnly.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo(otherCoordinatorOnly.contentType());
        assertThat(refused.json().get("type")).isEqualTo(otherCoordinatorOnly.json().get("type"));
        assertThat(refused.json().get("title")).isEqualTo(otherCoordinatorOnly.json().get("title"));
        assertThat(stored(note)).isZero();

        assertThat(buyer.get("/api/v1/sharing-rules").json().findValuesAsText("id")).contains(REFURBISHED_DEFAULTS,
                UPCOMING_LOT_DEFAULTS);
        JsonNode defaults = buyer.get("/api/v1/sharing-rules/in-force?listingKind=UPCOMING_LOT&at=2025-06-01T00:00:00Z").json();
        assertThat(defaults.get("id").asText()).isEqualTo(UPCOMING_LOT_DEFAULTS);
        assertThat(defaults.get("version").asInt()).isEqualTo(1);
        assertThat(lines(defaults)).containsExactly("WORKSHOP PER_UNIT 15", "COLLECTOR PER_KG 0.4", "PLATFORM PERCENT 2",
                "SOLIDARITY_FUND PERCENT 5");
        assertThat(ApiClient.anonymous(port).get("/api/v1/sharing-rules").status()).isEqualTo(401);
    }

    @Test
    void theInForceQueryChecksItsParameters() {
        assertThat(coordinator.get("/api/v1/sharing-rules/in-force?listingKind=REFURBISHED").json().get("id").asText())
                .isEqualTo(REFURBISHED_DEFAULTS);
        assertThat(problemField("/api/v1/sharing-rules/in-force?listingKind=BOAT")).isEqualTo("listingKind");
        assertThat(problemField("/api/v1/sharing-rules/in-force")).isEqualTo("listingKind");
        assertThat(problemField("/api/v1/sharing-rules/in-force?listingKind=REFURBISHED&category=TOASTER")).isEqualTo("category");
        assertThat(problemField("/api/v1/sharing-rules/in-force?listingKind=REFURBISHED&at=tomorrow")).isEqualTo("at");
        // Before the defaults, nothing was in force.
        ApiClient.Response none = coordinator.get("/api/v1/sharing-rules/in-force?listingKind=REFURBISHED&at=2023-12-31T23:59:59Z");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
    }

    @Test
    void thePreviewSharesASaleUnderTheRulesInForceNow() {
        ApiClient buyer = ApiClient.demo(port, "buyer");

        // A refurbished laptop at 250 €: 25.00 + 0.88 + 7.50 + 12.50, the seller 204.12 €.
        JsonNode laptop = preview(buyer, """
                {"listingKind": "REFURBISHED", "category": "LAPTOP", "unitPrice": 250, "quantity": 1}""");
        assertThat(laptop.get("ruleSetId").asText()).isEqualTo(REFURBISHED_DEFAULTS);
        assertThat(laptop.get("ruleVersion").asInt()).isEqualTo(1);
        assertThat(laptop.get("amountCents").asLong()).isEqualTo(25_000);
        assertThat(laptop.get("subsidyCents").asLong()).isZero();
        assertThat(shares(laptop)).containsExactly(Map.entry("WORKSHOP", 2_500L), Map.entry("COLLECTOR", 88L),
                Map.entry("PLATFORM", 750L), Map.entry("SOLIDARITY_FUND", 1_250L), Map.entry("SELLER", 20_412L));

        // An upcoming lot of 3 desktops at 20 €: workshop 45 €, collector 0.40 × 8 kg × 3 = 9.60 €, 2 % = 1.20 €,
        // 5 % = 3.00 €; the seller 60 − 58.80 = 1.20 €.
        JsonNode desktops = preview(buyer, """
                {"listingKind": "UPCOMING_LOT", "category": "DESKTOP", "unitPrice": 20.00, "quantity": 3}""");
        assertThat(desktops.get("ruleSetId").asText()).isEqualTo(UPCOMING_LOT_DEFAULTS);
        assertThat(desktops.get("amountCents").asLong()).isEqualTo(6_000);
        assertThat(shares(desktops)).containsExactly(Map.entry("WORKSHOP", 4_500L), Map.entry("COLLECTOR", 960L),
                Map.entry("PLATFORM", 120L), Map.entry("SOLIDARITY_FUND", 300L), Map.entry("SELLER", 120L));

        // Two donated smartphones: workshop 50 €, collector 0.40 × 0.2 kg × 2 = 0.16 €, all covered by the fund.
        for (String price : new String[] {"0", "null"}) {
            JsonNode donated = preview(buyer, """
                    {"listingKind": "REFURBISHED", "category": "SMARTPHONE", "unitPrice": %s, "quantity": 2}""".formatted(price));
            assertThat(donated.get("amountCents").asLong()).isZero();
            assertThat(donated.get("subsidyCents").asLong()).isEqualTo(5_016);
            assertThat(shares(donated)).containsExactly(Map.entry("WORKSHOP", 5_000L), Map.entry("COLLECTOR", 16L));
        }

        ApiClient.Response invalid = buyer.post("/api/v1/sharing-rules/preview", """
                {"listingKind": "REFURBISHED", "unitPrice": 1.234, "quantity": 0}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactly("category", "unitPrice", "quantity");
    }

    @Test
    void everyCategoryHasAStandardWeightAndVolume() {
        List<Map<String, Object>> rows = jdbc.sql("select category, weight_kg, volume_m3 from category_standard order by category")
                .query().listOfRows();

        assertThat(rows).extracting(row -> row.get("category")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Category.values()).map(Category::name).toList());
        assertThat(rows).allMatch(row -> ((BigDecimal) row.get("weight_kg")).signum() > 0
                && ((BigDecimal) row.get("volume_m3")).signum() > 0);
        assertThat(jdbc.sql("select weight_kg from category_standard where category = 'LAPTOP'").query(BigDecimal.class)
                .single()).isEqualByComparingTo("2.2");
    }

    @Test
    void theServiceRefusesSalesItCannotShare() {
        assertThatThrownBy(() -> sharingRules.split(new Sale("REFURBISHED", "LAPTOP", Instant.parse("2020-01-01T00:00:00Z"), 100, 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No sharing rule set in force");
        assertThatThrownBy(() -> sharingRules.split(new Sale("REFURBISHED", "TOASTER", Instant.now(), 100, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sharingRules.split(new Sale("RENTAL", "LAPTOP", Instant.now(), 100, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sharingRules.split(new Sale("REFURBISHED", "LAPTOP", Instant.now(), 100, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedVersionsCannotBeRewritten() {
        assertThatThrownBy(() -> jdbc.sql("update sharing_rule_set set note = 'réécrite' where id = ?")
                .param(UUID.fromString(REFURBISHED_DEFAULTS)).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("update sharing_rule set value = 1 where rule_set_id = ?")
                .param(UUID.fromString(REFURBISHED_DEFAULTS)).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from sharing_rule where rule_set_id = ?")
                .param(UUID.fromString(REFURBISHED_DEFAULTS)).update()).isInstanceOf(DataAccessException.class);
        assertThat(coordinator.get("/api/v1/sharing-rules/" + REFURBISHED_DEFAULTS).json().get("rules").size()).isEqualTo(4);
    }

    private JsonNode create(ApiClient client, String body) {
        ApiClient.Response response = client.post("/api/v1/sharing-rules", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private List<String> fields(String body) {
        ApiClient.Response response = coordinator.post("/api/v1/sharing-rules", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").findValuesAsText("field");
    }

    private String inForce(String kind, String category, Instant at) {
        ApiClient.Response response = coordinator.get("/api/v1/sharing-rules/in-force?listingKind=" + kind
                + (category == null ? "" : "&category=" + category) + "&at=" + at);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private String problemField(String path) {
        ApiClient.Response response = coordinator.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().at("/errors/0/field").asText();
    }

    private static JsonNode preview(ApiClient client, String body) {
        ApiClient.Response response = client.post("/api/v1/sharing-rules/preview", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** "ROLE BASIS value" per line, the value without trailing zeros. */
    private static List<String> lines(JsonNode set) {
        List<String> lines = new ArrayList<>();
        set.get("rules").forEach(line -> lines.add(line.get("role").asText() + " " + line.get("basis").asText() + " "
                + new BigDecimal(line.get("value").asText()).stripTrailingZeros().toPlainString()));
        return lines;
    }

    private static List<Map.Entry<String, Long>> shares(JsonNode split) {
        List<Map.Entry<String, Long>> shares = new ArrayList<>();
        split.get("shares").forEach(share -> shares.add(Map.entry(share.get("role").asText(), share.get("amountCents").asLong())));
        return shares;
    }

    private long stored(String note) {
        return jdbc.sql("select count(*) from sharing_rule_set where note like ?").param(note + "%").query(Long.class).single();
    }

    private HttpResponse<String> rawPost(String body) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString("coordinator@demo.boucle:demo".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sharing-rules"))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    /** Reads a body the way ApiClient does. */
    private static final class ApiClientJson {

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        static JsonNode parse(String body) throws IOException {
            return JSON.readTree(body);
        }
    }
}
