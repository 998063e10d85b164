package org.boucle.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad listings are refused with problem+json naming every field at fault, and leave nothing behind. */
@BoucleTest
class ListingValidationTest {

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
    void refurbishedStockNeedsAGrade() {
        assertThat(fields(create(workshop.laptop().putNull("grade")))).containsExactly("grade");
        assertThat(fields(create(without(workshop.laptop(), "grade")))).containsExactly("grade");
    }

    @Test
    void batteryHealthMustMeetTheGradesMinimum() {
        JsonNode problem = create(workshop.laptop().put("grade", "A").put("batteryHealthPercent", 80));

        assertThat(fields(problem)).containsExactly("batteryHealthPercent");
        assertThat(problem.at("/errors/0/message").asText()).contains("85");
        // 80 % is enough for grade B, and a screen has no battery to state.
        assertThat(workshop.client().post("/api/v1/listings", workshop.laptop().put("batteryHealthPercent", 80).toString())
                .status()).isEqualTo(201);
        assertThat(workshop.client().post("/api/v1/listings", workshop.laptop().put("category", "SCREEN")
                .putNull("batteryHealthPercent").toString()).status()).isEqualTo(201);
    }

    @Test
    void phonesTabletsAndLaptopsMustStateTheirBattery() {
        assertThat(fields(create(workshop.laptop().put("category", "SMARTPHONE").putNull("batteryHealthPercent"))))
                .containsExactly("batteryHealthPercent");
    }

    @Test
    void aQuantityCannotBeNegative() {
        assertThat(fields(create(workshop.laptop().put("quantityAvailable", -1)))).containsExactly("quantityAvailable");
    }

    @Test
    void theSiteMustBeOneOfTheSellers() {
        String otherSite = TestSeller.onboard(port, "RESELLER").siteId();

        assertThat(fields(create(workshop.laptop().put("siteId", "00000000-0000-0000-0000-000000000000"))))
                .containsExactly("siteId");
        assertThat(fields(create(workshop.laptop().put("siteId", otherSite)))).containsExactly("siteId");
        assertThat(fields(create(workshop.laptop().put("siteId", "not-a-uuid")))).containsExactly("siteId");
    }

    @Test
    void anUnknownCategoryIsNamedWithTheAllowedOnes() {
        JsonNode problem = create(workshop.laptop().put("category", "SPACESHIP"));

        assertThat(fields(problem)).containsExactly("category");
        assertThat(problem.toString()).contains("SPACESHIP", "LAPTOP");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        JsonNode problem = create(workshop.laptop().putNull("grade").put("quantityAvailable", -3).put("title", " ")
                .put("siteId", "00000000-0000-0000-0000-000000000000").put("warrantyMonths", 200)
                .put("availableFrom", "2027-05-01").put("availableUntil", "2027-04-01")
                .set("specs", ((ObjectNode) workshop.laptop().get("specs")).put("ramGb", -8)));

        assertThat(problem.get("type").asText()).isEqualTo("/problems/validation");
        assertThat(fields(problem)).containsExactlyInAnyOrder("grade", "quantityAvailable", "title", "siteId",
                "warrantyMonths", "availableUntil", "specs.ramGb");
    }

    @Test
    void aDonationHasNoPriceAndAPriceIsNeverNegative() {
        assertThat(fields(create(workshop.laptop().put("donation", true)))).containsExactly("unitPrice");
        assertThat(fields(create(workshop.laptop().put("unitPrice", -5)))).containsExactly("unitPrice");
        assertThat(fields(create(workshop.laptop().put("unitPrice", 12.345)))).containsExactly("unitPrice");
        assertThat(fields(create(workshop.laptop().put("currency", "USD")))).containsExactly("currency");
    }

    @Test
    void upcomingLotsArePublishedFromTheForecastNotCreatedHere() {
        assertThat(fields(create(workshop.laptop().put("kind", "UPCOMING_LOT")))).containsExactly("kind");
    }

    @Test
    void aRejectedRequestLeavesNoOutboxRowAndNoChange() {
        long before = outbox.total();
        long listings = jdbc.queryForObject("select count(*) from listing", Long.class);
        create(workshop.laptop().putNull("grade"));
        create(workshop.laptop().put("quantityAvailable", -1));
        assertThat(outbox.total()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from listing", Long.class)).isEqualTo(listings);

        JsonNode listing = workshop.create(workshop.laptop());
        String id = listing.get("id").asText();
        ApiClient.Response refused = workshop.client().put("/api/v1/listings/" + id,
                workshop.laptop().put("grade", "A").put("batteryHealthPercent", 70).put("title", "Changé").toString());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(outbox.rows(id)).isEqualTo(1);
        assertThat(workshop.client().get("/api/v1/listings/" + id).json()).isEqualTo(listing);
    }

    @Test
    void malformedJsonIsAProblemNotACrash() {
        ApiClient.Response response = workshop.client().post("/api/v1/listings", "{\"title\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("java.", "Exception");
    }

    private JsonNode create(ObjectNode listing) {
        ApiClient.Response response = workshop.client().post("/api/v1/listings", listing.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("java.", "Exception");
        return response.json();
    }

    private static ObjectNode without(ObjectNode listing, String field) {
        listing.remove(field);
        return listing;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }
}
