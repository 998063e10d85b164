package org.boucle.marketplace.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs through the API on a territory whose optimum is known by hand: a workshop's three laptops at 300 € and a donor's
 * two donated laptops, for an association that needs two and can pay nothing, and a buyer that needs three within
 * 350 €. Donations go only to associations, so the best plan gives the donation to the association and sells the
 * workshop's laptops to the buyer, serving everyone; the fund (at least 1,000 €) covers the donation's fees.
 */
@BoucleTest
class AllocationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private AllocationTerritory territory;
    private ApiClient coordinator;
    private String stock;
    private String donation;
    private TestSeller donor;
    private UUID association;
    private UUID buyer;

    @BeforeEach
    void aSmallTerritory() {
        territory = new AllocationTerritory(port, jdbc);
        territory.clear();
        coordinator = ApiClient.demo(port, "coordinator");
        TestSeller workshop = TestSeller.onboard(port, "WORKSHOP");
        stock = territory.laptops(workshop, 3, "A", new BigDecimal("300.00"));
        donor = TestSeller.onboard(port, "WORKSHOP");
        donation = territory.laptops(donor, 2, "B", null);
        association = territory.need("association", 2, "C", BigDecimal.ZERO, 3);
        buyer = territory.need("buyer", 3, "B", new BigDecimal("350.00"), null);
    }

    @AfterEach
    void restore() {
        territory.restore();
    }

    @Test
    void aRunFindsTheOptimumKnownByHandAndAcceptingItHoldsTheUnitsForTheirRecipients() {
        ApiClient.Response started = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 3}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().get("runId").asText();

        JsonNode run = awaitEnd(runId);
        assertThat(run.get("status").asText()).isEqualTo("SOLVED");
        assertThat(run.get("feasible").asBoolean()).isTrue();
        assertThat(run.get("score").asText()).startsWith("0hard/");
        assertThat(assignments(run)).containsExactlyInAnyOrder(donation + " -> " + association + " x2",
                stock + " -> " + buyer + " x3");
        JsonNode metrics = run.get("metrics");
        assertThat(metrics.get("unitsToAssociations").asInt()).isEqualTo(2);
        assertThat(metrics.get("unitsSold").asInt()).isEqualTo(3);
        assertThat(metrics.get("revenue").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(metrics.get("subsidies").decimalValue()).isPositive();
        assertThat(metrics.get("co2eAvoidedKg").asDouble()).isPositive();
        assertThat(run.get("explanations")).extracting(e -> e.get("demandId").asText() + " " + e.get("allocated").asInt()
                + " " + e.get("reason").asText())
                .containsExactlyInAnyOrder(association + " 2 NONE", buyer + " 3 NONE");
        assertThat(run.get("progress").size()).isPositive();

        ApiClient.Response accepted = coordinator.post("/api/v1/allocation/runs/" + runId + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("unitsHeld").asInt()).isEqualTo(5);
        assertThat(accepted.json().get("conflicts").asInt()).isZero();
        assertThat(accepted.json().get("run").get("status").asText()).isEqualTo("ACCEPTED");

        // Held through the reservation component: the stock is gone from the listings, the holds are the recipients'.
        assertThat(quantityAvailable(stock)).isZero();
        assertThat(quantityAvailable(donation)).isZero();
        JsonNode held = ApiClient.demo(port, "association").get("/api/v1/reservations").json();
        JsonNode hold = find(held, "listingId", donation);
        assertThat(hold.get("quantity").asInt()).isEqualTo(2);
        assertThat(hold.get("status").asText()).isEqualTo("HELD");
        assertThat(Instant.parse(hold.get("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThat(find(ApiClient.demo(port, "buyer").get("/api/v1/reservations").json(), "listingId", stock)
                .get("quantity").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select status from demand where id in (?, ?)").params(association, buyer)
                .query(String.class).list()).containsOnly("FULFILLED");
        assertThat(ApiClient.demo(port, "association").get("/api/v1/notifications").json().get(0).get("body").asText())
                .contains("2 × ").contains("réservations");

        ApiClient.Response again = coordinator.post("/api/v1/allocation/runs/" + runId + "/accept", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("not-solved");
    }

    @Test
    void unitsSoldSinceTheRunAreReportedOnAcceptanceAndTheOtherAssignmentsGoAhead() {
        String runId = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 2}").json().get("runId").asText();
        assertThat(awaitEnd(runId).get("status").asText()).isEqualTo("SOLVED");
        ApiClient.Response sold = ApiClient.demo(port, "publicbuyer").post("/api/v1/reservations", """
                {"listingId": "%s", "quantity": 2}""".formatted(stock));
        assertThat(sold.status()).as(sold.body()).isEqualTo(201);

        ApiClient.Response acceptance = coordinator.post("/api/v1/allocation/runs/" + runId + "/accept", "");
        assertThat(acceptance.status()).as(acceptance.body()).isEqualTo(200);
        JsonNode accepted = acceptance.json();
        assertThat(accepted.get("unitsHeld").asInt()).isEqualTo(2);
        assertThat(accepted.get("conflicts").asInt()).isEqualTo(1);
        JsonNode conflict = find(accepted.get("run").get("assignments"), "supplyId", stock);
        assertThat(conflict.get("conflict").asText()).contains("1 unit");
        assertThat(conflict.has("reservationId")).isFalse();
        // Nothing was counted for the buyer, whose need stays open for the next run; the public buyer keeps its 2.
        assertThat(jdbc.sql("select status || ' ' || quantity_allocated from demand where id = ?").param(buyer)
                .query(String.class).single()).isEqualTo("OPEN 0");
        assertThat(quantityAvailable(stock)).isEqualTo(1);
    }

    @Test
    void anAssociationChecksOutPricedUnitsAtWhatThePlanAgreedAndTheFundCoversTheChainsCosts() {
        // Only the workshop's 300 € laptops are left for the association, which can pay nothing.
        assertThat(ApiClient.demo(port, "buyer").post("/api/v1/demands/" + buyer + "/withdraw", "").status()).isEqualTo(200);
        assertThat(donor.client().post("/api/v1/listings/" + donation + "/pause", "").status()).isEqualTo(200);
        String runId = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 2}").json().get("runId").asText();
        JsonNode run = awaitEnd(runId);
        assertThat(assignments(run)).containsExactly(stock + " -> " + association + " x2");
        JsonNode assignment = run.get("assignments").get(0);
        assertThat(assignment.get("unitPrice").decimalValue()).isEqualByComparingTo("0");
        // The seeded REFURBISHED rules: the workshop's 25 € and the collector's 0.40 €/kg × 2.2 kg, per unit.
        assertThat(assignment.get("unitSubsidy").decimalValue()).isEqualByComparingTo("25.88");
        assertThat(coordinator.post("/api/v1/allocation/runs/" + runId + "/accept", "").status()).isEqualTo(200);

        ApiClient association = ApiClient.demo(port, "association");
        JsonNode hold = find(association.get("/api/v1/reservations").json(), "listingId", stock);
        assertThat(hold.get("agreedUnitPrice").decimalValue()).isEqualByComparingTo("0");
        ApiClient.Response order = association.post("/api/v1/reservations/" + hold.get("id").asText() + "/checkout",
                "{\"paymentMethod\": \"donation\"}");
        assertThat(order.status()).as(order.body()).isIn(200, 201);
        assertThat(order.json().get("totalExclVat").decimalValue()).isEqualByComparingTo("0");
        assertThat(order.json().get("status").asText()).isEqualTo("DONATED");
        JsonNode settlement = association.get("/api/v1/orders/" + order.json().get("id").asText() + "/settlement").json();
        long fromTheFund = 0;
        for (JsonNode line : settlement) {
            assertThat(line.get("source").asText()).isEqualTo("SOLIDARITY_FUND");
            assertThat(line.get("status").asText()).isEqualTo("CREDITED");
            fromTheFund += line.get("amountCents").asLong();
        }
        assertThat(fromTheFund).isEqualTo(2 * 2_588);
    }

    @Test
    void unitsTheRecipientLetsGoGoBackToItsNeedForTheNextRun() {
        String runId = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 2}").json().get("runId").asText();
        assertThat(awaitEnd(runId).get("status").asText()).isEqualTo("SOLVED");
        assertThat(coordinator.post("/api/v1/allocation/runs/" + runId + "/accept", "").status()).isEqualTo(200);
        assertThat(needState(association)).isEqualTo("FULFILLED 2");

        ApiClient recipient = ApiClient.demo(port, "association");
        String hold = find(recipient.get("/api/v1/reservations").json(), "listingId", donation).get("id").asText();
        assertThat(recipient.delete("/api/v1/reservations/" + hold).status()).isEqualTo(204);

        assertThat(needState(association)).isEqualTo("OPEN 0");
        assertThat(needState(buyer)).isEqualTo("FULFILLED 3");
        assertThat(quantityAvailable(donation)).isEqualTo(2);
        // The next run serves it again.
        String next = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 2}").json().get("runId").asText();
        assertThat(assignments(awaitEnd(next))).containsExactly(donation + " -> " + association + " x2");
    }

    private String needState(UUID need) {
        return jdbc.sql("select status || ' ' || quantity_allocated from demand where id = ?").param(need)
                .query(String.class).single();
    }

    @Test
    void oneRunAtATimePerTerritoryAndStoppingKeepsTheBestPlanFoundSoFar() {
        String runId = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 600}").json().get("runId").asText();
        ApiClient.Response second = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 5}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asText()).endsWith("run-under-way");
        assertThat(second.json().get("runId").asText()).isEqualTo(runId);

        assertThat(coordinator.post("/api/v1/allocation/runs/" + runId + "/stop", "").status()).isEqualTo(202);
        long stoppedAt = System.nanoTime();
        JsonNode run = awaitEnd(runId);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.get("status").asText()).isEqualTo("SOLVED");
        assertThat(assignments(run)).hasSize(2);
    }

    @Test
    void aRunWhoseInstanceStoppedAnsweringIsMarkedFailedAndAnotherInstancesLiveRunBlocksANewOne() {
        UUID crashed = foreignRun(Instant.now().minus(Duration.ofMinutes(5)));
        ApiClient.Response started = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 1}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode failed = coordinator.get("/api/v1/allocation/runs/" + crashed).json();
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failure").asText()).contains("stopped answering");
        awaitEnd(started.json().get("runId").asText());

        UUID alive = foreignRun(Instant.now());
        ApiClient.Response refused = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 1}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("runId").asText()).isEqualTo(alive.toString());
        jdbc.sql("update allocation_run set status = 'FAILED' where id = ?").param(alive).update();
    }

    @Test
    void badRequestsGetAProblemAndOnlyCoordinatorsRunTheAllocation() {
        ApiClient.Response tooLong = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 100000}");
        assertThat(tooLong.status()).isBetween(400, 422);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.body()).contains("timeLimitSeconds");
        assertThat(ApiClient.demo(port, "association").post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 1}")
                .status()).isEqualTo(403);
        assertThat(coordinator.get("/api/v1/allocation/runs/" + UUID.randomUUID()).status()).isEqualTo(404);

        territory.clear();
        ApiClient.Response nothing = coordinator.post("/api/v1/allocation/runs", "{\"timeLimitSeconds\": 1}");
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.json().get("type").asText()).endsWith("nothing-to-allocate");
    }

    /** A run another instance started, with its last heartbeat at {@code heartbeat}. */
    private UUID foreignRun(Instant heartbeat) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into allocation_run (id, territory, status, time_limit_seconds, started_by_name, started_at,
                                            heartbeat_at, instance_id, inputs, fund_balance_cents)
                values (?, 'grenoble-alpes-metropole', 'RUNNING', 60, 'Autre instance', ?, ?, 'elsewhere/1',
                        '{"supply": [], "demands": []}', 0)""")
                .params(id, Timestamp.from(heartbeat), Timestamp.from(heartbeat)).update();
        return id;
    }

    private JsonNode awaitEnd(String runId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode run = coordinator.get("/api/v1/allocation/runs/" + runId).json();
            if (!run.get("status").asText().equals("RUNNING")) {
                return run;
            }
            assertThat(System.nanoTime()).as("run %s still running", runId).isLessThan(deadline);
            sleep();
        }
    }

    private static List<String> assignments(JsonNode run) {
        List<String> lines = new ArrayList<>();
        run.get("assignments").forEach(a -> lines.add(a.get("supplyId").asText() + " -> " + a.get("demandId").asText()
                + " x" + a.get("quantity").asInt()));
        return lines;
    }

    private int quantityAvailable(String listing) {
        return jdbc.sql("select quantity_available from listing where id = ?").param(UUID.fromString(listing))
                .query(Integer.class).single();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no entry with " + field + " " + value + " in " + array);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
