package org.boucle.marketplace.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalogue search end to end: listings created through the API, carried by the outbox to the real
 * Elasticsearch node (with Boucle's analysis plugin), searched through the API. Every query is scoped to this
 * test's own sellers so the demo catalogue and other tests never change the expected figures.
 */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestSeller grenoble;
    private TestSeller vif;
    private String sellers;
    private String exactModel;
    private String mentionsModel;
    private String screens;
    private final List<String> bulk = new ArrayList<>();

    @BeforeAll
    void catalogue() {
        grenoble = TestSeller.onboard(port, "WORKSHOP");
        vif = TestSeller.onboard(port, "RESELLER");
        String vifSite = ApiClient.demo(port, "coordinator").post("/api/v1/organizations/" + vif.id() + "/sites", """
                {"name": "Atelier de Vif", "street": "2 rue du Stade", "postalCode": "38450", "communeCode": "38545",
                 "latitude": 45.055, "longitude": 5.672}""").json().get("id").asText();
        sellers = "seller=" + grenoble.id() + "," + vif.id();

        screens = create(grenoble, listing(grenoble, "SCREEN", "Dell", "P2419H", "Écrans 24 pouces Dell P2419H",
                "A", null, 79, 6)).get("id").asText();
        create(grenoble, listing(grenoble, "LAPTOP", "Lenovo", "ThinkPad T480",
                "Ordinateurs portables Lenovo ThinkPad T480", "B", 80, 249, 3));
        exactModel = create(grenoble, listing(grenoble, "LAPTOP", "Dell", "Latitude 5420",
                "Dell Latitude 5420 reconditionné", "A", 90, 429, 2)).get("id").asText();
        ObjectNode mentions = listing(grenoble, "LAPTOP", "Dell", "Latitude 5490", "Dell Latitude 5490", "C", 65, 199, 1);
        mentions.put("description", "Même châssis que le Latitude 5420, en moins cher.");
        mentionsModel = create(grenoble, mentions).get("id").asText();
        ObjectNode far = listing(vif, "LAPTOP", "HP", "EliteBook 840 G6", "HP EliteBook 840 G6", "B", 78, 299, 5);
        far.put("siteId", vifSite);
        create(vif, far);
        ObjectNode gift = listing(vif, "TABLET", "Apple", "iPad 8 (2020)", "Apple iPad 8 (2020) pour association", "B", 80, 0, 2);
        gift.put("siteId", vifSite);
        gift.putNull("unitPrice");
        create(vif, gift);
        for (int i = 0; i < 40; i++) {
            ObjectNode many = listing(grenoble, "DESKTOP", "HP", "EliteDesk 800 G4 Mini", "HP EliteDesk 800 G4 Mini n°" + i,
                    "B", null, 100 + (i % 7) * 10, 1 + i % 3);
            many.with("specs").put("ramGb", 8 + 8 * (i % 2));
            bulk.add(create(grenoble, many).get("id").asText());
        }
        awaitTotal(sellers, 46);
    }

    @Test
    void accentsCaseAndPluralsDoNotMatter() {
        assertThat(ids(search("q=ecran&" + sellers))).containsExactly(screens);
        // Every laptop is an "ordinateur portable" (its category), and the one that says so in its title ranks first.
        assertThat(titles(search("q=" + encode("ordinateur portable") + "&" + sellers)))
                .startsWith("Ordinateurs portables Lenovo ThinkPad T480")
                .containsExactlyInAnyOrder("Ordinateurs portables Lenovo ThinkPad T480", "Dell Latitude 5420 reconditionné",
                        "Dell Latitude 5490", "HP EliteBook 840 G6");
        assertThat(search("q=ECRANS&" + sellers).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void oneTypoIsForgivenAndTheExactModelComesFirst() {
        assertThat(ids(search("q=latitud&" + sellers))).contains(exactModel, mentionsModel);
        List<String> ranked = ids(search("q=" + encode("Latitude 5420") + "&" + sellers));
        assertThat(ranked).startsWith(exactModel).contains(mentionsModel);
    }

    @Test
    void whatUsersTypeIsNeverQuerySyntax() {
        // Operators and braces are punctuation: the words around them are searched, and match nothing here.
        for (String q : List.of("title:foo AND (bar OR \"baz", "zorglub~2^10 || /.*/", "{\"match_all\":{}}")) {
            ApiClient.Response response = api().get("/api/v1/search?q=" + encode(q) + "&" + sellers);
            assertThat(response.status()).as(q).isEqualTo(200);
            assertThat(response.json().get("total").asLong()).as(q).isZero();
        }
        // Nothing but punctuation is no text at all: the other criteria alone apply.
        for (String q : List.of("*", "\\", "?")) {
            ApiClient.Response response = api().get("/api/v1/search?q=" + encode(q) + "&" + sellers);
            assertThat(response.status()).as(q).isEqualTo(200);
            assertThat(response.json().get("total").asLong()).as(q).isEqualTo(46);
        }
    }

    @Test
    void facetsCountWithMultiSelect() {
        JsonNode all = search(sellers + "&size=1");
        assertThat(facet(all, "grade")).containsEntry("A", 2L).containsEntry("B", 43L).containsEntry("C", 1L);
        assertThat(facet(all, "category")).containsEntry("DESKTOP", 40L).containsEntry("LAPTOP", 4L)
                .containsEntry("SCREEN", 1L).containsEntry("TABLET", 1L);
        assertThat(facet(all, "commune")).containsEntry("38185", 44L).containsEntry("38545", 2L);
        JsonNode gradeA = search(sellers + "&grade=A&size=1");
        assertThat(gradeA.get("total").asLong()).isEqualTo(2);
        // The selected facet keeps its siblings' counts; the others follow the selection.
        assertThat(facet(gradeA, "grade")).containsEntry("B", 43L);
        assertThat(facet(gradeA, "category")).containsOnlyKeys("LAPTOP", "SCREEN");
        JsonNode seller = all.get("facets").get("seller");
        assertThat(seller.findValuesAsText("label")).contains(grenoble.name(), vif.name());
    }

    @Test
    void filtersOnSpecsPriceAndDate() {
        assertThat(search(sellers + "&category=DESKTOP&minRamGb=16").get("total").asLong()).isEqualTo(20);
        JsonNode cheap = search(sellers + "&maxPrice=100");
        // The donated tablet counts as free.
        assertThat(titles(cheap)).contains("Apple iPad 8 (2020) pour association", "Écrans 24 pouces Dell P2419H");
        assertThat(cheap.get("items").findValuesAsText("unitPrice").stream().mapToDouble(Double::parseDouble))
                .allMatch(p -> p <= 100);
        assertThat(search(sellers + "&availableBefore=" + LocalDate.now().minusDays(1)).get("total").asLong()).isZero();
        assertThat(search(sellers + "&availableBefore=" + LocalDate.now().plusDays(1)).get("total").asLong()).isEqualTo(46);
    }

    @Test
    void nearAPointWithinARadiusAndByDistance() {
        String nearVif = "near=45.06,5.67";
        JsonNode within = search(sellers + "&" + nearVif + "&radiusKm=5");
        assertThat(within.get("total").asLong()).isEqualTo(2);
        assertThat(within.get("items").findValuesAsText("commune")).containsOnly("Vif");
        JsonNode byDistance = search(sellers + "&" + nearVif + "&sort=distance&size=10");
        List<Double> distances = byDistance.get("items").findValues("distanceKm").stream().map(JsonNode::asDouble).toList();
        assertThat(distances).hasSize(10).isSorted();
        assertThat(distances.get(0)).isLessThan(1.0);
        assertThat(distances.get(9)).isBetween(14.0, 18.0);
    }

    @Test
    void deepPaginationVisitsEveryResultOnce() {
        for (String sort : List.of("relevance", "price", "-price", "availability")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = search(sellers + "&sort=" + sort + "&size=7" + (cursor == null ? "" : "&cursor=" + cursor));
                seen.addAll(ids(page));
                cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
                pages++;
            } while (cursor != null && pages < 20);
            assertThat(seen).as(sort).hasSize(46).doesNotHaveDuplicates();
            assertThat(seen).as(sort).containsAll(bulk);
        }
    }

    @Test
    void pausedWithdrawnAndSoldOutListingsAreNotFound() {
        JsonNode created = create(grenoble, listing(grenoble, "SCREEN", "Iiyama", "ProLite XUB2492HSU",
                "Iiyama ProLite XUB2492HSU", "B", null, 69, 3));
        String id = created.get("id").asText();
        String query = "q=prolite&seller=" + grenoble.id();
        awaitTotal(query, 1);
        assertThat(grenoble.client().post("/api/v1/listings/" + id + "/pause", "{}").status()).isEqualTo(200);
        awaitTotal(query, 0);
        assertThat(grenoble.client().post("/api/v1/listings/" + id + "/resume", "{}").status()).isEqualTo(200);
        awaitTotal(query, 1);
        assertThat(grenoble.client().delete("/api/v1/listings/" + id).status()).isEqualTo(204);
        awaitTotal(query, 0);
    }

    /**
     * A hold that leaves units changes nothing in the index (no outbox row) yet searches show what is left, read
     * from the database; the hold that takes the last units takes the listing out of search, a release brings it back.
     */
    @Test
    void searchesShowTheQuantityLeftAndTheLastUnitsTakeAListingOut() {
        // A seller of its own: the other tests count this class's listings.
        TestSeller seller = TestSeller.onboard(port, "WORKSHOP");
        String id = create(seller, listing(seller, "SCREEN", "Eizo", "FlexScan EV2456", "Eizo FlexScan EV2456",
                "A", null, 119, 3)).get("id").asText();
        String query = "q=flexscan&seller=" + seller.id();
        awaitTotal(query, 1);
        ApiClient buyer = ApiClient.demo(port, "buyer");
        long queued = outboxRows(id);

        assertThat(buyer.post("/api/v1/reservations", hold(id, 1)).status()).isEqualTo(201);
        assertThat(outboxRows(id)).as("a hold that leaves units").isEqualTo(queued);
        assertThat(search(query).get("items").get(0).get("quantityAvailable").asInt()).isEqualTo(2);

        String last = buyer.post("/api/v1/reservations", hold(id, 2)).json().get("id").asText();
        assertThat(outboxRows(id)).as("the hold that takes the last units").isEqualTo(queued + 1);
        awaitTotal(query, 0);

        assertThat(buyer.delete("/api/v1/reservations/" + last).status()).isEqualTo(204);
        awaitTotal(query, 1);
        assertThat(search(query).get("items").get(0).get("quantityAvailable").asInt()).isEqualTo(2);
    }

    private static String hold(String listingId, int quantity) {
        return "{\"listingId\": \"" + listingId + "\", \"quantity\": " + quantity + "}";
    }

    private long outboxRows(String listingId) {
        return jdbc.sql("select count(*) from search_outbox where listing_id = ?::uuid").param(listingId)
                .query(Long.class).single();
    }

    @Test
    void badParametersAreNamed() {
        assertInvalid("size=0", "size");
        assertInvalid("size=101", "size");
        assertInvalid("near=abc", "near");
        assertInvalid("near=95,5", "near");
        assertInvalid("sort=distance", "sort");
        assertInvalid("sort=cheapest", "sort");
        assertInvalid("grade=Z", "grade");
        assertInvalid("category=SOFA", "category");
        assertInvalid("kind=ANY", "kind");
        assertInvalid("minRamGb=lots", "minRamGb");
        assertInvalid("availableBefore=tomorrow", "availableBefore");
        assertInvalid("radiusKm=5", "radiusKm");
        assertInvalid("cursor=not-a-cursor", "cursor");
        assertInvalid("seller=nobody", "seller");
        assertInvalid("q=" + "x".repeat(201), "q");
        String priceCursor = search(sellers + "&sort=price&size=2").get("nextCursor").asText();
        assertInvalid("sort=-price&cursor=" + priceCursor, "cursor");
    }

    @Test
    void suggestionsCompleteModelNamesAndCategories() {
        JsonNode suggestions = api().get("/api/v1/search/suggestions?q=latitude%2054").json().get("suggestions");
        List<String> values = new ArrayList<>();
        suggestions.forEach(s -> values.add(s.asText()));
        assertThat(values).anyMatch(s -> s.startsWith("Latitude 54"));
        List<String> categories = new ArrayList<>();
        api().get("/api/v1/search/suggestions?q=ecr").json().get("suggestions").forEach(s -> categories.add(s.asText()));
        assertThat(categories).anyMatch(s -> s.startsWith("Écran"));
        assertThat(api().get("/api/v1/search/suggestions?q=").json().get("suggestions")).isEmpty();
    }

    @Test
    void searchNeedsASignedInUser() {
        assertThat(ApiClient.anonymous(port).get("/api/v1/search?q=ecran").status()).isEqualTo(401);
    }

    private void assertInvalid(String query, String parameter) {
        ApiClient.Response response = api().get("/api/v1/search?" + query);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(query).contains(parameter);
    }

    private ObjectNode listing(TestSeller seller, String category, String maker, String model, String title, String grade,
            Integer battery, int price, int quantity) {
        ObjectNode listing = seller.laptop();
        listing.put("category", category).put("manufacturer", maker).put("model", model).put("title", title)
                .put("grade", grade).put("unitPrice", price).put("quantityAvailable", quantity);
        listing.remove("description");
        if (battery == null) {
            listing.remove("batteryHealthPercent");
        } else {
            listing.put("batteryHealthPercent", battery);
        }
        if (!category.equals("LAPTOP") && !category.equals("DESKTOP")) {
            listing.remove("specs");
        }
        return listing;
    }

    private static JsonNode create(TestSeller seller, ObjectNode listing) {
        return seller.create(listing);
    }

    private ApiClient api() {
        return ApiClient.demo(port, "buyer");
    }

    private JsonNode search(String query) {
        ApiClient.Response response = api().get("/api/v1/search?" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    private void awaitTotal(String query, long expected) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long total;
        do {
            total = search(query).get("total").asLong();
            if (total == expected) {
                return;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(total).as("total for " + query).isEqualTo(expected);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private static java.util.Map<String, Long> facet(JsonNode page, String name) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        page.get("facets").get(name).forEach(f -> counts.put(f.get("value").asText(), f.get("count").asLong()));
        return counts;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
