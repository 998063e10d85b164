package org.boucle.marketplace.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plans of the demo territory's next working week through the API: solved in the background, accepted into pickups
 * given to donors, and re-planned around a broken-down truck, keeping the other pickups where they were.
 */
@BoucleTest
class CollectionPlanApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient coordinator;
    private LocalDate monday;
    private LocalDate friday;

    @BeforeEach
    void nextWeek() {
        clear();
        coordinator = ApiClient.demo(port, "coordinator");
        monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        friday = monday.plusDays(4);
    }

    @AfterEach
    void clear() {
        new CollectionPlansData(jdbc).clear();
    }

    @Test
    void aWeekIsPlannedWithNamedRoutesAndEveryLotAccountedFor() {
        UUID id = start(coordinator, monday, friday, 4);

        JsonNode plan = solved(id);

        assertThat(plan.path("feasible").asBoolean()).isTrue();
        assertThat(plan.path("score").path("hard").asLong()).isZero();
        assertThat(plan.path("from").asText()).isEqualTo(monday.toString());
        assertThat(plan.path("progress")).isNotEmpty();
        JsonNode routes = plan.path("routes");
        assertThat(routes).isNotEmpty();
        Set<String> lots = new HashSet<>();
        for (JsonNode route : routes) {
            LocalDate day = LocalDate.parse(route.path("day").asText());
            assertThat(day).isBetween(monday, friday);
            assertThat(route.path("vehicle").asText()).isNotBlank();
            assertThat(route.path("workshop").asText()).isNotBlank();
            assertThat(route.path("distanceKm").asDouble()).isPositive();
            assertThat(route.path("loadKg").asDouble()).isPositive();
            assertThat(route.path("loadM3").asDouble()).isPositive();
            LocalDateTime previous = null;
            String previousSite = null;
            for (JsonNode stop : route.path("stops")) {
                assertThat(stop.path("siteId").asText()).as("one visit per site in a row").isNotEqualTo(previousSite);
                previousSite = stop.path("siteId").asText();
                assertThat(stop.path("site").asText()).isNotBlank();
                assertThat(stop.path("donor").asText()).isNotBlank();
                LocalDateTime arrival = LocalDateTime.parse(stop.path("arrival").asText());
                LocalDateTime departure = LocalDateTime.parse(stop.path("departure").asText());
                assertThat(arrival.toLocalDate()).isEqualTo(day);
                assertThat(departure).isAfter(arrival);
                if (previous != null) {
                    assertThat(arrival).isAfterOrEqualTo(previous);
                }
                previous = departure;
                stop.path("lotIds").forEach(lot -> assertThat(lots.add(lot.asText())).as("lot planned twice").isTrue());
            }
        }
        plan.path("unserved").forEach(left -> {
            assertThat(left.path("reason").asText()).isNotBlank();
            assertThat(lots.add(left.path("lotId").asText())).as("lot both planned and left").isTrue();
        });
        int inputs = jdbc.sql("select jsonb_array_length(inputs -> 'lots') from collection_plan where id = ?").param(id)
                .query(Integer.class).single();
        assertThat(lots).hasSize(inputs);
        assertThat(coordinator.get("/api/v1/collection/plans").json().get(0).path("id").asText())
                .isEqualTo(id.toString());
    }

    @Test
    void acceptingGivesEachStopToItsDonorOnceAndTellsThem() {
        UUID id = start(coordinator, monday, friday, 3);
        JsonNode plan = solved(id);
        int stops = 0;
        for (JsonNode route : plan.path("routes")) {
            stops += route.path("stops").size();
        }

        ApiClient.Response accepted = coordinator.post("/api/v1/collection/plans/" + id + "/accept", "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("pickupsGiven").asInt()).isEqualTo(stops);
        assertThat(accepted.json().path("plan").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from collection_pickup where plan_id = ? and status = 'SCHEDULED'")
                .param(id).query(Integer.class).single()).isEqualTo(stops);
        int donors = jdbc.sql("select count(distinct donor_id) from collection_pickup where plan_id = ?").param(id)
                .query(Integer.class).single();
        assertThat(jdbc.sql("select count(distinct organization_id) from notification where link = '/collection/pickups'")
                .query(Integer.class).single()).isEqualTo(donors);
        ApiClient.Response again = coordinator.post("/api/v1/collection/plans/" + id + "/accept", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asText()).endsWith("not-solved");

        // The next plan of the same week keeps every lot with its vehicle, day and site: nothing else has changed.
        // Each visit keeps its pickup, even where the search groups a site's lots into stops differently.
        List<String> lots = scheduledLots();
        int visits = jdbc.sql("""
                select count(*) from (select distinct vehicle_id, day, site_id from collection_pickup
                                       where plan_id = ? and status = 'SCHEDULED') v""")
                .param(id).query(Integer.class).single();
        UUID next = start(coordinator, monday, friday, 3);
        JsonNode replanned = solved(next);
        assertThat(replanned.path("score").path("acceptedMoved").asLong()).isZero();
        int nextStops = 0;
        for (JsonNode route : replanned.path("routes")) {
            nextStops += route.path("stops").size();
        }
        JsonNode second = coordinator.post("/api/v1/collection/plans/" + next + "/accept", "").json();
        assertThat(scheduledLots()).isEqualTo(lots);
        assertThat(second.path("pickupsKept").asInt()).isGreaterThanOrEqualTo(visits);
        assertThat(second.path("pickupsKept").asInt() + second.path("pickupsMoved").asInt()).isEqualTo(stops);
        assertThat(second.path("pickupsKept").asInt() + second.path("pickupsGiven").asInt()).isEqualTo(nextStops);
        assertThat(coordinator.get("/api/v1/collection/plans/" + id).json().path("status").asText())
                .isEqualTo("SUPERSEDED");
    }

    /** Each scheduled lot of the week with its vehicle, day and site, in order. */
    private List<String> scheduledLots() {
        return jdbc.sql("""
                select vehicle_id || '/' || day || '/' || site_id || '/' || lot
                  from collection_pickup, unnest(lot_ids) lot
                 where status = 'SCHEDULED' and day between ? and ? order by 1""")
                .params(monday, friday).query(String.class).list();
    }

    @Test
    void aBrokenDownTruckIsReplannedAroundAndItsPickupsMoved() {
        UUID id = start(coordinator, monday, friday, 4);
        solved(id);
        coordinator.post("/api/v1/collection/plans/" + id + "/accept", "");
        record Busy(UUID vehicle, LocalDate day) {
        }
        Busy busy = jdbc.sql("""
                select vehicle_id, day from collection_pickup where plan_id = ?
                 group by vehicle_id, day order by count(*) desc, day limit 1""")
                .param(id).query((rs, n) -> new Busy(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
                .single();
        int elsewhere = jdbc.sql("select count(*) from collection_pickup where plan_id = ? and vehicle_id <> ?")
                .params(id, busy.vehicle()).query(Integer.class).single();

        ApiClient.Response broken = coordinator.post("/api/v1/collection/vehicles/" + busy.vehicle() + "/unavailability",
                "{\"from\":\"" + busy.day() + "\",\"to\":\"" + busy.day() + "\",\"reason\":\"Embrayage\"}");

        assertThat(broken.status()).isEqualTo(201);
        assertThat(broken.json().path("pickupsAffected").asInt()).isPositive();
        assertThat(broken.json().path("replans")).hasSize(1);
        UUID replan = UUID.fromString(broken.json().path("replans").get(0).asText());
        JsonNode plan = solved(replan);
        assertThat(plan.path("replans").asText()).isEqualTo(id.toString());
        assertThat(plan.path("reason").asText()).contains("Embrayage");
        for (JsonNode route : plan.path("routes")) {
            assertThat(route.path("vehicleId").asText() + "/" + route.path("day").asText())
                    .isNotEqualTo(busy.vehicle() + "/" + busy.day());
        }

        ApiClient.Response accepted = coordinator.post("/api/v1/collection/plans/" + replan + "/accept", "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("pickupsMoved").asInt()).isGreaterThanOrEqualTo(
                broken.json().path("pickupsAffected").asInt());
        // Pickups of the other vehicles mostly stay where their donors were told.
        assertThat(accepted.json().path("pickupsKept").asInt()).isGreaterThan(elsewhere / 2);
        assertThat(jdbc.sql("""
                select count(*) from collection_pickup where vehicle_id = ? and day = ? and status = 'SCHEDULED'""")
                .params(busy.vehicle(), busy.day()).query(Integer.class).single()).isZero();
        assertThat(coordinator.get("/api/v1/collection/plans/" + id).json().path("status").asText())
                .isEqualTo("SUPERSEDED");
        // The superseded plan cannot be re-planned a second time onto the new pickups.
        ApiClient.Response stale = coordinator.post("/api/v1/collection/plans/" + replan + "/accept", "");
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void aDonorsCancellationIsReplannedAroundWithoutItsLots() {
        UUID id = start(coordinator, monday, friday, 3);
        solved(id);
        coordinator.post("/api/v1/collection/plans/" + id + "/accept", "");
        ApiClient donor = ApiClient.demo(port, "donor");
        JsonNode pickup = donor.get("/api/v1/collection/pickups?from=" + monday + "&to=" + friday).json().get(0);
        assertThat(pickup).as("the demo donor has a pickup next week").isNotNull();
        UUID pickupId = UUID.fromString(pickup.path("id").asText());
        Set<String> cancelledLots = new HashSet<>();
        jdbc.sql("select unnest(lot_ids) from collection_pickup where id = ?").param(pickupId).query(String.class).list()
                .forEach(cancelledLots::add);
        int others = jdbc.sql("select count(*) from collection_pickup where plan_id = ? and id <> ?")
                .params(id, pickupId).query(Integer.class).single();

        ApiClient.Response cancelled = donor.post("/api/v1/collection/pickups/" + pickupId + "/cancel",
                "{\"reason\":\"Salle fermée pour travaux\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        UUID replan = jdbc.sql("select id from collection_plan where replans = ?").param(id).query(UUID.class)
                .optional().orElseThrow(() -> new AssertionError("no re-plan started"));
        JsonNode plan = solved(replan);
        assertThat(plan.path("reason").asText()).contains("Salle fermée pour travaux");
        plan.path("routes").forEach(route -> route.path("stops").forEach(stop -> stop.path("lotIds")
                .forEach(lot -> assertThat(cancelledLots).doesNotContain(lot.asText()))));
        JsonNode accepted = coordinator.post("/api/v1/collection/plans/" + replan + "/accept", "").json();
        assertThat(accepted.path("pickupsKept").asInt()).isGreaterThan(others / 2);
        assertThat(jdbc.sql("select status from collection_pickup where id = ?").param(pickupId).query(String.class)
                .single()).isEqualTo("CANCELLED");
    }

    @Test
    void aCollectorPlansItsOwnFleetOnly() {
        ApiClient collector = ApiClient.demo(port, "collector");
        UUID organization = UUID.fromString(collector.get("/api/v1/me").json().path("organization").path("id").asText());
        List<String> own = jdbc.sql("select id::text from collection_vehicle where organization_id = ? and active")
                .param(organization).query(String.class).list();
        assertThat(own).isNotEmpty();

        UUID id = start(collector, monday, friday, 3);

        JsonNode plan = solved(id);
        assertThat(plan.path("fleetOf").asText()).isEqualTo(organization.toString());
        assertThat(plan.path("routes")).isNotEmpty();
        plan.path("routes").forEach(route -> assertThat(own).contains(route.path("vehicleId").asText()));
    }

    @Test
    void oneSolvesAtATimeAndAStopKeepsTheBestRoutesSoFar() {
        UUID id = start(coordinator, monday, friday, 120);

        ApiClient.Response second = coordinator.post("/api/v1/collection/plans",
                "{\"from\":\"" + monday + "\",\"to\":\"" + friday + "\",\"timeLimitSeconds\":5}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("planId").asText()).isEqualTo(id.toString());

        coordinator.post("/api/v1/collection/plans/" + id + "/stop", "");
        JsonNode plan = solved(id);
        assertThat(plan.path("routes")).isNotEmpty();
    }

    @Test
    void badRequestsAreRefusedWithTheirField() {
        ApiClient.Response backwards = coordinator.post("/api/v1/collection/plans",
                "{\"from\":\"" + friday + "\",\"to\":\"" + monday + "\",\"timeLimitSeconds\":5}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"to\"");
        ApiClient.Response past = coordinator.post("/api/v1/collection/plans",
                "{\"from\":\"2020-01-06\",\"to\":\"2020-01-10\",\"timeLimitSeconds\":5}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("\"from\"");
        ApiClient.Response tooLong = coordinator.post("/api/v1/collection/plans",
                "{\"from\":\"" + monday + "\",\"to\":\"" + monday.plusDays(20) + "\",\"timeLimitSeconds\":5}");
        assertThat(tooLong.status()).isEqualTo(400);
        ApiClient.Response noLimit = coordinator.post("/api/v1/collection/plans",
                "{\"from\":\"" + monday + "\",\"to\":\"" + friday + "\"}");
        assertThat(noLimit.status()).isEqualTo(400);
        assertThat(noLimit.body()).contains("timeLimitSeconds");

        assertThat(ApiClient.demo(port, "buyer").post("/api/v1/collection/plans",
                "{\"from\":\"" + monday + "\",\"to\":\"" + friday + "\",\"timeLimitSeconds\":5}").status())
                .isEqualTo(403);
        assertThat(ApiClient.demo(port, "donor").get("/api/v1/collection/plans").status()).isEqualTo(403);
        assertThat(coordinator.get("/api/v1/collection/plans/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from collection_plan").query(Integer.class).single()).isZero();
    }

    private UUID start(ApiClient client, LocalDate from, LocalDate to, int seconds) {
        ApiClient.Response started = client.post("/api/v1/collection/plans",
                "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"timeLimitSeconds\":" + seconds + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return UUID.fromString(started.json().path("planId").asText());
    }

    private JsonNode solved(UUID id) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode plan = coordinator.get("/api/v1/collection/plans/" + id).json();
            String status = plan.path("status").asText();
            if (!"RUNNING".equals(status)) {
                assertThat(status).as(plan.path("failure").asText()).isEqualTo("SOLVED");
                return plan;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("plan " + id + " still running");
    }
}
