package org.boucle.search.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.boucle.search.IndexNamespace;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulk loading and search latency, each against a raw baseline on the same node: see BENCHMARKS.md.
 *
 * <pre>
 * ./mvnw -B -o verify -pl search-indexer -Dtest=ListingSearchBenchmark -Dtest.excludedGroups= \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.docs=200000 -Dbenchmark.runs=3 -Dbenchmark.queries=300]
 * </pre>
 */
@Tag("benchmark")
class ListingSearchBenchmark {

    private static final int DOCS = Integer.getInteger("benchmark.docs", 200_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 3);
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 300);
    private static final int WARM_UP_QUERIES = 100;
    private static final int BATCH = 5_000;
    // What ListingIndex sends per request and how many at once, for a like-for-like baseline.
    private static final int RAW_DOCS_PER_REQUEST = BulkLoader.MAX_DOCS_PER_REQUEST;
    private static final int BULKS_IN_FLIGHT = BulkLoader.MAX_IN_FLIGHT;
    private static final long SEED = 2026;

    @Test
    void bulkLoadingAndSearchAgainstRawBaselines() throws Exception {
        ElasticsearchClient client = EsTestSupport.client();
        EsTestSupport.awaitAnalysisPlugin(client);
        IndexNamespace namespace = EsTestSupport.randomNamespace();
        RestClient rest = EsTestSupport.restClient(client);
        try {
            SyntheticListings synthetic = new SyntheticListings(SEED, LocalDate.of(2026, 3, 2));
            long generating = System.nanoTime();
            List<ListingDocument> docs = synthetic.listings(0, DOCS);
            double generationRate = DOCS / seconds(generating);
            List<byte[]> ndjson = ndjsonBatches(docs);

            ListingIndex index = new ListingIndex(client, namespace);
            index.ensureExists();
            ListingSearch search = new ListingSearch(client, namespace);

            double[] rawSequential = new double[RUNS];
            double[] rawBulk = new double[RUNS];
            double[] indexBulk = new double[RUNS];
            double[] completeSeconds = new double[RUNS];
            // Warm-up (both JVMs' JIT), not measured.
            rawBulk(index, rest, ndjson.subList(0, Math.min(ndjson.size(), 30)), BULKS_IN_FLIGHT);
            try (ListingIndex.Reindex warmUp = index.startReindex()) {
                warmUp.load(docs.subList(0, Math.min(DOCS, 30_000)));
            }
            for (int run = 0; run < RUNS; run++) {
                // Baselines: pre-serialised NDJSON straight to _bulk, into an index with the same loading settings,
                // one request at a time, then with as many requests in flight as ListingIndex uses.
                rawSequential[run] = rawBulk(index, rest, ndjson, 1);
                rawBulk[run] = rawBulk(index, rest, ndjson, BULKS_IN_FLIGHT);
                // ListingIndex: the full reindex path, from ListingDocument to acknowledged bulk responses.
                quiesce(rest);
                ListingIndex.Reindex reindex = index.startReindex();
                long start = System.nanoTime();
                for (int from = 0; from < DOCS; from += BATCH) {
                    IndexingResult result = reindex.load(docs.subList(from, Math.min(DOCS, from + BATCH)));
                    assertThat(result.indexed()).isEqualTo(Math.min(BATCH, DOCS - from));
                }
                indexBulk[run] = DOCS / seconds(start);
                long completing = System.nanoTime();
                reindex.complete();
                completeSeconds[run] = seconds(completing);
                System.out.printf(Locale.ROOT, "bulk run %d: raw sequential %,.0f docs/s, raw %d in flight %,.0f docs/s, "
                        + "ListingIndex %,.0f docs/s, complete() %.2f s%n", run + 1, rawSequential[run], BULKS_IN_FLIGHT,
                        rawBulk[run], indexBulk[run], completeSeconds[run]);
            }
            assertThat(index.count()).isEqualTo(DOCS);

            // Searches: the same seeded mix, as raw JSON (the body ListingSearch would send) and through ListingSearch.
            List<ListingQuery> queries = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                queries.add(synthetic.query(i));
            }
            JacksonJsonpMapper jsonp = new JacksonJsonpMapper();
            List<String> bodies = queries.stream()
                    .map(q -> JsonpUtils.toJsonString(search.plan(q).request(), jsonp))
                    .toList();
            ObjectMapper mapper = new ObjectMapper();
            long hits = 0;
            for (int i = 0; i < WARM_UP_QUERIES; i++) {
                rawSearch(rest, index.alias(), bodies.get(i % QUERIES), mapper);
                hits += search.search(queries.get(i % QUERIES)).total();
            }
            assertThat(hits).isPositive();
            double[][] rawLatency = new double[RUNS][];
            double[][] searchLatency = new double[RUNS][];
            for (int run = 0; run < RUNS; run++) {
                rawLatency[run] = new double[QUERIES];
                searchLatency[run] = new double[QUERIES];
                for (int i = 0; i < QUERIES; i++) {
                    long start = System.nanoTime();
                    JsonNode answer = rawSearch(rest, index.alias(), bodies.get(i), mapper);
                    rawLatency[run][i] = millis(start);
                    start = System.nanoTime();
                    SearchPage page = search.search(queries.get(i));
                    searchLatency[run][i] = millis(start);
                    assertThat(page.total()).isEqualTo(answer.at("/hits/total/value").asLong());
                }
                System.out.printf(Locale.ROOT, "search run %d: raw p50 %.1f ms p95 %.1f ms, ListingSearch p50 %.1f ms p95 %.1f ms%n",
                        run + 1, percentile(rawLatency[run], 50), percentile(rawLatency[run], 95),
                        percentile(searchLatency[run], 50), percentile(searchLatency[run], 95));
            }

            double rawBulkMedian = median(rawBulk);
            double indexBulkMedian = median(indexBulk);
            double rawP50 = median(percentiles(rawLatency, 50));
            double rawP95 = median(percentiles(rawLatency, 95));
            double searchP50 = median(percentiles(searchLatency, 50));
            double searchP95 = median(percentiles(searchLatency, 95));
            StringBuilder table = new StringBuilder();
            table.append(String.format(Locale.ROOT, "%n%,d listings, load() batches of %,d, %d runs (medians); %,d queries per run; "
                    + "SyntheticListings generated %,.0f docs/s%n", DOCS, BATCH, RUNS, QUERIES, generationRate));
            table.append("| measure | raw baseline | Boucle | Boucle / baseline |\n| --- | ---: | ---: | ---: |\n");
            table.append(String.format(Locale.ROOT, "| bulk load, docs/s (baseline: %,d-doc requests, %d in flight) | %,.0f | %,.0f | %.2f |%n",
                    RAW_DOCS_PER_REQUEST, BULKS_IN_FLIGHT, rawBulkMedian, indexBulkMedian, indexBulkMedian / rawBulkMedian));
            table.append(String.format(Locale.ROOT, "| bulk load, docs/s (baseline: %,d-doc requests, one at a time) | %,.0f | %,.0f | %.2f |%n",
                    RAW_DOCS_PER_REQUEST, median(rawSequential), indexBulkMedian, indexBulkMedian / median(rawSequential)));
            table.append(String.format(Locale.ROOT, "| search p50, ms | %.1f | %.1f | %.2f |%n", rawP50, searchP50, searchP50 / rawP50));
            table.append(String.format(Locale.ROOT, "| search p95, ms | %.1f | %.1f | %.2f |%n", rawP95, searchP95, searchP95 / rawP95));
            table.append(String.format(Locale.ROOT, "Reindex complete() (settings, refresh, alias swap, delete): %.2f s (median)%n",
                    median(completeSeconds)));
            System.out.println(table);
        } finally {
            EsTestSupport.deleteIndices(client, namespace);
            EsTestSupport.close(client);
        }
    }

    private static double rawBulk(ListingIndex index, RestClient rest, List<byte[]> ndjson, int inFlight) throws Exception {
        quiesce(rest);
        ExecutorService senders = Executors.newFixedThreadPool(inFlight);
        try (ListingIndex.Reindex target = index.startReindex()) {
            AtomicInteger next = new AtomicInteger();
            Callable<Void> sender = () -> {
                for (int i = next.getAndIncrement(); i < ndjson.size(); i = next.getAndIncrement()) {
                    Request request = new Request("POST", "/" + target.indexName() + "/_bulk");
                    request.setEntity(new ByteArrayEntity(ndjson.get(i), ContentType.create("application/x-ndjson")));
                    Response response = rest.performRequest(request);
                    assertThat(response.getEntity().getContent().readAllBytes()).isNotEmpty();
                }
                return null;
            };
            long start = System.nanoTime();
            for (Future<Void> done : senders.invokeAll(Collections.nCopies(inFlight, sender))) {
                done.get();
            }
            return Math.min(DOCS, ndjson.size() * RAW_DOCS_PER_REQUEST) / seconds(start);
        } finally { // the baseline's generation is aborted: deleted
            senders.shutdownNow();
        }
    }

    /** The baseline's bodies: the same documents and versions, serialised once before timing. */
    private static List<byte[]> ndjsonBatches(List<ListingDocument> docs) throws IOException {
        ListingJson json = new ListingJson();
        List<byte[]> batches = new ArrayList<>();
        for (int from = 0; from < docs.size(); from += RAW_DOCS_PER_REQUEST) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (ListingDocument doc : docs.subList(from, Math.min(docs.size(), from + RAW_DOCS_PER_REQUEST))) {
                out.write(("{\"index\":{\"_id\":\"" + doc.id() + "\",\"version\":" + doc.version()
                        + ",\"version_type\":\"external_gte\"}}\n").getBytes(StandardCharsets.UTF_8));
                out.write(json.toIndexJson(doc));
                out.write('\n');
            }
            batches.add(out.toByteArray());
        }
        return batches;
    }

    private static JsonNode rawSearch(RestClient rest, String alias, String body, ObjectMapper mapper) throws IOException {
        Request request = new Request("POST", "/" + alias + "/_search");
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return mapper.readTree(rest.performRequest(request).getEntity().getContent());
    }

    /** Waits for the previous phase's merges to end, so that each measure starts from an idle node. */
    private static void quiesce(RestClient rest) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 600; i++) {
            Request stats = new Request("GET", "/_nodes/_local/stats/indices/merge,refresh,flush");
            JsonNode node = mapper.readTree(rest.performRequest(stats).getEntity().getContent()).path("nodes").elements().next();
            if (node.at("/indices/merges/current").asLong() == 0) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double[] percentiles(double[][] runs, int percentile) {
        return Arrays.stream(runs).mapToDouble(run -> percentile(run, percentile)).toArray();
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }
}
