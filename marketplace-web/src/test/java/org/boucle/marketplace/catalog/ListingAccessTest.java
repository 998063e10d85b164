package org.boucle.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Active listings are every signed-in actor's to read; only their seller (and coordinators) change them. What an
 * actor may not see answers 404, as an id that does not exist; what they see but may not change, 403.
 */
@BoucleTest
class ListingAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestSeller workshop;
    private TestSeller otherWorkshop;
    private Outbox outbox;

    @BeforeEach
    void onboardTwoWorkshops() {
        workshop = TestSeller.onboard(port, "WORKSHOP");
        otherWorkshop = TestSeller.onboard(port, "WORKSHOP", "RESELLER");
        outbox = new Outbox(jdbc);
    }

    @Test
    void anActiveListingIsVisibleToEverySignedInActor() {
        String id = workshop.create(workshop.laptop()).get("id").asText();

        for (String login : new String[] {"buyer", "association", "publicbuyer", "donor"}) {
            assertThat(ApiClient.demo(port, login).get("/api/v1/listings/" + id).status()).as(login).isEqualTo(200);
        }
        assertThat(ApiClient.anonymous(port).get("/api/v1/listings/" + id).status()).isEqualTo(401);
    }

    @Test
    void aPausedListingIsHiddenFromOtherOrganizationsAsIfItDidNotExist() {
        String id = workshop.create(workshop.laptop()).get("id").asText();
        workshop.client().post("/api/v1/listings/" + id + "/pause", "");

        ApiClient.Response hidden = otherWorkshop.client().get("/api/v1/listings/" + id);
        ApiClient.Response unknown = otherWorkshop.client().get("/api/v1/listings/00000000-0000-0000-0000-000000000000");

        assertThat(hidden.status()).isEqualTo(404).isEqualTo(unknown.status());
        assertThat(hidden.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(hidden.body()).doesNotContain("ThinkPad");
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/listings/" + id).status()).isEqualTo(404);
        // Changes to a listing one cannot see answer 404 too.
        assertThat(otherWorkshop.client().post("/api/v1/listings/" + id + "/resume", "").status()).isEqualTo(404);
        assertThat(otherWorkshop.client().delete("/api/v1/listings/" + id).status()).isEqualTo(404);
        // Its seller and coordinators still see it.
        assertThat(workshop.client().get("/api/v1/listings/" + id).json().get("status").asText()).isEqualTo("PAUSED");
        assertThat(ApiClient.demo(port, "coordinator").get("/api/v1/listings/" + id).status()).isEqualTo(200);
    }

    @Test
    void anotherOrganizationCannotChangeAnActiveListing() {
        JsonNode listing = workshop.create(workshop.laptop());
        String id = listing.get("id").asText();

        for (ApiClient.Response refused : new ApiClient.Response[] {
                otherWorkshop.client().put("/api/v1/listings/" + id, otherWorkshop.laptop().toString()),
                otherWorkshop.client().post("/api/v1/listings/" + id + "/pause", ""),
                otherWorkshop.client().delete("/api/v1/listings/" + id),
                otherWorkshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "photo.png", Photos.png()),
                otherWorkshop.client().delete("/api/v1/listings/" + id + "/photos/0")}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(workshop.client().get("/api/v1/listings/" + id).json()).isEqualTo(listing);
        assertThat(outbox.rows(id)).isEqualTo(1);
    }

    @Test
    void buyersAndAssociationsCannotPublish() {
        for (String login : new String[] {"buyer", "association", "publicbuyer", "collector"}) {
            ApiClient.Response refused = ApiClient.demo(port, login).post("/api/v1/listings", workshop.laptop().toString());
            assertThat(refused.status()).as(login + " " + refused.body()).isEqualTo(403);
        }
    }

    @Test
    void aWorkshopPublishesOnlyForItselfWhileCoordinatorsActForAnySeller() {
        ApiClient.Response foreign = otherWorkshop.client().post("/api/v1/listings",
                workshop.laptop().put("sellerId", workshop.id()).toString());
        assertThat(foreign.status()).isEqualTo(404);

        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        ApiClient.Response created = coordinator.post("/api/v1/listings", workshop.laptop().put("sellerId", workshop.id()).toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/seller/id").asText()).isEqualTo(workshop.id());
        String id = created.json().get("id").asText();
        assertThat(coordinator.post("/api/v1/listings/" + id + "/pause", "").status()).isEqualTo(200);

        // A coordinator cannot make a listing for an organization that is not a workshop or reseller.
        ApiClient.Response notASeller = coordinator.post("/api/v1/listings", workshop.laptop()
                .put("sellerId", ApiClient.demo(port, "buyer").get("/api/v1/me").json().at("/organization/id").asText()).toString());
        assertThat(notASeller.status()).isEqualTo(400);
        assertThat(notASeller.json().at("/errors/0/field").asText()).isEqualTo("sellerId");
    }
}
