package org.boucle.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A listing's life through the API: every change grows its version and tells the search index exactly once. */
@BoucleTest
class ListingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestSeller workshop;
    private Outbox outbox;

    @BeforeEach
    void onboardAWorkshop() {
        workshop = TestSeller.onboard(port, "WORKSHOP");
        outbox = new Outbox(jdbc);
    }

    @Test
    void aWorkshopPublishesChangesPausesResumesAndWithdrawsAListing() {
        ApiClient.Response created = workshop.client().post("/api/v1/listings", workshop.laptop().toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode listing = created.json();
        String id = listing.get("id").asText();
        assertThat(listing.get("kind").asText()).isEqualTo("REFURBISHED");
        assertThat(listing.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(listing.get("version").asLong()).isZero();
        assertThat(listing.get("unitPrice").decimalValue()).isEqualByComparingTo("249.90");
        assertThat(listing.get("donation").asBoolean()).isFalse();
        assertThat(listing.get("currency").asText()).isEqualTo("EUR");
        assertThat(listing.get("grade").asText()).isEqualTo("B");
        assertThat(listing.get("batteryHealthPercent").asInt()).isEqualTo(81);
        assertThat(listing.get("warrantyMonths").asInt()).isEqualTo(12);
        assertThat(listing.at("/specs/ramGb").asInt()).isEqualTo(16);
        assertThat(listing.at("/specs/storageType").asText()).isEqualTo("SSD");
        assertThat(listing.at("/site/id").asText()).isEqualTo(workshop.siteId());
        assertThat(listing.at("/site/commune").asText()).isEqualTo("Grenoble");
        assertThat(listing.at("/site/lat").asDouble()).isEqualTo(45.1904);
        assertThat(listing.at("/seller/name").asText()).isEqualTo(workshop.name());
        assertThat(listing.get("co2AvoidedKg").decimalValue()).isEqualByComparingTo("182.6");
        assertThat(listing.get("co2AvoidedKgTotal").decimalValue()).isEqualByComparingTo("730.4");
        assertThat(listing.get("availableFrom").asText()).isNotBlank();
        assertThat(listing.has("availableUntil")).isTrue();
        assertThat(listing.get("photos")).isEmpty();
        assertThat(outbox.rows(id)).isEqualTo(1);

        assertThat(workshop.client().get("/api/v1/listings/" + id).json()).isEqualTo(listing);

        ObjectNode change = workshop.laptop().put("quantityAvailable", 3).put("unitPrice", 229.9).put("version", 0);
        JsonNode updated = workshop.client().put("/api/v1/listings/" + id, change.toString()).json();
        assertThat(updated.get("quantityAvailable").asInt()).isEqualTo(3);
        assertThat(updated.get("unitPrice").decimalValue()).isEqualByComparingTo("229.90");
        assertThat(updated.get("version").asLong()).isEqualTo(1);
        assertThat(outbox.rows(id)).isEqualTo(2);

        JsonNode paused = workshop.client().post("/api/v1/listings/" + id + "/pause", "").json();
        assertThat(paused.get("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.get("version").asLong()).isEqualTo(2);
        assertThat(outbox.rows(id)).isEqualTo(3);

        // Pausing a paused listing changes nothing: no new version, nothing for the index.
        assertThat(workshop.client().post("/api/v1/listings/" + id + "/pause", "").json().get("version").asLong()).isEqualTo(2);
        assertThat(outbox.rows(id)).isEqualTo(3);

        JsonNode resumed = workshop.client().post("/api/v1/listings/" + id + "/resume", "").json();
        assertThat(resumed.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.get("version").asLong()).isEqualTo(3);
        assertThat(outbox.rows(id)).isEqualTo(4);

        assertThat(workshop.client().delete("/api/v1/listings/" + id).status()).isEqualTo(204);
        JsonNode withdrawn = workshop.client().get("/api/v1/listings/" + id).json();
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("version").asLong()).isEqualTo(4);
        assertThat(outbox.rows(id)).isEqualTo(5);

        // Withdrawal is final.
        for (ApiClient.Response refused : new ApiClient.Response[] {
                workshop.client().post("/api/v1/listings/" + id + "/resume", ""),
                workshop.client().post("/api/v1/listings/" + id + "/pause", ""),
                workshop.client().put("/api/v1/listings/" + id, workshop.laptop().toString())}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(workshop.client().delete("/api/v1/listings/" + id).status()).isEqualTo(204);
        assertThat(workshop.client().get("/api/v1/listings/" + id).json().get("version").asLong()).isEqualTo(4);
        assertThat(outbox.rows(id)).isEqualTo(5);
    }

    @Test
    void anUpdateFromAStaleVersionIsAConflictAndChangesNothing() {
        String id = workshop.create(workshop.laptop()).get("id").asText();
        assertThat(workshop.client().put("/api/v1/listings/" + id, workshop.laptop().put("version", 0).toString()).status())
                .isEqualTo(200);

        ApiClient.Response stale = workshop.client().put("/api/v1/listings/" + id,
                workshop.laptop().put("quantityAvailable", 99).put("version", 0).toString());

        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        JsonNode current = workshop.client().get("/api/v1/listings/" + id).json();
        assertThat(current.get("quantityAvailable").asInt()).isEqualTo(4);
        assertThat(current.get("version").asLong()).isEqualTo(1);
        assertThat(outbox.rows(id)).isEqualTo(2);
        // Without a version, the last writer wins.
        assertThat(workshop.client().put("/api/v1/listings/" + id, workshop.laptop().put("quantityAvailable", 99).toString())
                .json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aDonationHasNoPriceAndSaysSo() {
        JsonNode listing = workshop.create(workshop.laptop().putNull("unitPrice").put("donation", true));

        assertThat(listing.get("donation").asBoolean()).isTrue();
        assertThat(listing.has("unitPrice")).isTrue();
        assertThat(listing.get("unitPrice").isNull()).isTrue();
    }

    @Test
    void sellersListTheirOwnListingsByStatusAndKind() {
        String first = workshop.create(workshop.laptop()).get("id").asText();
        workshop.create(workshop.laptop().put("title", "Second"));
        workshop.client().post("/api/v1/listings/" + first + "/pause", "");

        JsonNode all = workshop.client().get("/api/v1/listings").json();
        assertThat(all.get("total").asLong()).isEqualTo(2);
        // Most recently changed first: the paused one.
        assertThat(all.get("items").findValuesAsText("title")).containsExactly(workshop.laptop().get("title").asText(), "Second");
        JsonNode paused = workshop.client().get("/api/v1/listings?status=PAUSED").json().get("items");
        assertThat(paused).hasSize(1);
        assertThat(paused.get(0).get("id").asText()).isEqualTo(first);
        assertThat(workshop.client().get("/api/v1/listings?kind=UPCOMING_LOT").json().get("total").asLong()).isZero();
        JsonNode page = workshop.client().get("/api/v1/listings?size=1&page=1").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);

        assertThat(ApiClient.demo(port, "coordinator").get("/api/v1/listings?sellerId=" + workshop.id()).json()
                .get("total").asLong()).isEqualTo(2);
        assertThat(ApiClient.demo(port, "workshop").get("/api/v1/listings?sellerId=" + workshop.id()).status()).isEqualTo(404);
        assertThat(field(workshop.client().get("/api/v1/listings?size=0"))).isEqualTo("size");
        assertThat(field(workshop.client().get("/api/v1/listings?status=SOLD"))).isEqualTo("status");
    }

    @Test
    void theListingsApiIsDocumented() {
        JsonNode paths = ApiClient.anonymous(port).get("/v3/api-docs").json().get("paths");

        assertThat(paths.has("/api/v1/listings")).isTrue();
        assertThat(paths.has("/api/v1/listings/{id}/pause")).isTrue();
        assertThat(paths.has("/api/v1/listings/upcoming-lots")).isTrue();
        assertThat(paths.at("/~1api~1v1~1listings/post/summary").asText()).isNotBlank();
        assertThat(paths.at("/~1api~1v1~1listings/post").toString()).doesNotContain("\"actor\"");
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().at("/errors/0/field").asText();
    }
}
