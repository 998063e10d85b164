package org.boucle.marketplace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoucleTest
class MeApiTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
            "coordinator, Boucle — coordination territoriale, COORDINATOR",
            "donor, CHU Grenoble Alpes, DONOR",
            "collector, Alpes Collecte Solidaire, COLLECTOR",
            "workshop, Atelier Reboot Grenoble, RESELLER WORKSHOP",
            "buyer, Espace Coworking Bastille, PRIVATE_BUYER",
            "association, Le Lien Numérique, ASSOCIATION",
            "publicbuyer, Ville de Grenoble, PUBLIC_BUYER"})
    void everyDemoLoginSeesItsUserOrganizationAndRolesOverHttpBasic(String login, String organization, String roles) {
        ApiClient.Response response = ApiClient.demo(port, login).get("/api/v1/me");

        assertThat(response.status()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.at("/user/email").asText()).isEqualTo(login + "@demo.boucle");
        assertThat(me.at("/organization/name").asText()).isEqualTo(organization);
        assertThat(texts(me.get("roles"))).containsExactlyInAnyOrder(roles.split(" "));
        assertThat(texts(me.at("/organization/roles"))).contains(roles.split(" "));
    }

    @Test
    void aWrongPasswordIsRefusedWithAProblem() {
        ApiClient.Response response = ApiClient.basic(port, "donor@demo.boucle", "not-the-password").get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void anonymousCallsAreRefused() {
        ApiClient.Response response = ApiClient.anonymous(port).get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void emailIsMatchedWithoutRegardToCase() {
        assertThat(ApiClient.basic(port, "Donor@Demo.Boucle", "demo").get("/api/v1/me").status()).isEqualTo(200);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
