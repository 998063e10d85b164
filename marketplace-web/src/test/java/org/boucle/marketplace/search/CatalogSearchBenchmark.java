package org.boucle.marketplace.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.SyntheticCatalog;
import org.boucle.search.catalog.ListingIndex;
import org.boucle.search.catalog.ListingQuery;
import org.boucle.search.catalog.ListingSearch;
import org.boucle.search.catalog.SyntheticListings;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The catalogue at scale, end to end (see BENCHMARKS.md): a million listings stored in PostgreSQL, a full reindex
 * from PostgreSQL through the API, and searches through the HTTP API, each against a raw Elasticsearch baseline
 * measured in the same run (raw {@code _bulk} of the very documents the reindex wrote; the very query body the API
 * sends, posted straight to {@code _search}).
 */
@BoucleTest
@Tag("benchmark")
class CatalogSearchBenchmark {

    private static final int LISTINGS = Integer.getInteger("benchmark.listings", 1_000_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 3);
    private static final int RAW_SAMPLE = Math.min(LISTINGS, 200_000);
    private static final int BULK_DOCS = 2_000;
    private static final int QUERIES = 300;
    private static final int CLIENTS = 4;
    private static final Duration CONCURRENT_FOR = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestClient rest;

    @Autowired
    ListingIndex index;

    @Autowired
    ListingSearch search;

    private static final int REINDEX_RUNS = Integer.getInteger("benchmark.reindexRuns", RUNS);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** API clients authenticate with personal tokens: HTTP Basic would put a bcrypt check in every request. */
    private final java.util.Map<String, String> tokens = new java.util.HashMap<>();

    @Test
    void catalogueAtScale() throws Exception {
        long stored = store();
        System.out.printf(Locale.ROOT, "listings in PostgreSQL: %,d%n", stored);

        double[] reindexRate = new double[REINDEX_RUNS];
        reindexRate[0] = reindex();
        double rawBulk = rawBulk();
        for (int run = 1; run < REINDEX_RUNS; run++) {
            reindexRate[run] = reindex();
        }

        SyntheticListings synthetic = new SyntheticListings(20261123L, LocalDate.now());
        List<ListingQuery> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            queries.add(synthetic.query(i));
        }
        List<String> bodies = queries.stream().map(search::requestBody).toList();
        List<String> urls = queries.stream().map(CatalogSearchBenchmark::apiQuery).toList();
        long hits = 0;
        for (int i = 0; i < 100; i++) {
            raw(bodies.get(i % QUERIES));
            hits += api(urls.get(i % QUERIES)).get("total").asLong();
        }
        assertThat(hits).isPositive();
        double[][] rawMs = new double[RUNS][QUERIES];
        double[][] apiMs = new double[RUNS][QUERIES];
        for (int run = 0; run < RUNS; run++) {
            for (int i = 0; i < QUERIES; i++) {
                long start = System.nanoTime();
                raw(bodies.get(i));
                rawMs[run][i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                api(urls.get(i));
                apiMs[run][i] = (System.nanoTime() - start) / 1e6;
            }
            System.out.printf(Locale.ROOT, "search run %d: raw p50 %.1f p95 %.1f ms; API p50 %.1f p95 %.1f ms%n", run + 1,
                    percentile(rawMs[run], 50), percentile(rawMs[run], 95), percentile(apiMs[run], 50),
                    percentile(apiMs[run], 95));
        }
        Concurrent concurrent = concurrent(urls);

        double rawP50 = median(percentiles(rawMs, 50));
        double rawP95 = median(percentiles(rawMs, 95));
        double apiP50 = median(percentiles(apiMs, 50));
        double apiP95 = median(percentiles(apiMs, 95));
        double reindex = median(reindexRate);
        StringBuilder table = new StringBuilder("\n| measure | raw Elasticsearch | Boucle | Boucle / raw |\n| --- | ---: | ---: | ---: |\n");
        table.append(String.format(Locale.ROOT, "| full reindex from PostgreSQL, listings/s (raw: _bulk of %,d stored documents) | %,.0f | %,.0f | %.2f |%n",
                RAW_SAMPLE, rawBulk, reindex, reindex / rawBulk));
        table.append(String.format(Locale.ROOT, "| search p50, ms (sequential, HTTP client to response) | %.1f | %.1f | %.2f |%n", rawP50, apiP50, apiP50 / rawP50));
        table.append(String.format(Locale.ROOT, "| search p95, ms | %.1f | %.1f | %.2f |%n", rawP95, apiP95, apiP95 / rawP95));
        table.append(String.format(Locale.ROOT, "| %d concurrent clients, %d s: requests/s, p95 ms, errors | | %.0f req/s, p95 %.1f ms, %d errors | |%n",
                CLIENTS, CONCURRENT_FOR.toSeconds(), concurrent.throughput(), concurrent.p95(), concurrent.errors()));
        System.out.println(table);
        System.out.printf(Locale.ROOT, "reindex runs: %s listings/s%n", Arrays.toString(reindexRate));
        assertThat(concurrent.errors()).isZero();
    }

