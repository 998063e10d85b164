package org.boucle.engine.collection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The routing core on the standard VRPTW instances, side by side with jsprit and OR-Tools in the same run, each
 * single-threaded, every solution checked by {@link VrptwChecker}. Reports per instance and solver: vehicles against the
 * best-known solution, the distance gap when the vehicle count matches it, and the time to the first solution serving
 * every customer. See BENCHMARKS.md.
 *
 * <p>{@code -Dbenchmark.timeLimitSeconds=30}, {@code -Dbenchmark.instances=C101,R101} (default: the 10 Solomon ones),
 * {@code -Dbenchmark.peers=jsprit,ortools} (or none), {@code -Dbenchmark.vrptw=path/to/vrptw},
 * {@code -Dbenchmark.threads=2} (the routing core's string removal searches).
 */
@Tag("benchmark")
class VrptwBenchmark {

    private static final int SECONDS = Integer.getInteger("benchmark.timeLimitSeconds", 30);
    private static final String INSTANCES = System.getProperty("benchmark.instances",
            "C101,C102,C201,R101,R102,R201,R208,RC101,RC102,RC201");
    private static final List<String> PEERS = Arrays.stream(System.getProperty("benchmark.peers", "jsprit,ortools")
            .split(",")).filter(peer -> !peer.isBlank()).toList();
    /** The routing core's string removal searches side by side; the peers have one thread each. */
    private static final int THREADS = Integer.getInteger("benchmark.threads", RouteSolving.DEFAULT_SEARCH_THREADS);
    private static final Path DIRECTORY = Path.of(System.getProperty("benchmark.vrptw", "../../shared/benchmarks/vrptw"));

    private record Bks(int vehicles, double distance) {
    }

    private record Row(String solver, VrptwChecker.Result result, double firstFeasible) {
    }

    @Test
    void solvesTheStandardInstances() throws Exception {
        Map<String, Bks> bks = bks();
        Duration limit = Duration.ofSeconds(SECONDS);
        Map<String, BiFunction<SolomonInstance, Duration, VrptwPeers.Outcome>> solvers = new java.util.LinkedHashMap<>();
        solvers.put("Boucle (Timefold)", VrptwBenchmark::boucle);
        if (PEERS.contains("jsprit")) {
            solvers.put("jsprit 1.8", VrptwPeers::jsprit);
        }
        if (PEERS.contains("ortools")) {
            solvers.put("OR-Tools 9.15", VrptwPeers::orTools);
        }
        // Warm each solver's code up on a small instance first, so that no measured run pays for the JIT alone.
        SolomonInstance warmUp = read("C101");
        solvers.values().forEach(solver -> solver.apply(warmUp, Duration.ofSeconds(2)));

        List<String> report = new ArrayList<>();
        report.add("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + "; " + SECONDS + " s per run, one thread per peer, " + THREADS
                + " search threads for Boucle; load average before: " + loadAverage());
        report.add("");
        report.add("| instance | BKS | " + String.join(" | ", solvers.keySet()) + " |");
        report.add("| --- | --- |" + " --- |".repeat(solvers.size()));
        Map<String, List<Row>> all = new HashMap<>();
        for (String name : INSTANCES.split(",")) {
            SolomonInstance instance = read(name);
            Bks best = bks.get(name.toUpperCase(Locale.ROOT));
            StringBuilder line = new StringBuilder("| " + name + " | " + best.vehicles() + " / "
                    + String.format(Locale.ROOT, "%.2f", best.distance()) + " |");
            for (Map.Entry<String, BiFunction<SolomonInstance, Duration, VrptwPeers.Outcome>> solver : solvers.entrySet()) {
                VrptwPeers.Outcome outcome = solver.getValue().apply(instance, limit);
                VrptwChecker.Result result = VrptwChecker.check(instance, outcome.routes());
                all.computeIfAbsent(solver.getKey(), k -> new ArrayList<>())
                        .add(new Row(solver.getKey(), result, outcome.firstFeasibleSeconds()));
                line.append(' ').append(cell(result, best, outcome.firstFeasibleSeconds())).append(" |");
            }
            report.add(line.toString());
            System.out.println(line);
        }
        report.add("");
        report.add("Cells: vehicles (difference to BKS), distance gap to BKS when the vehicle count matches, first feasible "
                + "solution in seconds; ✗ marks a solution the checker rejects. Load average after: " + loadAverage());
        for (Map.Entry<String, List<Row>> solver : all.entrySet()) {
            report.add(summary(solver.getKey(), solver.getValue(), bks));
        }
        String text = String.join("\n", report);
        System.out.println(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "vrptw-benchmark.md"), text + "\n");
        all.values().forEach(rows -> rows.forEach(row -> assertThat(row.result().violations()).as(row.solver()).isEmpty()));
    }

    /** The routing core as the planner runs it, on the instance's plan, timed to its first plan serving everyone. */
    static VrptwPeers.Outcome boucle(SolomonInstance instance, Duration limit) {
        Solver<RoutePlan> solver = SolverFactory.<RoutePlan>create(RouteSolving.config(THREADS)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit))).buildSolver();
        long started = System.nanoTime();
        AtomicLong firstFeasible = new AtomicLong(-1);
        solver.addEventListener(event -> {
            BendableLongScore score = (BendableLongScore) event.getNewBestScore();
            if (score.isFeasible() && score.softScore(RoutePlan.UNSERVED) == 0) {
                firstFeasible.compareAndSet(-1, System.nanoTime() - started);
            }
        });
        RoutePlan best = solver.solve(SolomonModel.plan(instance).withTimeLimit(limit));
        System.out.printf(Locale.ROOT, "%s: %,d local search moves evaluated a second (0: string removal had the time)%n",
                instance.name(),
                ((ai.timefold.solver.core.impl.solver.DefaultSolver<RoutePlan>) solver).getMoveEvaluationSpeed());
        long first = firstFeasible.get();
        return new VrptwPeers.Outcome(SolomonModel.routes(best), first < 0 ? Double.NaN : first / 1e9);
    }

    private static String cell(VrptwChecker.Result result, Bks best, double firstFeasible) {
        if (!result.feasible()) {
            return "✗ " + result.violations().get(0);
        }
        int extra = result.vehicles() - best.vehicles();
        String gap = extra == 0 ? String.format(Locale.ROOT, "%+.2f %%", 100 * (result.distance() / best.distance() - 1))
                : String.format(Locale.ROOT, "(%.2f)", result.distance());
        return String.format(Locale.ROOT, "%d (%+d) %s, %.1f s", result.vehicles(), extra, gap, firstFeasible);
    }

    private static String summary(String solver, List<Row> rows, Map<String, Bks> bks) {
        long feasible = rows.stream().filter(row -> row.result().feasible()).count();
        long extraVehicles = 0;
        int matching = 0;
        double gaps = 0;
        List<String> names = Arrays.asList(INSTANCES.split(","));
        for (int i = 0; i < rows.size(); i++) {
            Bks best = bks.get(names.get(i).toUpperCase(Locale.ROOT));
            VrptwChecker.Result result = rows.get(i).result();
            extraVehicles += result.vehicles() - best.vehicles();
            if (result.vehicles() == best.vehicles()) {
                matching++;
                gaps += result.distance() / best.distance() - 1;
            }
        }
        return String.format(Locale.ROOT, "- %s: %d/%d feasible, BKS vehicle count on %d, %d vehicles over BKS in all, "
                + "mean gap where the count matches %.2f %%", solver, feasible, rows.size(), matching, extraVehicles,
                matching == 0 ? Double.NaN : 100 * gaps / matching);
    }

    private static SolomonInstance read(String name) throws IOException {
        try (var files = Files.list(DIRECTORY)) {
            Path file = files.filter(path -> path.getFileName().toString().equalsIgnoreCase(name + ".txt")).findFirst()
                    .orElseThrow(() -> new IOException("no instance " + name + " in " + DIRECTORY.toAbsolutePath()));
            return SolomonInstance.read(file);
        }
    }

    private static Map<String, Bks> bks() throws IOException {
        Map<String, Bks> bks = new HashMap<>();
        for (String line : Files.readAllLines(DIRECTORY.resolve("bks.csv")).subList(1,
                Files.readAllLines(DIRECTORY.resolve("bks.csv")).size())) {
            String[] fields = line.split(",", 4);
            bks.put(fields[0].toUpperCase(Locale.ROOT), new Bks(Integer.parseInt(fields[1]), Double.parseDouble(fields[2])));
        }
        return bks;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
