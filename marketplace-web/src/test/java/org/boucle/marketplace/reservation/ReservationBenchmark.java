package org.boucle.marketplace.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.search.catalog.ListingIndex;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Holds under load through the HTTP API (see BENCHMARKS.md): 100 concurrent clients (wrk's connections), each looping
 * on {@code POST /api/v1/reservations} of one unit, on one hot listing and spread over 1,000 cold listings, against
 * PostgreSQL's raw rate for the same conditional single-row update, measured with pgbench in the same run (each run
 * measures API hot, API cold, then pgbench on one row and over 1,000 rows). Before that, a short rush on a listing of
 * exactly {@value #OVERSELL_UNITS} units, from 100 threads of this JVM that read every answer, checks that the load
 * never oversells.
 */
@BoucleTest
@Tag("benchmark")
class ReservationBenchmark {

    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 20);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 3);
    private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmupSeconds", 60);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 100);
    private static final int COLD_LISTINGS = 1_000;
    /** The most a listing may hold (the API's limit): far more than any run takes, so every request is a hold. */
    private static final int STOCK = 1_000_000;
    private static final int OVERSELL_UNITS = 500;
    private static final int OVERSELL_ATTEMPTS = 3 * OVERSELL_UNITS;
    /** Connections left to everyone else on the shared PostgreSQL while pgbench runs. */
    private static final int SPARE_CONNECTIONS = 10;
    private static final String PGBENCH = System.getProperty("benchmark.pgbench", "/usr/bin/pgbench");
    private static final String WRK = System.getProperty("benchmark.wrk", "/usr/bin/wrk");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    RestClient rest;

    @Autowired
    ListingIndex index;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger clientThreads = new AtomicInteger();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, task -> {
        Thread thread = new Thread(task, "bench-client-" + clientThreads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private URI reservations;
    private Wrk wrk;
    /** One personal token per buyer organization: HTTP Basic would put a bcrypt check in every request. */
    private final List<String> tokens = new ArrayList<>();

    @Test
    void holdsUnderLoad() throws Exception {
        reservations = URI.create("http://127.0.0.1:" + port + "/api/v1/reservations");
        wrk = new Wrk(WRK, reservations);
        TestSeller seller = TestSeller.onboard(port, "WORKSHOP");
        List<TestSeller> buyers = new ArrayList<>();
        List<String> tokenIds = new ArrayList<>();
        try (PgBench pgbench = new PgBench("127.0.0.1", 5432, "postgres", PGBENCH, COLD_LISTINGS, STOCK)) {
            for (String role : List.of("PRIVATE_BUYER", "PUBLIC_BUYER", "ASSOCIATION", "PRIVATE_BUYER")) {
                TestSeller buyer = TestSeller.onboard(port, role);
                JsonNode token = buyer.client().post("/api/v1/me/tokens",
                        "{\"name\": \"reservation benchmark\", \"expiresInDays\": 1}").json();
                buyers.add(buyer);
                tokenIds.add(token.get("id").asText());
                tokens.add(token.get("token").asText());
            }
            UUID hot = id(seller.create(seller.laptop().put("title", "Banc d'essai des réservations — article très demandé")
                    .put("quantityAvailable", STOCK)));
            List<UUID> cold = copies(hot, COLD_LISTINGS);
            System.out.printf(Locale.ROOT, "%d clients, 1 hot listing and %d cold ones of %,d units, %d buyer organizations%n",
                    CLIENTS, cold.size(), STOCK, tokens.size());

            neverOversells(seller);
            benchmark(hot, cold, pgbench);
        } catch (Exception | AssertionError failure) {
            try {
                cleanUp(seller, buyers, tokenIds);
            } catch (Exception cleanUpFailure) {
                failure.addSuppressed(cleanUpFailure);
            }
            throw failure;
        }
        cleanUp(seller, buyers, tokenIds);
    }

    /**
     * The 100 clients rush a listing of exactly {@value #OVERSELL_UNITS} units with {@value #OVERSELL_ATTEMPTS} holds
     * of one unit while a watcher polls its stock: exactly that many holds, never below zero, all still held.
     */
    private void neverOversells(TestSeller seller) throws Exception {
        UUID listing = id(seller.create(seller.laptop().put("title", "Banc d'essai des réservations — stock compté")
                .put("quantityAvailable", OVERSELL_UNITS)));
        String body = body(listing);
        AtomicInteger attempts = new AtomicInteger(OVERSELL_ATTEMPTS);
        Set<String> held = ConcurrentHashMap.newKeySet();
        AtomicLong refused = new AtomicLong();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean rushing = new AtomicBoolean(true);
        AtomicInteger lowest = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger lowestAnswered = new AtomicInteger(Integer.MAX_VALUE);
        Thread watcher = new Thread(() -> {
            while (rushing.get()) {
                lowest.accumulateAndGet(available(listing), Math::min);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-oversell-watcher");
        watcher.start();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String token = tokens.get(c % tokens.size());
            done.add(clients.submit(() -> {
                go.await();
                while (attempts.getAndDecrement() > 0) {
                    HttpResponse<String> response = http.send(hold(token, body), HttpResponse.BodyHandlers.ofString());
                    JsonNode answer = json.readTree(response.body());
                    if (response.statusCode() == 201 && "HELD".equals(answer.path("status").asText())
                            && answer.path("quantity").asInt() == 1) {
                        held.add(answer.get("id").asText());
                    } else if (response.statusCode() == 409) {
                        refused.incrementAndGet();
                        lowestAnswered.accumulateAndGet(answer.path("available").asInt(Integer.MIN_VALUE), Math::min);
                    } else {
                        unexpected.add(response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> client : done) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        rushing.set(false);
        watcher.join();
        lowest.accumulateAndGet(available(listing), Math::min);

        Map<String, Long> rows = jdbc.sql("""
                select count(*) as holds, coalesce(sum(quantity), 0) as units from reservation
                 where listing_id = ? and status = 'HELD'""")
                .param(listing).query((rs, n) -> Map.of("holds", rs.getLong(1), "units", rs.getLong(2))).single();
        System.out.printf(Locale.ROOT, "oversell check: %,d attempts on %d units in %.1f s: %d held, %d refused, %d other; "
                + "stock now %d, lowest seen %d; HELD rows %d, units %d%n", OVERSELL_ATTEMPTS, OVERSELL_UNITS, seconds,
                held.size(), refused.get(), unexpected.size(), available(listing), lowest.get(), rows.get("holds"),
                rows.get("units"));
        assertThat(unexpected).as("answers other than 201 HELD and 409").isEmpty();
        assertThat(held).hasSize(OVERSELL_UNITS);
        assertThat(refused.get()).isEqualTo(OVERSELL_ATTEMPTS - OVERSELL_UNITS);
        assertThat(lowestAnswered.get()).isZero();
        assertThat(available(listing)).isZero();
        assertThat(lowest.get()).isZero();
        assertThat(rows).containsEntry("holds", (long) OVERSELL_UNITS).containsEntry("units", (long) OVERSELL_UNITS);
    }

    private void benchmark(UUID hot, List<UUID> cold, PgBench pgbench) throws Exception {
        List<String> hotBodies = List.of(body(hot));
        List<String> coldBodies = cold.stream().map(ReservationBenchmark::body).toList();
        Duration measured = Duration.ofSeconds(SECONDS);
        warmUp(hotBodies, coldBodies);

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Phase[] apiHot = new Phase[RUNS];
        Phase[] apiCold = new Phase[RUNS];
        PgBench.Result[] rawHot = new PgBench.Result[RUNS];
        PgBench.Result[] rawCold = new PgBench.Result[RUNS];
        for (int run = 0; run < RUNS; run++) {
            vacuum(pgbench);
            hammer(hotBodies, Duration.ofSeconds(2));
            apiHot[run] = report("run " + (run + 1) + " API hot", hammer(hotBodies, measured));
            vacuum(pgbench);
            hammer(coldBodies, Duration.ofSeconds(2));
            apiCold[run] = report("run " + (run + 1) + " API cold", hammer(coldBodies, measured));

            // PostgreSQL takes 100 connections in all: the app's idle pool hands its back while pgbench runs, and
            // pgbench gets every free one but SPARE_CONNECTIONS (other people's tests share this PostgreSQL).
            int minimumIdle = pool.getHikariConfigMXBean().getMinimumIdle();
            pool.getHikariConfigMXBean().setMinimumIdle(0);
            pool.getHikariPoolMXBean().softEvictConnections();
            Thread.sleep(1_000);
            try {
                int raw = Math.min(CLIENTS, pgbench.freeConnections() - SPARE_CONNECTIONS);
                assertThat(raw).as("connections free for pgbench").isGreaterThanOrEqualTo(10);
                rawHot[run] = raw("run " + (run + 1) + " pgbench 1 row", pgbench, true, raw, measured);
                rawCold[run] = raw("run " + (run + 1) + " pgbench " + COLD_LISTINGS + " rows", pgbench, false, raw, measured);
            } finally {
                pool.getHikariConfigMXBean().setMinimumIdle(minimumIdle);
            }
        }

        double hotRate = median(Arrays.stream(apiHot).mapToDouble(Phase::rate).toArray());
        double hotP95 = median(Arrays.stream(apiHot).mapToDouble(Phase::p95Ms).toArray());
        double coldRate = median(Arrays.stream(apiCold).mapToDouble(Phase::rate).toArray());
        double coldP95 = median(Arrays.stream(apiCold).mapToDouble(Phase::p95Ms).toArray());
        double rawHotRate = median(Arrays.stream(rawHot).mapToDouble(PgBench.Result::tps).toArray());
        double rawColdRate = median(Arrays.stream(rawCold).mapToDouble(PgBench.Result::tps).toArray());
        double rawHotLatency = median(Arrays.stream(rawHot).mapToDouble(PgBench.Result::latencyMs).toArray());
        double rawColdLatency = median(Arrays.stream(rawCold).mapToDouble(PgBench.Result::latencyMs).toArray());
        int rawClients = Arrays.stream(rawHot).mapToInt(PgBench.Result::clients).min().orElse(0);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n| scenario (%d API clients, %d s, median of %d) | raw PostgreSQL (pgbench, %d clients), updates/s | API holds/s | API / raw | API p95, ms | raw mean latency, ms | target |%n"
                        + "| --- | ---: | ---: | ---: | ---: | ---: | --- |%n", CLIENTS, SECONDS, RUNS, rawClients));
        table.append(String.format(Locale.ROOT, "| one hot listing | %,.0f | **%,.0f** | **%.2f** | %.1f | %.1f | ≥ 0.40 × raw: %s |%n",
                rawHotRate, hotRate, hotRate / rawHotRate, hotP95, rawHotLatency,
                hotRate >= 0.40 * rawHotRate ? "met" : "**not met**"));
        table.append(String.format(Locale.ROOT, "| %,d cold listings | %,.0f | **%,.0f** | %.2f | %.1f | %.1f | ≥ 2,000 holds/s: %s |%n",
                COLD_LISTINGS, rawColdRate, coldRate, coldRate / rawColdRate, coldP95, rawColdLatency,
                coldRate >= 2_000 ? "met" : "**not met**"));
        System.out.println(table);
        for (int run = 0; run < RUNS; run++) {
            System.out.printf(Locale.ROOT, "run %d: hot %,.0f / %,.0f = %.2f; cold %,.0f / %,.0f = %.2f%n", run + 1,
                    apiHot[run].rate(), rawHot[run].tps(), apiHot[run].rate() / rawHot[run].tps(), apiCold[run].rate(),
                    rawCold[run].tps(), apiCold[run].rate() / rawCold[run].tps());
        }
        for (Phase phase : concat(apiHot, apiCold)) {
            assertThat(phase.load().socketErrors()).as("connection errors").isZero();
            assertThat(phase.load().refused()).as("holds refused while measuring (the stock never runs out) "
                    + phase.firstRefusal()).isZero();
        }
        for (PgBench.Result result : concat(rawHot, rawCold)) {
            assertThat(result.failed()).isZero();
        }
    }

    /**
     * JIT, connection pools (HTTP and JDBC), Tomcat's threads: hot and cold load alternately, 10 s at a time. On two
     * cores that the load keeps busy, the JIT compiler threads still take 0.1 to 0.3 of a core after five minutes of
     * load (reported with every phase): a longer warm-up does not make them settle.
     */
    private void warmUp(List<String> hotBodies, List<String> coldBodies) throws Exception {
        for (int slice = 0; slice < Math.max(2, WARMUP_SECONDS / 10); slice += 2) {
            report("warm-up hot", hammer(hotBodies, Duration.ofSeconds(10)));
            report("warm-up cold", hammer(coldBodies, Duration.ofSeconds(10)));
        }
    }

    /**
     * This PostgreSQL runs with autovacuum off (the CI image's conf.d/90-ci.conf), so without this the hot listing's
     * dead versions and the holds' dead outbox rows pile up from run to run; pgbench's table is vacuumed the same way.
     */
    private void vacuum(PgBench pgbench) throws Exception {
        try (Connection admin = pgbench.admin(appDatabase()); Statement sql = admin.createStatement()) {
            sql.execute("vacuum listing, reservation, search_outbox");
        }
    }

    /** What one load phase measured: holds and latencies of the requests answered within its window. */
    private record Phase(Wrk.Result load, String firstRefusal, String usage, String profile) {

        double rate() {
            return load.holds() / load.seconds();
        }

        double p95Ms() {
            return load.p95Ms();
        }
    }

    /**
     * The load generator's connections loop on holds of one unit, each on a listing picked at random from
     * {@code bodies}, for the duration; only requests answered within it count.
     */
    private Phase hammer(List<String> bodies, Duration duration) throws Exception {
        try (Profile profile = new Profile(dataSource.unwrap(HikariDataSource.class), appDatabase())) {
            CpuUsage before = CpuUsage.now();
            Wrk.Result load = wrk.run(bodies, tokens, CLIENTS, duration);
            String usage = CpuUsage.now().since(before, "load generator (wrk)");
            // wrk counts answers other than 2xx without keeping them: one more request shows what they say.
            String firstRefusal = load.refused() == 0 ? "" : refusal(bodies.get(0));
            return new Phase(load, firstRefusal, usage, profile.summary());
        }
    }

    private String refusal(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(hold(tokens.get(0), body), HttpResponse.BodyHandlers.ofString());
        return "now: " + response.statusCode() + " " + response.body();
    }

    private PgBench.Result raw(String label, PgBench pgbench, boolean hot, int clientCount, Duration duration)
            throws Exception {
        try (Profile profile = new Profile(null, PgBench.DATABASE)) {
            CpuUsage before = CpuUsage.now();
            PgBench.Result result = pgbench.run(hot, clientCount, duration);
            System.out.printf(Locale.ROOT, "%s %s: %,.0f updates/s (%d clients), mean latency %.1f ms, %d failed%n    %s%n    %s%n",
                    LocalTime.now().withNano(0), label, result.tps(), result.clients(), result.latencyMs(), result.failed(),
                    CpuUsage.now().since(before, "pgbench"), profile.summary());
            return result;
        }
    }

    private static Phase report(String label, Phase phase) {
        Wrk.Result load = phase.load();
        System.out.printf(Locale.ROOT, "%s %s: %,.0f holds/s (%,d in %.1f s), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                + "max %.0f ms, %d answered otherwise%s, %d connection errors%n    %s%n    %s%n",
                LocalTime.now().withNano(0), label, phase.rate(), load.holds(), load.seconds(), load.p50Ms(),
                load.p95Ms(), load.p99Ms(), load.maxMs(), load.refused(),
                phase.firstRefusal().isEmpty() ? "" : " (" + phase.firstRefusal() + ")", load.socketErrors(),
                phase.usage(), phase.profile());
        return phase;
    }

    /**
     * Samples, every 100 ms while a phase runs, what PostgreSQL's busy backends of a database wait on (CPU when
     * nothing) and, for the app, its JDBC pool's active connections and the threads waiting for one.
     */
    private static final class Profile implements AutoCloseable {

        private final HikariDataSource pool;
        private final String database;
        private final Map<String, Long> waits = new TreeMap<>();
        private final Thread sampler;
        private volatile boolean running = true;
        private long samples;
        private long active;
        private long awaiting;
        private int maxAwaiting;

        Profile(HikariDataSource pool, String database) {
            this.pool = pool;
            this.database = database;
            this.sampler = new Thread(this::sample, "bench-profile");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                    "postgres", "");
                    PreparedStatement activity = admin.prepareStatement("""
                            select state || ' ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU'), count(*)
                              from pg_stat_activity
                             where datname = ? and backend_type = 'client backend' and state <> 'idle'
                             group by 1""")) {
                activity.setString(1, database);
                while (running) {
                    try (ResultSet rs = activity.executeQuery()) {
                        synchronized (this) {
                            while (rs.next()) {
                                waits.merge(rs.getString(1), rs.getLong(2), Long::sum);
                            }
                            if (pool != null) {
                                active += pool.getHikariPoolMXBean().getActiveConnections();
                                int waiting = pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
                                awaiting += waiting;
                                maxAwaiting = Math.max(maxAwaiting, waiting);
                            }
                            samples++;
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                synchronized (this) {
                    waits.put("sampling failed: " + e.getMessage(), 0L);
                }
            }
        }

        synchronized String summary() {
            StringBuilder text = new StringBuilder("busy backends of " + database + " (mean per sample):");
            waits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .forEach(e -> text.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(),
                            e.getValue() / (double) Math.max(1, samples))));
            if (pool != null) {
                text.append(String.format(Locale.ROOT, " JDBC pool: %.1f of %d active, %.1f threads waiting (max %d)",
                        active / (double) Math.max(1, samples), pool.getMaximumPoolSize(),
                        awaiting / (double) Math.max(1, samples), maxAwaiting));
            }
            return text.toString();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            sampler.join();
        }
    }

    private HttpRequest hold(String token, String body) {
        return HttpRequest.newBuilder(reservations).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String body(UUID listing) {
        return "{\"listingId\": \"" + listing + "\", \"quantity\": 1}";
    }

    /** {@code count} copies of a listing (same seller, site, description and stock), written in one statement. */
    private List<UUID> copies(UUID listing, int count) {
        String columns = String.join(", ", jdbc.sql("""
                select column_name from information_schema.columns
                 where table_schema = current_schema() and table_name = 'listing' and column_name <> 'id'
                 order by ordinal_position""").query(String.class).list());
        return jdbc.sql("insert into listing (id, " + columns + ") select gen_random_uuid(), " + columns
                        + " from listing, generate_series(1, ?) where id = ? returning id")
                .params(count, listing).query(UUID.class).list();
    }

    private int available(UUID listing) {
        return jdbc.sql("select quantity_available from listing where id = ?").param(listing).query(Integer.class).single();
    }

    private String appDatabase() {
        return jdbc.sql("select current_database()").query(String.class).single();
    }

    /**
     * Removes what the benchmark wrote: the buyers' tokens and, once the search outbox has indexed its last changes,
     * the holds on its listings, their outbox rows, the listings, and their documents in the search index.
     */
    private void cleanUp(TestSeller seller, List<TestSeller> buyers, List<String> tokenIds) throws Exception {
        clients.shutdownNow();
        for (int i = 0; i < tokenIds.size(); i++) {
            buyers.get(i).client().delete("/api/v1/me/tokens/" + tokenIds.get(i));
        }
        UUID sellerId = UUID.fromString(seller.id());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long pending;
        do {
            pending = jdbc.sql("""
                    select count(*) from search_outbox
                     where processed_at is null and listing_id in (select id from listing where seller_id = ?)""")
                    .param(sellerId).query(Long.class).single();
            if (pending > 0) {
                Thread.sleep(500);
            }
        } while (pending > 0 && System.nanoTime() < deadline);
        List<UUID> listings = jdbc.sql("select id from listing where seller_id = ?").param(sellerId).query(UUID.class).list();
        int holds = jdbc.sql("delete from reservation where listing_id in (select id from listing where seller_id = ?)")
                .param(sellerId).update();
        jdbc.sql("delete from search_outbox where listing_id in (select id from listing where seller_id = ?)")
                .param(sellerId).update();
        jdbc.sql("delete from listing where seller_id = ?").param(sellerId).update();
        if (listings.isEmpty()) {
            return;
        }
        // Deleted rows never reach the index through the outbox; a plain bulk delete (this Elasticsearch build has
        // no _delete_by_query) removes the documents of those that were indexed.
        StringBuilder deletes = new StringBuilder();
        listings.forEach(id -> deletes.append("{\"delete\": {\"_id\": \"").append(id).append("\"}}\n"));
        Request bulk = new Request("POST", "/" + index.alias() + "/_bulk");
        bulk.addParameter("refresh", "true");
        bulk.setEntity(new StringEntity(deletes.toString(),
                ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        JsonNode answer = json.readTree(rest.performRequest(bulk).getEntity().getContent());
        long documents = 0;
        for (JsonNode item : answer.path("items")) {
            documents += "deleted".equals(item.path("delete").path("result").asText()) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "cleaned up: %,d reservations, %,d listings, %,d indexed documents%n", holds,
                listings.size(), documents);
    }

    private static UUID id(JsonNode listing) {
        return UUID.fromString(listing.get("id").asText());
    }

    @SafeVarargs
    private static <T> List<T> concat(T[]... arrays) {
        List<T> all = new ArrayList<>();
        for (T[] array : arrays) {
            all.addAll(Arrays.asList(array));
        }
        return all;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
