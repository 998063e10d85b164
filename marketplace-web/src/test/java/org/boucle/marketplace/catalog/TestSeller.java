package org.boucle.marketplace.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boucle.marketplace.ApiClient;

/**
 * A fresh organization with the given roles, one site in Grenoble and one member acting with those roles,
 * onboarded through the API by the demo coordinator.
 */
public record TestSeller(String id, String name, String siteId, String email, ApiClient client) {

    public static final String PASSWORD = "a long enough password";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static TestSeller onboard(int port, String... roles) {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        String roleList = Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(", "));
        String name = "Vendeur de test " + UUID.randomUUID();
        ApiClient.Response organization = coordinator.post("/api/v1/organizations", """
                {"name": "%s", "roles": [%s]}""".formatted(name, roleList));
        if (organization.status() != 201) {
            throw new IllegalStateException(organization.body());
        }
        String id = organization.json().get("id").asText();
        String siteId = coordinator.post("/api/v1/organizations/" + id + "/sites", """
                {"name": "Siège", "street": "1 place Grenette", "postalCode": "38000", "communeCode": "38185",
                 "latitude": 45.1904, "longitude": 5.7275}""").json().get("id").asText();
        String email = "vendeur-" + UUID.randomUUID() + "@vendeur.example";
        ApiClient.Response member = coordinator.post("/api/v1/organizations/" + id + "/members", """
                {"email": "%s", "displayName": "Responsable", "password": "%s", "roles": [%s]}"""
                .formatted(email, PASSWORD, roleList));
        if (member.status() != 201) {
            throw new IllegalStateException(member.body());
        }
        return new TestSeller(id, name, siteId, email, ApiClient.basic(port, email, PASSWORD));
    }

    /** A valid refurbished laptop listing at this seller's site, to change field by field. */
    public ObjectNode laptop() {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"siteId": "%s", "category": "LAPTOP", "manufacturer": "Lenovo", "model": "ThinkPad T480",
                     "title": "Lenovo ThinkPad T480 — Core i5 8e gén., 16 Go, SSD 256 Go",
                     "description": "Testé, données effacées, chargeur fourni.",
                     "specs": {"cpuFamily": "Intel Core i5", "cpuGeneration": 8, "ramGb": 16, "storageType": "SSD",
                               "storageGb": 256, "screenInches": 14.0},
                     "grade": "B", "batteryHealthPercent": 81, "quantityAvailable": 4, "unitPrice": 249.90,
                     "warrantyMonths": 12}""".formatted(siteId));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a listing and answers its JSON; fails the test setup if it is refused. */
    public JsonNode create(ObjectNode listing) {
        ApiClient.Response response = client.post("/api/v1/listings", listing.toString());
        if (response.status() != 201) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
        return response.json();
    }
}
