package org.boucle.marketplace.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Holds on stock through the API: never more than there is, idempotent, released and expired back to stock. */
@BoucleTest
class ReservationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reservations reservations;

    private TestSeller workshop;
    private String listing;

    @BeforeEach
    void aListingOfTenUnits() {
        workshop = TestSeller.onboard(port, "WORKSHOP");
        listing = workshop.create(workshop.laptop().put("quantityAvailable", 10)).get("id").asText();
    }

    @Test
    void twoHundredConcurrentReservationsOfTenUnitsHoldExactlyTen() throws Exception {
        int attempts = 200;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();
        // Bearer tokens: HTTP Basic would serialise the requests behind 200 bcrypt checks.
        String token = ApiClient.demo(port, "buyer").post("/api/v1/me/tokens", "{\"name\": \"rush\"}").json().get("token").asText();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(50);
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            responses.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reservations"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"listingId\": \"" + listing + "\", \"quantity\": 1}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, senders));
        }
        start.countDown();
        Map<Integer, Long> statuses = responses.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        senders.shutdown();

        assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, 10L).containsEntry(409, 190L);
        assertThat(available()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(quantity), 0) from reservation where listing_id = ? and status = 'HELD'")
                .param(UUID.fromString(listing)).query(Long.class).single()).isEqualTo(10);
        ApiClient.Response refused = buyer().post("/api/v1/reservations", body(1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/insufficient-quantity");
        assertThat(refused.json().get("available").asInt()).isZero();
    }

    @Test
    void theSameIdempotencyKeyNeverHoldsTwice() {
        ApiClient buyer = buyer();
        ApiClient.Response first = buyer.postWithHeader("/api/v1/reservations", body(3), "Idempotency-Key", "order-42-" + listing);
        ApiClient.Response again = buyer.postWithHeader("/api/v1/reservations", body(3), "Idempotency-Key", "order-42-" + listing);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(first.json().get("status").asText()).isEqualTo("HELD");
        assertThat(first.json().get("expiresAt").asText()).isNotBlank();
        assertThat(available()).isEqualTo(7);
        ApiClient.Response reused = buyer.postWithHeader("/api/v1/reservations", body(2), "Idempotency-Key", "order-42-" + listing);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(available()).isEqualTo(7);
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneHold() {
        String key = "retry-storm-" + listing;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<ApiClient.Response>> retries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            retries.add(CompletableFuture.supplyAsync(
                    () -> buyer().postWithHeader("/api/v1/reservations", body(2), "Idempotency-Key", key), pool));
        }
        List<ApiClient.Response> answers = retries.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(answers).extracting(ApiClient.Response::status).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(answers.stream().map(a -> a.json().get("id").asText()).distinct()).hasSize(1);
        assertThat(available()).isEqualTo(8);
    }

    @Test
    void releasingGivesTheUnitsBackOnceAndOnlyTheHolderSeesIt() {
        String id = buyer().post("/api/v1/reservations", body(4)).json().get("id").asText();
        assertThat(available()).isEqualTo(6);
        assertThat(ApiClient.demo(port, "association").get("/api/v1/reservations/" + id).status()).isEqualTo(404);
        assertThat(ApiClient.demo(port, "association").delete("/api/v1/reservations/" + id).status()).isEqualTo(404);
        assertThat(ApiClient.demo(port, "coordinator").get("/api/v1/reservations/" + id).status()).isEqualTo(200);

        assertThat(buyer().delete("/api/v1/reservations/" + id).status()).isEqualTo(204);
        assertThat(buyer().delete("/api/v1/reservations/" + id).status()).isEqualTo(204);
        assertThat(available()).isEqualTo(10);
        assertThat(buyer().get("/api/v1/reservations/" + id).json().get("status").asText()).isEqualTo("RELEASED");
    }

    @Test
    void expiredHoldsReturnToStock() {
        String expiring = buyer().post("/api/v1/reservations", body(2)).json().get("id").asText();
        String running = buyer().post("/api/v1/reservations", body(3)).json().get("id").asText();
        assertThat(available()).isEqualTo(5);
        jdbc.sql("update reservation set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), UUID.fromString(expiring)).update();

        reservations.expire();

        assertThat(available()).isEqualTo(7);
        assertThat(buyer().get("/api/v1/reservations/" + expiring).json().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(buyer().get("/api/v1/reservations/" + running).json().get("status").asText()).isEqualTo("HELD");
        reservations.expire();
        assertThat(available()).isEqualTo(7);
    }

    @Test
    void whoMayReserveWhat() {
        assertThat(buyer().post("/api/v1/reservations", body(0)).status()).isEqualTo(400);
        assertThat(buyer().post("/api/v1/reservations", "{\"listingId\": \"" + UUID.randomUUID() + "\", \"quantity\": 1}")
                .status()).isEqualTo(404);
        assertThat(workshop.client().post("/api/v1/reservations", body(1)).status()).isEqualTo(403);
        String gift = workshop.create(workshop.laptop().putNull("unitPrice")).get("id").asText();
        String giftBody = "{\"listingId\": \"" + gift + "\", \"quantity\": 1}";
        assertThat(buyer().post("/api/v1/reservations", giftBody).status()).isEqualTo(403);
        assertThat(ApiClient.demo(port, "association").post("/api/v1/reservations", giftBody).status()).isEqualTo(201);
        assertThat(workshop.client().post("/api/v1/listings/" + listing + "/pause", "{}").status()).isEqualTo(200);
        assertThat(buyer().post("/api/v1/reservations", body(1)).status()).isEqualTo(404);
    }

    private ApiClient buyer() {
        return ApiClient.demo(port, "buyer");
    }

    private String body(int quantity) {
        return "{\"listingId\": \"" + listing + "\", \"quantity\": " + quantity + "}";
    }

    private int available() {
        return jdbc.sql("select quantity_available from listing where id = ?").param(UUID.fromString(listing))
                .query(Integer.class).single();
    }
}