    /** Tops the catalogue up to LISTINGS with COPY, spread over the demo's workshops' and resellers' sites. */
    private long store() throws Exception {
        long existing = jdbc.sql("select count(*) from listing").query(Long.class).single();
        if (existing < LISTINGS) {
            List<SyntheticCatalog.Outlet> outlets = jdbc.sql("""
                    select s.organization_id, s.id from site s
                      join organization_role r on r.organization_id = s.organization_id
                     where r.role in ('WORKSHOP', 'RESELLER') order by s.id""")
                    .query((rs, n) -> new SyntheticCatalog.Outlet(rs.getObject(1, java.util.UUID.class),
                            rs.getObject(2, java.util.UUID.class)))
                    .list();
            long start = System.nanoTime();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                connection.setAutoCommit(false);
                new SyntheticCatalog(System.currentTimeMillis()).write(connection, LISTINGS - existing, outlets,
                        LocalDate.now(), Instant.now(), SyntheticCatalog.Indexing.CALLER_REINDEXES);
                connection.commit();
                connection.setAutoCommit(true);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            jdbc.sql("analyze listing").update();
            System.out.printf(Locale.ROOT, "stored %,d listings with COPY in %.1f s%n", LISTINGS - existing,
                    (System.nanoTime() - start) / 1e9);
        }
        return jdbc.sql("select count(*) from listing").query(Long.class).single();
    }

