package org.boucle.marketplace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Forecasts worked out by hand: which rule gives each asset's date, and what a policy change moves. */
@BoucleTest
class ForecastApiTest {

    @LocalServerPort
    int port;

    private TestDonor donor;

    @BeforeEach
    void importThreeAssets() {
        donor = TestDonor.onboard(port);
        byte[] export = SnipeIt.page(
                // Bought 2023-03-10, laptops last 60 months by default: 2028-03-10 (renewal policy).
                SnipeIt.asset(10, "Laptops", "Lenovo", "ThinkPad T14", "SN-10", "2023-03-10", null, null),
                // The donor plans to retire it on 2027-01-15, whatever its age (planned).
                SnipeIt.asset(11, "Monitors", "iiyama", "ProLite XUB2493", "SN-11", "2020-01-02", null, "2027-01-15"),
                // No purchase date, warranty until 2027-06-30 (warranty end).
                SnipeIt.asset(12, "Mobile Phones", "Samsung", "Galaxy XCover 5", "SN-12", null, "2027-06-30", null));
        ApiClient.Response response = donor.client().upload("/api/v1/inventory/imports", Map.of("format", "snipeit-json"),
                "hardware.json", export);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void eachAssetIsForecastByTheFirstRuleThatApplies() {
        assertThat(rows("/api/v1/forecast?from=2027-01&to=2028-12&groupBy=month,category"))
                .containsExactly("2027-01 SCREEN 1", "2027-06 SMARTPHONE 1", "2028-03 LAPTOP 1");
    }

    @Test
    void theDonorsRenewalPolicyMovesTheForecastAtOnce() {
        ApiClient.Response updated = donor.client().put("/api/v1/inventory/policy", "{\"LAPTOP\": 48}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("LAPTOP").asInt()).isEqualTo(48);
        assertThat(updated.json().get("SCREEN").asInt()).isEqualTo(96);

        // 2023-03-10 + 48 months = 2027-03-10; the planned screen and the phone do not move.
        assertThat(rows("/api/v1/forecast?from=2027-01&to=2028-12&groupBy=month,category"))
                .containsExactly("2027-01 SCREEN 1", "2027-03 LAPTOP 1", "2027-06 SMARTPHONE 1");
    }

    @Test
    void forecastsGroupBySiteAndCommuneAndBecomeUpcomingLots() {
        assertThat(rows("/api/v1/forecast?from=2027-01&to=2028-12&groupBy=category,commune"))
                .containsExactly("null LAPTOP 1 Grenoble", "null SCREEN 1 Grenoble", "null SMARTPHONE 1 Grenoble");

        JsonNode lots = donor.client().get("/api/v1/forecast/lots?from=2027-01&to=2027-12").json();
        assertThat(lots).hasSize(2);
        assertThat(lots.get(0).get("month").asText()).isEqualTo("2027-01");
        assertThat(lots.get(0).get("site").asText()).isEqualTo("Siège");
        assertThat(lots.get(0).get("typicalModel").asText()).isEqualTo("Iiyama ProLite XUB2493");
        assertThat(lots.get(0).get("medianAgeYears").asDouble()).isEqualTo(7.0);
        assertThat(lots.get(0).get("id").asText()).endsWith(":2027-01:SCREEN");
    }

    @Test
    void otherActorsSeeTheTerritorysVolumesButNoDonorsOrSites() {
        ApiClient buyer = ApiClient.demo(port, "buyer");
        assertThat(buyer.get("/api/v1/forecast?groupBy=month,category,commune").status()).isEqualTo(200);
        assertThat(buyer.get("/api/v1/forecast?groupBy=month,donor").status()).isEqualTo(403);
        assertThat(buyer.get("/api/v1/forecast?groupBy=site").status()).isEqualTo(403);
        assertThat(buyer.get("/api/v1/forecast/lots").status()).isEqualTo(403);
    }

    @Test
    void badParametersAreNamed() {
        assertThat(field(donor.client().get("/api/v1/forecast?from=2027-13"))).isEqualTo("from");
        assertThat(field(donor.client().get("/api/v1/forecast?groupBy=month,planet"))).isEqualTo("groupBy");
        assertThat(field(donor.client().get("/api/v1/forecast?groupBy=site,commune"))).isEqualTo("groupBy");
        assertThat(field(donor.client().get("/api/v1/forecast?from=2028-01&to=2027-01"))).isEqualTo("to");
        assertThat(field(donor.client().put("/api/v1/inventory/policy", "{\"LAPTOP\": 0}"))).isEqualTo("LAPTOP");
    }

    private List<String> rows(String path) {
        ApiClient.Response response = donor.client().get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode row : response.json()) {
            String text = row.path("month").asText("null") + " " + row.path("category").asText("null") + " " + row.get("quantity").asLong();
            rows.add(row.has("commune") ? text + " " + row.get("commune").asText() : text);
        }
        return rows;
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().at("/errors/0/field").asText();
    }
}
