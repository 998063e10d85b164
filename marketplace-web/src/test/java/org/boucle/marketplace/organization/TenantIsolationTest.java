package org.boucle.marketplace.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One organization's users never read or change another organization's private data: 404, never 403 or data. */
@BoucleTest
class TenantIsolationTest {

    @LocalServerPort
    int port;

    private String chu;
    private String metropole;

    @BeforeEach
    void findOrganizations() {
        chu = ApiClient.demo(port, "donor").get("/api/v1/me").json().at("/organization/id").asText();
        metropole = idOf("Grenoble-Alpes Métropole");
    }

    @Test
    void aDonorReadsItsOwnPrivateDetailsAndMembers() {
        ApiClient donor = ApiClient.demo(port, "donor");

        JsonNode details = donor.get("/api/v1/organizations/" + chu + "/details").json();
        assertThat(details.get("name").asText()).isEqualTo("CHU Grenoble Alpes");
        assertThat(details.findValuesAsText("accessNotes")).anyMatch(n -> n.contains("3,5 m"));
        assertThat(donor.get("/api/v1/organizations/" + chu + "/members").json().findValuesAsText("email"))
                .contains("donor@demo.boucle");
    }

    @Test
    void anotherOrganizationsPrivateResourcesAnswer404() {
        ApiClient donor = ApiClient.demo(port, "donor");

        for (ApiClient.Response response : new ApiClient.Response[] {
                donor.get("/api/v1/organizations/" + metropole + "/details"),
                donor.get("/api/v1/organizations/" + metropole + "/members"),
                donor.put("/api/v1/organizations/" + metropole + "/profile", "{\"description\": \"hijacked\"}"),
                donor.post("/api/v1/organizations/" + metropole + "/sites",
                        "{\"name\": \"x\", \"street\": \"1 rue x\", \"postalCode\": \"38000\", \"communeCode\": \"38185\"}")}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("Malakoff", "hijacked", "@demo.boucle");
        }
        // Nothing changed.
        JsonNode details = ApiClient.demo(port, "coordinator").get("/api/v1/organizations/" + metropole + "/details").json();
        assertThat(details.at("/profile/description").asText()).doesNotContain("hijacked");
        assertThat(details.get("sites")).hasSize(2);
    }

    @Test
    void anUnknownOrganizationAnswersTheSame404AsAForeignOne() {
        ApiClient.Response foreign = ApiClient.demo(port, "donor").get("/api/v1/organizations/" + metropole + "/details");
        ApiClient.Response unknown = ApiClient.demo(port, "donor")
                .get("/api/v1/organizations/00000000-0000-0000-0000-000000000000/details");

        assertThat(unknown.status()).isEqualTo(foreign.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail")).isEqualTo(foreign.json().get("detail"));
    }

    @Test
    void aCoordinatorSeesTheWholeTerritory() {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");

        assertThat(coordinator.get("/api/v1/organizations/" + chu + "/details").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/organizations/" + chu + "/members").json().findValuesAsText("email"))
                .contains("donor@demo.boucle");
    }

    @Test
    void publicDirectoryEntriesHidePrivateDetails() {
        JsonNode entry = ApiClient.demo(port, "buyer").get("/api/v1/organizations/" + chu).json();

        assertThat(entry.get("name").asText()).isEqualTo("CHU Grenoble Alpes");
        assertThat(entry.toString()).doesNotContain("accessNotes", "3,5 m");
    }

    @Test
    void onlyCoordinatorsOnboardOrganizations() {
        String body = "{\"name\": \"Repair Café Seyssins\", \"roles\": [\"WORKSHOP\"]}";

        ApiClient.Response refused = ApiClient.demo(port, "donor").post("/api/v1/organizations", body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private String idOf(String name) {
        for (JsonNode entry : ApiClient.demo(port, "coordinator").get("/api/v1/organizations").json()) {
            if (entry.get("name").asText().equals(name)) {
                return entry.get("id").asText();
            }
        }
        throw new AssertionError("no organization " + name);
    }
}
