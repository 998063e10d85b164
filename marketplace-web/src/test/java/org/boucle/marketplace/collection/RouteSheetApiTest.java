package org.boucle.marketplace.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A vehicle's day as its driver reads it: stops in their planned order, cancelled ones left out; whose sheet it is. */
@BoucleTest
class RouteSheetApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PickupFixture fixture;
    UUID first;
    UUID second;
    UUID third;
    UUID cancelled;

    @BeforeEach
    void plan() {
        fixture = new PickupFixture(port, jdbc, LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY)));
        // Inserted out of order: the sheet follows the positions.
        second = fixture.pickup(fixture.donor(1, "Arrêt Bravo"), 2, LocalTime.of(10, 0));
        third = fixture.pickup(fixture.donor(2, "Arrêt Charlie"), 3, LocalTime.of(11, 0));
        first = fixture.pickup(fixture.donor(1, "Arrêt Alpha"), 1, LocalTime.of(9, 0));
        PickupFixture.Donor gone = fixture.donor(1, "Arrêt annulé");
        cancelled = fixture.pickup(gone, 4, LocalTime.of(12, 0));
        gone.seller().client().post("/api/v1/collection/pickups/" + cancelled + "/cancel", "{\"reason\": \"fermé\"}");
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    @Test
    void theCollectorsSheetListsTheStopsInOrderFromDepotToWorkshop() {
        String path = "/api/v1/collection/routes/" + fixture.vehicleId() + "/" + fixture.day();
        ApiClient.Response response = fixture.collector().client().get(path);

        assertThat(response.status()).isEqualTo(200);
        JsonNode sheet = response.json();
        assertThat(sheet.get("vehicleName").asText()).isEqualTo(fixture.vehicleName());
        assertThat(sheet.get("depot").get("name").asText()).isEqualTo("Siège");
        assertThat(sheet.get("depot").get("street").asText()).isEqualTo("1 place Grenette");
        assertThat(sheet.get("shiftStart").asText()).isEqualTo("08:00:00");
        List<String> stops = StreamSupport.stream(sheet.get("stops").spliterator(), false)
                .map(stop -> stop.get("site").get("name").asText()).toList();
        assertThat(stops).containsExactly("Arrêt Alpha", "Arrêt Bravo", "Arrêt Charlie");
        assertThat(sheet.get("stops").get(0).get("id").asText()).isEqualTo(first.toString());
        assertThat(sheet.get("stops").get(0).get("contactPhone").asText()).isEqualTo("04 76 00 00 00");
        assertThat(sheet.get("devices").asInt()).isEqualTo(4);
        assertThat(sheet.get("workshops")).hasSize(1);
        assertThat(sheet.get("workshops").get(0).get("id").asText()).isEqualTo(fixture.workshopId().toString());

        assertThat(ApiClient.demo(port, "coordinator").get(path).status()).isEqualTo(200);
        assertThat(ApiClient.demo(port, "collector").get(path).status()).isEqualTo(404);
        assertThat(ApiClient.demo(port, "donor").get(path).status()).isEqualTo(403);
    }

    @Test
    void theRoutesListNamesTheVehicleDay() {
        JsonNode days = fixture.collector().client().get("/api/v1/collection/routes").json();

        assertThat(days).hasSize(1);
        assertThat(days.get(0).get("vehicleId").asText()).isEqualTo(fixture.vehicleId().toString());
        assertThat(days.get(0).get("day").asText()).isEqualTo(fixture.day().toString());
        assertThat(days.get(0).get("stops").asInt()).isEqualTo(3);
        assertThat(days.get(0).get("devices").asInt()).isEqualTo(4);
        assertThat(StreamSupport.stream(ApiClient.demo(port, "collector").get("/api/v1/collection/routes").json()
                .spliterator(), false).map(d -> d.get("vehicleId").asText())).doesNotContain(fixture.vehicleId().toString());
    }
}
