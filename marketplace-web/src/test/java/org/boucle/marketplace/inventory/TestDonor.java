package org.boucle.marketplace.inventory;

import java.util.UUID;
import org.boucle.marketplace.ApiClient;

/** A fresh donor with one site and one member, onboarded through the API by the demo coordinator. */
record TestDonor(String id, ApiClient client) {

    static TestDonor onboard(int port) {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        String id = coordinator.post("/api/v1/organizations", """
                {"name": "Donneur de test %s", "roles": ["DONOR"]}""".formatted(UUID.randomUUID())).json().get("id").asText();
        coordinator.post("/api/v1/organizations/" + id + "/sites", """
                {"name": "Siège", "street": "1 place Grenette", "postalCode": "38000", "communeCode": "38185"}""");
        String email = "dsi-" + UUID.randomUUID() + "@donneur.example";
        coordinator.post("/api/v1/organizations/" + id + "/members", """
                {"email": "%s", "displayName": "DSI", "password": "a long enough password", "roles": ["DONOR"]}"""
                .formatted(email));
        return new TestDonor(id, ApiClient.basic(port, email, "a long enough password"));
    }
}
