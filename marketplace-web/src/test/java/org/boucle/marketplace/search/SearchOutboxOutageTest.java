package org.boucle.marketplace.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Elasticsearch goes away while listings change: the changes commit in PostgreSQL, wait in the outbox, are
 * retried, and all reach the index once Elasticsearch is back. This app instance reaches the real node only
 * through a relay that the test cuts and restores.
 */
@BoucleTest
class SearchOutboxOutageTest {

    private static final TcpProxy ELASTICSEARCH = startProxy();

    @DynamicPropertySource
    static void throughTheRelay(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + ELASTICSEARCH.port());
        registry.add("spring.elasticsearch.connection-timeout", () -> "500ms");
        registry.add("spring.elasticsearch.socket-timeout", () -> "2s");
        registry.add("boucle.search.outbox.max-backoff", () -> "2s");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void closeRelay() throws IOException {
        ELASTICSEARCH.close();
    }

    @Test
    void everyChangeMadeWhileElasticsearchIsDownArrivesOnceItIsBack() throws IOException {
        TestSeller seller = TestSeller.onboard(port, "WORKSHOP");
        String scope = "&seller=" + seller.id();
        String kept = seller.create(seller.laptop().put("model", "ThinkPad T480").put("quantityAvailable", 4))
                .get("id").asText();
        String paused = seller.create(seller.laptop().put("model", "ThinkPad X280").put("title", "Lenovo ThinkPad X280"))
                .get("id").asText();
        await("both listings searchable", () -> total("q=thinkpad" + scope) == 2);

        ELASTICSEARCH.cut();
        try {
            String created = seller.create(seller.laptop().put("model", "Latitude 5490").put("manufacturer", "Dell")
                    .put("title", "Dell Latitude 5490 reconditionné")).get("id").asText();
            JsonNode current = seller.client().get("/api/v1/listings/" + kept).json();
            ApiClient.Response repriced = seller.client().put("/api/v1/listings/" + kept,
                    ((com.fasterxml.jackson.databind.node.ObjectNode) seller.laptop()).put("model", "ThinkPad T480")
                            .put("quantityAvailable", 4).put("unitPrice", 199).put("version", current.get("version").asLong())
                            .toString());
            assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
            assertThat(seller.client().post("/api/v1/listings/" + paused + "/pause", "{}").status()).isEqualTo(200);

            // Committed in PostgreSQL, and waiting.
            assertThat(seller.client().get("/api/v1/listings/" + created).status()).isEqualTo(200);
            assertThat(pending(created, kept, paused)).isEqualTo(3);
            ApiClient.Response search = buyer().get("/api/v1/search?q=thinkpad" + scope);
            assertThat(search.status()).isEqualTo(503);
            assertThat(search.contentType()).startsWith("application/problem+json");
            await("the indexer retried and recorded why it failed", () -> jdbc.sql("""
                    select count(*) from search_outbox where listing_id = ? and attempts >= 2 and last_error is not null""")
                    .param(UUID.fromString(created)).query(Long.class).single() == 1);

            ELASTICSEARCH.restore();
            await("every change indexed", () -> pending(created, kept, paused) == 0);
            await("the new listing is found", () -> total("q=latitude" + scope) == 1);
            await("the paused listing is gone", () -> total("q=x280" + scope) == 0);
            JsonNode repricedHit = buyer().get("/api/v1/search?q=t480" + scope).json().get("items").get(0);
            assertThat(repricedHit.get("unitPrice").decimalValue()).isEqualByComparingTo("199");
        } finally {
            ELASTICSEARCH.restore();
        }
    }

    private long pending(String... listings) {
        long count = 0;
        for (String listing : listings) {
            count += jdbc.sql("select count(*) from search_outbox where listing_id = ? and processed_at is null")
                    .param(UUID.fromString(listing)).query(Long.class).single();
        }
        return count;
    }

    private long total(String query) {
        ApiClient.Response response = buyer().get("/api/v1/search?" + query);
        return response.status() == 200 ? response.json().get("total").asLong() : -1;
    }

    private ApiClient buyer() {
        return ApiClient.demo(port, "buyer");
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static TcpProxy startProxy() {
        try {
            return new TcpProxy(9200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
