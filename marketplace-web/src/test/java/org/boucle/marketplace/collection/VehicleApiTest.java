package org.boucle.marketplace.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The collectors' fleet through the API: who declares what, and every bad field reported at once. */
@BoucleTest
class VehicleApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCollectorDeclaresItsVanSeesItAndTakesItOutOfService() {
        ApiClient collector = ApiClient.demo(port, "collector");
        String name = "Fourgon " + UUID.randomUUID();
        ApiClient.Response created = collector.post("/api/v1/collection/vehicles", van(name, depot("collector")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode vehicle = created.json();
        String id = vehicle.get("id").asText();
        assertThat(created.body()).contains("\"capacityKg\":1200");
        assertThat(vehicle.get("allowedDays")).extracting(JsonNode::asText)
                .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        assertThat(vehicle.get("shiftStart").asText()).isEqualTo("08:00:00");
        assertThat(names(collector.get("/api/v1/collection/vehicles").json())).contains(name);
        assertThat(names(ApiClient.demo(port, "coordinator").get("/api/v1/collection/vehicles").json())).contains(name);

        assertThat(collector.delete("/api/v1/collection/vehicles/" + id).status()).isEqualTo(204);
        assertThat(names(collector.get("/api/v1/collection/vehicles").json())).doesNotContain(name);
    }

    @Test
    void everyBadFieldIsReportedAndOnlyCollectorsAndCoordinatorsManageVehicles() {
        ApiClient collector = ApiClient.demo(port, "collector");
        ApiClient.Response refused = collector.post("/api/v1/collection/vehicles", """
                {"name": "", "depotSiteId": "%s", "capacityM3": 0, "capacityKg": 3000, "grossWeightKg": 2500,
                 "shiftStart": "18:00", "shiftEnd": "08:00", "costPerKm": -1, "costPerHour": 35.123,
                 "kgCo2ePerKm": 0.25, "allowedDays": []}""".formatted(depot("donor")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("name", "depotSiteId", "capacityM3", "grossWeightKg", "shiftEnd",
                "costPerKm", "costPerHour", "allowedDays");

        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/collection/vehicles").status()).isEqualTo(403);
        ApiClient.Response notACollector = ApiClient.demo(port, "coordinator").post("/api/v1/collection/vehicles",
                van("Camion", depot("donor")).replace("{", "{\"organizationId\": \"" + organization("donor") + "\", "));
        assertThat(notACollector.status()).isEqualTo(400);
        assertThat(notACollector.body()).contains("not a collector");
        ApiClient.Response forTheCollector = ApiClient.demo(port, "coordinator").post("/api/v1/collection/vehicles",
                van("Camion " + UUID.randomUUID(), depot("collector"))
                        .replace("{", "{\"organizationId\": \"" + organization("collector") + "\", "));
        assertThat(forTheCollector.status()).as(forTheCollector.body()).isEqualTo(201);
        assertThat(ApiClient.demo(port, "workshop").get("/api/v1/collection/vehicles/"
                + forTheCollector.json().get("id").asText()).status()).isEqualTo(403);
    }

    @Test
    void theDemoTerritoryHasItsCollectorsFleet() {
        List<String> fleet = names(ApiClient.demo(port, "coordinator").get("/api/v1/collection/vehicles").json());
        assertThat(fleet).contains("Fourgon 12 m³ — GX-417-AB", "Porteur 20 m³ hayon — FT-902-KL", "Vélo-cargo 1 m³");
        assertThat(names(ApiClient.demo(port, "collector").get("/api/v1/collection/vehicles").json()))
                .contains("Fourgon 12 m³ — GX-417-AB").doesNotContain("Vélo-cargo 1 m³");
    }

    private static String van(String name, UUID depot) {
        return """
                {"name": "%s", "depotSiteId": "%s", "capacityM3": 12.5, "capacityKg": 1200, "grossWeightKg": 3500,
                 "shiftStart": "08:00", "shiftEnd": "17:00", "costPerKm": 0.45, "costPerHour": 32,
                 "kgCo2ePerKm": 0.25, "allowedDays": ["FRIDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"]}"""
                .formatted(name, depot);
    }

    private UUID organization(String login) {
        return UUID.fromString(ApiClient.demo(port, login).get("/api/v1/me").json().get("organization").get("id").asText());
    }

    private UUID depot(String login) {
        return jdbc.sql("select id from site where organization_id = ? order by created_at, id limit 1")
                .param(organization(login)).query(UUID.class).single();
    }

    private static List<String> names(JsonNode vehicles) {
        List<String> names = new ArrayList<>();
        vehicles.forEach(vehicle -> names.add(vehicle.get("name").asText()));
        return names;
    }
}
