package org.boucle.marketplace.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoucleTest
class OnboardingApiTest {

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorOnboardsAWorkshopWithASiteAndAMemberWhoThenSignsIn() {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        String name = "Repair Café Seyssins " + UUID.randomUUID();

        ApiClient.Response created = coordinator.post("/api/v1/organizations", """
                {"name": "%s", "roles": ["WORKSHOP"],
                 "profile": {"siret": "73282932000074", "capacityUnitsPerMonth": 120, "offerings": ["REPAIR"]}}
                """.formatted(name));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();

        ApiClient.Response site = coordinator.post("/api/v1/organizations/" + id + "/sites", """
                {"name": "Salle des fêtes", "street": "Place de la Mairie", "postalCode": "38180", "communeCode": "38486",
                 "openingHours": "Sa 09:00-12:00"}
                """);
        assertThat(site.status()).isEqualTo(201);
        assertThat(site.json().get("commune").asText()).isEqualTo("Seyssins");
        assertThat(site.json().get("openingHours").asText()).isEqualTo("Sa 09:00-12:00");
        // No coordinates given: the commune's centre stands in.
        assertThat(site.json().get("latitude").asDouble()).isEqualTo(45.163);

        String email = "benevole-" + UUID.randomUUID() + "@repaircafe.example";
        ApiClient.Response member = coordinator.post("/api/v1/organizations/" + id + "/members", """
                {"email": "%s", "displayName": "Léa Bénévole", "password": "correct horse battery", "roles": ["WORKSHOP"]}
                """.formatted(email));
        assertThat(member.status()).isEqualTo(201);

        JsonNode me = ApiClient.basic(port, email, "correct horse battery").get("/api/v1/me").json();
        assertThat(me.at("/organization/name").asText()).isEqualTo(name);

        JsonNode found = coordinator.get("/api/v1/organizations?offering=REPAIR&commune=38486&minCapacity=100").json();
        assertThat(found.findValuesAsText("name")).contains(name);
    }

    @Test
    void aMemberCannotHoldARoleTheirOrganizationDoesNotHave() {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        String id = coordinator.post("/api/v1/organizations", """
                {"name": "Collecte Express %s", "roles": ["COLLECTOR"]}""".formatted(UUID.randomUUID())).json().get("id").asText();

        ApiClient.Response refused = coordinator.post("/api/v1/organizations/" + id + "/members", """
                {"email": "x-%s@example.org", "displayName": "X", "roles": ["COORDINATOR"]}""".formatted(UUID.randomUUID()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("roles");
    }

    @Test
    void aMemberEditsTheirOwnProfile() {
        ApiClient association = ApiClient.demo(port, "association");
        String id = association.get("/api/v1/me").json().at("/organization/id").asText();

        ApiClient.Response updated = association.put("/api/v1/organizations/" + id + "/profile", """
                {"description": "Inclusion numérique à Grenoble", "capacityUnitsPerMonth": 90,
                 "offerings": ["DEVICE_DISTRIBUTION", "DIGITAL_TRAINING"], "populations": ["LOW_INCOME_HOUSEHOLDS", "SENIORS"]}
                """);

        assertThat(updated.status()).isEqualTo(200);
        JsonNode entry = ApiClient.demo(port, "buyer").get("/api/v1/organizations/" + id).json();
        assertThat(entry.get("capacityUnitsPerMonth").asInt()).isEqualTo(90);
        assertThat(entry.get("description").asText()).isEqualTo("Inclusion numérique à Grenoble");
    }
}
