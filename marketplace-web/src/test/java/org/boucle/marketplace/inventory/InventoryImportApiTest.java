package org.boucle.marketplace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoucleTest
class InventoryImportApiTest {

    private static final String IMPORTS = "/api/v1/inventory/imports";

    @LocalServerPort
    int port;

    private static final String LAPTOP = SnipeIt.asset(1, "Laptops", "Dell Inc.", "Latitude 5420", "SN-0001", "2023-03-10", null, null);
    private static final String SCREEN = SnipeIt.asset(2, "Monitors", "DELL", "P2422H", "SN-0002", "2021-06-01", null, null);
    private static final String SCREEN_CHANGED = SnipeIt.asset(2, "Monitors", "DELL", "P2423D", "SN-0002", "2021-06-01", null, null);
    private static final String PHONE = SnipeIt.asset(3, "Mobile Phones", "Apple Inc.", "iPhone 12", "SN-0003", "2022-09-15", null, null);
    private static final String TABLET = SnipeIt.asset(4, "Tablets", "Apple", "iPad 9", "SN-0004", "2022-09-15", null, null);

    private JsonNode upload(ApiClient client, byte[] export, String... fields) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("format", "snipeit-json"));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        ApiClient.Response response = client.upload(IMPORTS, form, "hardware.json", export);
        JsonNode body = response.json();
        assertThat(response.status()).as(response.body()).isIn(201, 422);
        return body;
    }

    @Test
    void reImportingIsIdempotentAndChangesAreAppliedAndCounted() {
        TestDonor donor = TestDonor.onboard(port);

        JsonNode first = upload(donor.client(), SnipeIt.page(LAPTOP, SCREEN, PHONE));
        assertThat(counts(first)).containsExactly(3, 0, 0, 0);

        JsonNode again = upload(donor.client(), SnipeIt.page(LAPTOP, SCREEN, PHONE));
        assertThat(counts(again)).containsExactly(0, 0, 3, 0);

        // The screen was changed, the phone left the export, a tablet arrived.
        JsonNode changed = upload(donor.client(), SnipeIt.page(LAPTOP, SCREEN_CHANGED, TABLET));
        assertThat(counts(changed)).containsExactly(1, 1, 1, 1);

        // The phone is back (an update: it is no longer missing), the screen changed back, the tablet left.
        JsonNode back = upload(donor.client(), SnipeIt.page(LAPTOP, SCREEN, PHONE));
        assertThat(counts(back)).containsExactly(0, 2, 1, 1);

        JsonNode history = donor.client().get(IMPORTS).json();
        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("importedBy").asText()).startsWith("dsi-");
        assertThat(history.findValuesAsText("status")).containsOnly("COMPLETED");
        // Nothing is ever deleted: 4 assets, one of them flagged missing, so 3 in the park.
        long park = 0;
        for (JsonNode row : donor.client().get("/api/v1/inventory/park").json()) {
            park += row.get("quantity").asLong();
        }
        assertThat(park).isEqualTo(3);
    }

    @Test
    void allOrNothingRejectsTheWholeFileAndNamesTheRowAndColumn() {
        TestDonor donor = TestDonor.onboard(port);
        String badDate = SnipeIt.asset(5, "Laptops", "HP", "EliteBook 840 G8", "SN-0005", "2023-13-45", null, null);

        ApiClient.Response response = donor.client().upload(IMPORTS, Map.of("format", "snipeit-json"), "hardware.json",
                SnipeIt.page(LAPTOP, badDate, SCREEN));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("rejectedCount").asInt()).isEqualTo(1);
        assertThat(problem.at("/rejected/0/row").asInt()).isEqualTo(2);
        assertThat(problem.at("/rejected/0/column").asText()).contains("purchase_date");
        assertThat(problem.at("/rejected/0/reason").asText()).isNotBlank();
        assertThat(donor.client().get("/api/v1/inventory/park").json()).isEmpty();
        String importId = problem.get("importId").asText();
        assertThat(donor.client().get(IMPORTS + "/" + importId).json().get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void validRowsModeImportsTheGoodRowsAndReportsTheOthers() {
        TestDonor donor = TestDonor.onboard(port);
        String badDate = SnipeIt.asset(5, "Laptops", "HP", "EliteBook 840 G8", "SN-0005", "2023-13-45", null, null);

        JsonNode report = upload(donor.client(), SnipeIt.page(LAPTOP, badDate, SCREEN), "mode", "valid-rows");

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(1);
        ApiClient.Response errors = donor.client().get(IMPORTS + "/" + report.get("importId").asText() + "/errors", "text/csv");
        assertThat(errors.contentType()).startsWith("text/csv");
        assertThat(errors.body().strip().lines()).hasSize(2).last().asString().startsWith("2;");
    }

    @Test
    void theSameAssetTwiceInOneFileIsARowError() {
        TestDonor donor = TestDonor.onboard(port);

        ApiClient.Response response = donor.client().upload(IMPORTS, Map.of("format", "snipeit-json"), "hardware.json",
                SnipeIt.page(LAPTOP, SCREEN, LAPTOP));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/rejected/0/row").asInt()).isEqualTo(3);
        assertThat(response.json().at("/rejected/0/reason").asText()).isEqualTo("Same asset as row 1");
    }

    @Test
    void aDonorCannotImportIntoNorReadAnotherDonorsInventory() {
        TestDonor mine = TestDonor.onboard(port);
        TestDonor theirs = TestDonor.onboard(port);
        String theirImport = upload(theirs.client(), SnipeIt.page(LAPTOP)).get("importId").asText();

        ApiClient.Response intrusion = mine.client().upload(IMPORTS, Map.of("format", "snipeit-json",
                "organizationId", theirs.id()), "hardware.json", SnipeIt.page(SCREEN));
        assertThat(intrusion.status()).isEqualTo(404);
        for (String path : new String[] {IMPORTS + "?organizationId=" + theirs.id(), IMPORTS + "/" + theirImport,
                IMPORTS + "/" + theirImport + "/errors", "/api/v1/inventory/park?organizationId=" + theirs.id(),
                "/api/v1/inventory/policy?organizationId=" + theirs.id(),
                "/api/v1/forecast?organizationId=" + theirs.id(), "/api/v1/forecast/lots?organizationId=" + theirs.id()}) {
            assertThat(mine.client().get(path, path.contains("/errors") ? "text/csv" : "application/json").status())
                    .as(path).isEqualTo(404);
        }
        assertThat(theirs.client().get(IMPORTS).json()).hasSize(1);
        assertThat(ApiClient.demo(port, "coordinator").get(IMPORTS + "?organizationId=" + theirs.id()).json()).hasSize(1);
    }

    @Test
    void onlyDonorsAndCoordinatorsImport() {
        ApiClient.Response response = ApiClient.demo(port, "buyer").upload(IMPORTS, Map.of("format", "snipeit-json"),
                "hardware.json", SnipeIt.page(LAPTOP));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static java.util.List<Integer> counts(JsonNode report) {
        return java.util.List.of(report.get("created").asInt(), report.get("updated").asInt(), report.get("unchanged").asInt(),
                report.get("flaggedMissing").asInt());
    }
}