    /** A full reindex through the API, from the POST to COMPLETED; listings per second. */
    private double reindex() throws Exception {
        long start = System.nanoTime();
        JsonNode started = send(HttpRequest.newBuilder(uri("/api/v1/admin/search/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody()), "coordinator");
        String id = started.get("id").asText();
        JsonNode status;
        do {
            Thread.sleep(200);
            status = send(HttpRequest.newBuilder(uri("/api/v1/admin/search/reindex/" + id)).GET(), "coordinator");
        } while ("RUNNING".equals(status.get("status").asText()));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
        double rate = status.get("total").asLong() / seconds;
        System.out.printf(Locale.ROOT, "reindex: %,d listings in %.1f s, %,.0f listings/s%n", status.get("total").asLong(),
                seconds, rate);
        return rate;
    }

    /**
     * The baseline: the first RAW_SAMPLE documents exactly as the reindex stored them, read back from the index and
     * sent with plain {@code _bulk} requests (two in flight, as the reindex does) into a fresh generation.
     */
    private double rawBulk() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        String after = null;
        int read = 0;
        while (read < RAW_SAMPLE) {
            Request page = new Request("POST", "/" + index.alias() + "/_search");
            page.setJsonEntity("{\"size\":" + BULK_DOCS + ",\"sort\":[{\"id\":\"asc\"}],\"query\":{\"match_all\":{}}"
                    + (after == null ? "" : ",\"search_after\":[" + json.writeValueAsString(after) + "]") + "}");
            JsonNode hits = json.readTree(rest.performRequest(page).getEntity().getContent()).get("hits").get("hits");
            if (hits.isEmpty()) {
                break;
            }
            ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
            for (JsonNode hit : hits) {
                ndjson.write(("{\"index\":{\"_id\":" + json.writeValueAsString(hit.get("_id").asText())
                        + ",\"version\":" + hit.get("_source").get("version").asLong() + ",\"version_type\":\"external_gte\"}}\n")
                        .getBytes(StandardCharsets.UTF_8));
                ndjson.write(json.writeValueAsBytes(hit.get("_source")));
                ndjson.write('\n');
                after = hit.get("_id").asText();
            }
            bodies.add(ndjson.toByteArray());
            read += hits.size();
        }
        ListingIndex.Reindex scratch = index.startReindex();
        try {
            ExecutorService loaders = Executors.newFixedThreadPool(2);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (byte[] body : bodies) {
                done.add(loaders.submit(() -> {
                    Request bulk = new Request("POST", "/" + scratch.indexName() + "/_bulk");
                    bulk.setEntity(new ByteArrayEntity(body, ContentType.create("application/x-ndjson")));
                    JsonNode answer = json.readTree(rest.performRequest(bulk).getEntity().getContent());
                    assertThat(answer.get("errors").asBoolean()).isFalse();
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double rate = read / ((System.nanoTime() - start) / 1e9);
            loaders.shutdown();
            System.out.printf(Locale.ROOT, "raw _bulk: %,d documents, %,.0f docs/s%n", read, rate);
            return rate;
        } finally {
            scratch.abort();
        }
    }

    private record Concurrent(double throughput, double p95, long errors) {
    }

    private Concurrent concurrent(List<String> urls) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + CONCURRENT_FOR.toNanos();
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            results.add(clients.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                for (int i = client; System.nanoTime() < deadline; i += CLIENTS) {
                    long start = System.nanoTime();
                    try {
                        api(urls.get(i % urls.size()));
                        latencies.add((System.nanoTime() - start) / 1e6);
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> result : results) {
            all.addAll(result.get());
        }
        clients.shutdown();
        double[] latencies = all.stream().mapToDouble(Double::doubleValue).toArray();
        return new Concurrent(latencies.length / (double) CONCURRENT_FOR.toSeconds(), percentile(latencies, 95), errors.get());
    }

    private void raw(String body) throws IOException {
        Request request = new Request("POST", "/" + index.alias() + "/_search");
        request.setJsonEntity(body);
        rest.performRequest(request).getEntity().getContent().readAllBytes();
    }

    private JsonNode api(String query) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/v1/search?" + query)).GET(), "buyer");
    }

    private JsonNode send(HttpRequest.Builder request, String login) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.header("Authorization", "Bearer " + token(login))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new AssertionError(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readTree(response.body());
    }

    private synchronized String token(String login) throws IOException, InterruptedException {
        String token = tokens.get(login);
        if (token == null) {
            String credentials = Base64.getEncoder().encodeToString((login + "@demo.boucle:demo").getBytes(StandardCharsets.UTF_8));
            HttpResponse<byte[]> issued = http.send(HttpRequest.newBuilder(uri("/api/v1/me/tokens"))
                    .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"benchmark\", \"expiresInDays\": 1}")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(issued.statusCode()).isEqualTo(201);
            token = json.readTree(issued.body()).get("token").asText();
            tokens.put(login, token);
        }
        return token;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The same query as API parameters. */
    private static String apiQuery(ListingQuery q) {
        List<String> params = new ArrayList<>();
        add(params, "q", q.text());
        q.kinds().forEach(v -> add(params, "kind", v));
        q.grades().forEach(v -> add(params, "grade", v));
        q.manufacturers().forEach(v -> add(params, "manufacturer", v));
        q.categories().forEach(v -> add(params, "category", v));
        add(params, "minRamGb", q.minRamGb());
        add(params, "maxPrice", q.maxPrice() == null ? null : q.maxPrice().toPlainString());
        add(params, "availableBefore", q.availableBefore());
        if (q.near() != null) {
            add(params, "near", q.near().lat() + "," + q.near().lon());
            add(params, "radiusKm", q.radiusKm());
        }
        add(params, "size", q.size());
        return String.join("&", params);
    }

    private static void add(List<String> params, String name, Object value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    private static double[] percentiles(double[][] runs, int p) {
        return Arrays.stream(runs).mapToDouble(run -> percentile(run, p)).toArray();
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }
}
