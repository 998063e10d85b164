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

/**
 * Pickups through the API: who sees and changes which, cancellation (its re-plan: CollectionPlanApiTest), announcing the
 * devices then confirming the collection (custody steps), and a collection refused when the donor announced nothing.
 */
@BoucleTest
class PickupApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PickupFixture fixture;
    PickupFixture.Donor donor;
    UUID pickup;

    @BeforeEach
    void plan() {
        LocalDate day = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        fixture = new PickupFixture(port, jdbc, day);
        donor = fixture.donor(3, "Mairie annexe, bâtiment B");
        pickup = fixture.pickup(donor, 1, LocalTime.of(9, 10));
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    private ApiClient donorClient() {
        return donor.seller().client();
    }

    private ApiClient collector() {
        return fixture.collector().client();
    }

    @Test
    void donorsCollectorsAndCoordinatorsSeeTheirPickupsOnly() {
        String range = "?from=" + fixture.day() + "&to=" + fixture.day();
        JsonNode own = donorClient().get("/api/v1/collection/pickups" + range).json();
        assertThat(ids(own)).containsExactly(pickup.toString());
        JsonNode mine = own.get(0);
        assertThat(mine.get("site").get("name").asText()).isEqualTo("Mairie annexe, bâtiment B");
        assertThat(mine.get("vehicleName").asText()).isEqualTo(fixture.vehicleName());
        assertThat(mine.get("arrival").asText()).isEqualTo(fixture.day() + "T09:10:00");
        assertThat(mine.get("lots").get(0).get("category").asText()).isEqualTo("LAPTOP");
        assertThat(mine.get("lots").get(0).get("devices").asInt()).isEqualTo(3);
        assertThat(mine.get("status").asText()).isEqualTo("SCHEDULED");

        assertThat(ids(collector().get("/api/v1/collection/pickups" + range).json())).containsExactly(pickup.toString());
        assertThat(ids(ApiClient.demo(port, "coordinator").get("/api/v1/collection/pickups" + range).json()))
                .contains(pickup.toString());
        assertThat(ids(ApiClient.demo(port, "donor").get("/api/v1/collection/pickups" + range).json()))
                .doesNotContain(pickup.toString());
        assertThat(ids(ApiClient.demo(port, "collector").get("/api/v1/collection/pickups" + range).json()))
                .doesNotContain(pickup.toString());

        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/collection/pickups").status()).isEqualTo(403);
        assertThat(ApiClient.demo(port, "donor").get("/api/v1/collection/pickups/" + pickup).status()).isEqualTo(403);
        ApiClient.Response unknown = donorClient().get("/api/v1/collection/pickups/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(donorClient().get("/api/v1/collection/pickups?from=2026-02-01&to=2026-01-01").status())
                .isEqualTo(400);
    }

    @Test
    void theDonorCancelsWithAReasonAndTheCancellationIsPublishedOnceCommitted() {
        String body = "{\"reason\": \"Site fermé pour travaux\"}";
        assertThat(ApiClient.demo(port, "donor").post("/api/v1/collection/pickups/" + pickup + "/cancel", body).status())
                .isEqualTo(403);
        assertThat(collector().post("/api/v1/collection/pickups/" + pickup + "/cancel", body).status()).isEqualTo(403);
        assertThat(donorClient().post("/api/v1/collection/pickups/" + UUID.randomUUID() + "/cancel", body).status())
                .isEqualTo(404);
        ApiClient.Response noReason = donorClient().post("/api/v1/collection/pickups/" + pickup + "/cancel",
                "{\"reason\": \"  \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(fixture.status(pickup)).isEqualTo("SCHEDULED");

        ApiClient.Response cancelled = donorClient().post("/api/v1/collection/pickups/" + pickup + "/cancel", body);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("statusNote").asText()).isEqualTo("Site fermé pour travaux");
        assertThat(cancelled.json().get("statusAt").isNull()).isFalse();
        assertThat(fixture.status(pickup)).isEqualTo("CANCELLED");

        ApiClient.Response again = donorClient().post("/api/v1/collection/pickups/" + pickup + "/cancel", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/pickup-not-scheduled");
    }

    @Test
    void aCoordinatorCancelsAnyPickup() {
        ApiClient.Response cancelled = ApiClient.demo(port, "coordinator")
                .post("/api/v1/collection/pickups/" + pickup + "/cancel", "{\"reason\": \"Véhicule en panne\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(fixture.status(pickup)).isEqualTo("CANCELLED");
    }

    @Test
    void announcedDevicesAreCollectedWithThePickup() {
        assertThat(collector().post("/api/v1/collection/pickups/" + pickup + "/announce", "").status()).isEqualTo(403);
        JsonNode announced = donorClient().post("/api/v1/collection/pickups/" + pickup + "/announce", "").json();
        assertThat(announced.get("announced").asInt()).isEqualTo(3);
        assertThat(announced.get("alreadyAnnounced").asInt()).isZero();
        JsonNode again = donorClient().post("/api/v1/collection/pickups/" + pickup + "/announce", "").json();
        assertThat(again.get("announced").asInt()).isZero();
        assertThat(again.get("alreadyAnnounced").asInt()).isEqualTo(3);

        assertThat(donorClient().post("/api/v1/collection/pickups/" + pickup + "/collected", "").status()).isEqualTo(403);
        assertThat(ApiClient.demo(port, "coordinator").post("/api/v1/collection/pickups/" + pickup + "/collected", "")
                .status()).isEqualTo(403);
        assertThat(ApiClient.demo(port, "collector").post("/api/v1/collection/pickups/" + pickup + "/collected", "")
                .status()).isEqualTo(403);

        ApiClient.Response collected = collector().post("/api/v1/collection/pickups/" + pickup + "/collected", "");

        assertThat(collected.status()).isEqualTo(200);
        assertThat(collected.json().get("status").asText()).isEqualTo("COLLECTED");
        assertThat(fixture.status(pickup)).isEqualTo("COLLECTED");
        for (UUID device : donor.donation().ids()) {
            JsonNode events = donorClient().get("/api/v1/devices/" + device + "/custody").json();
            JsonNode list = events.isArray() ? events : events.get("events");
            JsonNode last = list.get(list.size() - 1);
            assertThat(last.get("step").asText()).isEqualTo("COLLECTED");
            assertThat(last.get("organizationId").asText()).isEqualTo(fixture.collectorId().toString());
            assertThat(last.get("details").get("pickupId").asText()).isEqualTo(pickup.toString());
            assertThat(last.get("details").get("vehicleId").asText()).isEqualTo(fixture.vehicleId().toString());
            assertThat(list.get(list.size() - 2).get("step").asText()).isEqualTo("ANNOUNCED");
        }
        assertThat(collector().post("/api/v1/collection/pickups/" + pickup + "/collected", "").status()).isEqualTo(409);
        assertThat(donorClient().post("/api/v1/collection/pickups/" + pickup + "/cancel", "{\"reason\": \"trop tard\"}")
                .status()).isEqualTo(409);
    }

    @Test
    void aCollectionOfDevicesNotAnnouncedIsRefusedAndChangesNothing() {
        ApiClient.Response refused = collector().post("/api/v1/collection/pickups/" + pickup + "/collected", "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("refused")).hasSize(3);
        assertThat(refused.json().get("refused").get(0).get("code").asText()).isEqualTo("not-announced");
        assertThat(fixture.status(pickup)).isEqualTo("SCHEDULED");
        assertThat(fixture.custodyEvents(donor.donation().ids())).isZero();
    }

    @Test
    void aPartlyAnnouncedLotIsRefusedWhole() {
        // One device announced by hand: the two others still refuse, and the announced one is not collected either.
        org.boucle.marketplace.traceability.CustodyChain.recorded(donorClient(), "ANNOUNCED",
                List.of(donor.donation().serial(0)), null);

        assertThat(collector().post("/api/v1/collection/pickups/" + pickup + "/collected", "").status()).isEqualTo(422);
        assertThat(fixture.custodyEvents(donor.donation().ids())).isEqualTo(1);
        assertThat(fixture.status(pickup)).isEqualTo("SCHEDULED");
    }

    private static List<String> ids(JsonNode list) {
        assertThat(list.isArray()).as(list.toString()).isTrue();
        return StreamSupport.stream(list.spliterator(), false).map(p -> p.get("id").asText()).toList();
    }
}
