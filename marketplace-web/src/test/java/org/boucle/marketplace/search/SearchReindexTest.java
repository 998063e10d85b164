package org.boucle.marketplace.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A full reindex builds a new generation from PostgreSQL, swaps the alias, and loses no concurrent change. */
@BoucleTest
class SearchReindexTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void reindexSwapsTheAliasToANewGenerationAndKeepsConcurrentChanges() throws Exception {
        TestSeller seller = TestSeller.onboard(port, "WORKSHOP");
        String scope = "&seller=" + seller.id();
        String before = seller.create(seller.laptop().put("model", "ThinkPad T480")).get("id").asText();
        await(() -> total("q=t480" + scope) == 1);
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        String oldIndex = coordinator.get("/api/v1/admin/search").json().get("index").asText();

        ApiClient.Response started = coordinator.post("/api/v1/admin/search/reindex", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        // Changes while the reindex runs: whichever side of the snapshot they fall on, they must survive.
        String during = seller.create(seller.laptop().put("model", "ThinkPad X280").put("title", "Lenovo ThinkPad X280"))
                .get("id").asText();
        assertThat(seller.client().post("/api/v1/listings/" + before + "/pause", "{}").status()).isEqualTo(200);

        await(() -> !"RUNNING".equals(coordinator.get("/api/v1/admin/search/reindex/" + id).json().get("status").asText()));
        JsonNode done = coordinator.get("/api/v1/admin/search/reindex/" + id).json();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        long listings = jdbc.sql("select count(*) from listing").query(Long.class).single();
        assertThat(done.get("total").asLong()).isGreaterThanOrEqualTo(listings - 1);
        assertThat(done.get("indexed").asLong()).isEqualTo(done.get("total").asLong());

        JsonNode status = coordinator.get("/api/v1/admin/search").json();
        String newIndex = status.get("index").asText();
        assertThat(newIndex).isNotEqualTo(oldIndex).isEqualTo(done.get("indexName").asText());
        assertThat(generation(newIndex)).isGreaterThan(generation(oldIndex));
        assertThat(elasticsearch.indices().exists(e -> e.index(oldIndex)).value()).isFalse();

        await(() -> total("q=x280" + scope) == 1);
        await(() -> total("q=t480" + scope) == 0);
        assertThat(during).isNotBlank();
    }

    @Autowired
    SearchReindexer reindexer;

    @Autowired
    org.boucle.search.catalog.ListingIndex index;

    @Test
    void anIndexBuiltFromAnOlderDefinitionIsRebuiltAtStartup() throws Exception {
        String before = index.currentIndex();
        elasticsearch.indices().putMapping(m -> m.index(before).meta("definition", co.elastic.clients.json.JsonData.of("older")));
        assertThat(index.definitionChanged()).isTrue();

        reindexer.reindexIfTheDefinitionChanged();

        await(() -> !index.currentIndex().equals(before));
        assertThat(index.definitionChanged()).isFalse();
        assertThat(jdbc.sql("select requested_by is null from search_reindex order by started_at desc limit 1")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void oneReindexAtATimeAndOnlyForCoordinators() {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        assertThat(ApiClient.demo(port, "buyer").post("/api/v1/admin/search/reindex", "").status()).isEqualTo(403);
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/admin/search").status()).isEqualTo(403);

        UUID running = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("insert into search_reindex (id, status, started_at, heartbeat_at) values (?, 'RUNNING', ?, ?)")
                .params(running, Timestamp.from(now), Timestamp.from(now)).update();
        try {
            ApiClient.Response refused = coordinator.post("/api/v1/admin/search/reindex", "");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("runningId").asText()).isEqualTo(running.toString());

            // A run whose instance died (no heartbeat for minutes) no longer blocks.
            jdbc.sql("update search_reindex set heartbeat_at = ? where id = ?")
                    .params(Timestamp.from(now.minus(10, ChronoUnit.MINUTES)), running).update();
            ApiClient.Response accepted = coordinator.post("/api/v1/admin/search/reindex", "");
            assertThat(accepted.status()).isEqualTo(202);
            assertThat(coordinator.get("/api/v1/admin/search/reindex/" + running).json().get("status").asText())
                    .isEqualTo("FAILED");
            String id = accepted.json().get("id").asText();
            await(() -> !"RUNNING".equals(coordinator.get("/api/v1/admin/search/reindex/" + id).json().get("status").asText()));
        } finally {
            jdbc.sql("delete from search_reindex where id = ?").param(running).update();
        }
    }

    private static int generation(String index) {
        return Integer.parseInt(index.substring(index.lastIndexOf('-') + 1));
    }

    private long total(String query) {
        ApiClient.Response response = ApiClient.demo(port, "buyer").get("/api/v1/search?" + query);
        return response.status() == 200 ? response.json().get("total").asLong() : -1;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
