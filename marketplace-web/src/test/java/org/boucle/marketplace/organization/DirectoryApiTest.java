package org.boucle.marketplace.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoucleTest
class DirectoryApiTest {

    @LocalServerPort
    int port;

    @Test
    void findsWorkshopsThatWipeData() {
        JsonNode entries = ApiClient.demo(port, "donor").get("/api/v1/organizations?role=WORKSHOP&offering=DATA_WIPING").json();

        assertThat(names(entries))
                .contains("Atelier Reboot Grenoble", "Ateliers du Réemploi d'Échirolles")
                .doesNotContain("Fontaine Numérique Solidaire", "Alpes Collecte Solidaire");
    }

    @Test
    void filtersByCommuneAndCapacity() {
        ApiClient buyer = ApiClient.demo(port, "buyer");

        assertThat(names(buyer.get("/api/v1/organizations?commune=38474").json()))
                .contains("ReMarket Alpes", "Grenoble-Alpes Métropole")
                .doesNotContain("Atelier Reboot Grenoble");
        assertThat(names(buyer.get("/api/v1/organizations?role=COLLECTOR&minCapacity=2000").json()))
                .contains("Alpes Collecte Solidaire").doesNotContain("Drac Logistique Verte");
    }

    @Test
    void searchesNamesAndDescriptionsWithoutTreatingWildcardsAsSuch() {
        ApiClient buyer = ApiClient.demo(port, "buyer");

        assertThat(names(buyer.get("/api/v1/organizations?text=boursiers").json()))
                .containsExactly("Étudiants Solidaires Alpes");
        assertThat(names(buyer.get("/api/v1/organizations?text=%25").json())).isEmpty();
        assertThat(names(buyer.get("/api/v1/organizations?text=R%C3%89EMPLOI%20D").json()))
                .containsExactly("Ateliers du Réemploi d'Échirolles");
    }

    @Test
    void listsNearestFirstFromTheActorsOwnSite() {
        // From the collector's depot in Saint-Martin-d'Hères, by road estimate (great circle × 1.3).
        JsonNode entries = ApiClient.demo(port, "collector").get("/api/v1/organizations?role=DONOR").json();

        List<Double> distances = new ArrayList<>();
        entries.forEach(e -> distances.add(e.get("distanceKm").asDouble()));
        assertThat(distances).isSorted();
        assertThat(entries.get(0).get("name").asText()).isEqualTo("Belledonne Transports");
        assertThat(distances.get(0)).isEqualTo(3.6);
        assertThat(entries.get(entries.size() - 1).get("name").asText()).isEqualTo("Chartreuse Énergie");
        assertThat(distances.get(distances.size() - 1)).isEqualTo(12.8);
    }

    private static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.get("name").asText()));
        return names;
    }
}
