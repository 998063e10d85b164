package org.boucle.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The allocation engine against an exact reference (see BENCHMARKS.md): for each territory size, a seeded
 * {@link SyntheticTerritory}, the best soft score any plan can reach ({@link FlowReference}, computed outside the
 * solver), then one run through {@link AllocationSolver} as the web part will start it, recording every new best plan.
 * Reports the gap to the reference over time, the time to the first feasible plan, the CPU the run got and the load
 * of the machine meanwhile.
 *
 * <p>On a shared machine, {@code -Dbenchmark.cpuBudget=true} stops each run when the process has used its time limit in
 * CPU seconds rather than in wall seconds, and reads the curve in CPU seconds too: what a quiet machine would give it,
 * give or take the garbage collector and the JIT compiler, which count against the run.
 */
@Tag("benchmark")
class AllocationBenchmark {

    /** Units, demands and time limit in seconds, per territory. */
    private static final String SIZES = System.getProperty("benchmark.sizes", "500:50:10,5000:500:30,20000:2000:120");
    private static final long[] SEEDS = Arrays.stream(System.getProperty("benchmark.seeds", "42").split(","))
            .mapToLong(Long::parseLong).toArray();
    private static final boolean CPU_BUDGET = Boolean.getBoolean("benchmark.cpuBudget");
    private static final int[] CHECKPOINTS = {1, 2, 5, 10, 30, 60, 120};

    private record Point(double wallSeconds, double cpuSeconds, PlanScore score, int unitsPlaced) {
    }

    @Test
    void allocatesTerritoriesCloseToTheExactReference() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + cpuModel() + ", Java "
                + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; clock: "
                + (CPU_BUDGET ? "process CPU seconds" : "wall seconds") + "; load average before: " + loadAverage());
        report.add("");
        report.add("| units × demands (seed) | limit | reference bound (€) | reference's own plan | first feasible | first plan "
                + "placing units | gap at " + String.join(" / ", Arrays.stream(CHECKPOINTS).mapToObj(c -> c + " s").toList())
                + " | final gap | CPU s used / wall s | load (1 min) during |");
        report.add("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |");
        try (AllocationSolver solver = new AllocationSolver()) {
            // Warm the JIT on a small territory, so that the first measured run is not the one that pays for it.
            solver.solve(SyntheticTerritory.generate(1, 1_000, 100), Duration.ofSeconds(5));
            for (String size : SIZES.split(",")) {
                String[] parts = size.split(":");
                for (long seed : SEEDS) {
                    report.add(run(solver, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                            Integer.parseInt(parts[2]), seed));
                    System.out.println(report.get(report.size() - 1));
                }
            }
        }
        report.add("");
        report.add("Load average after: " + loadAverage());
        String text = String.join("\n", report);
        System.out.println(text);
        Files.writeString(Path.of("target", "allocation-benchmark.md"), text + "\n");
    }

    private String run(AllocationSolver solver, int units, int demands, int seconds, long seed) throws Exception {
        AllocationProblem problem = SyntheticTerritory.generate(seed, units, demands);
        FlowReference.Result reference = new FlowReference(problem).solve(30);
        PlanScore referencePlan = solver.evaluate(problem, reference.bestPlan()).score();
        double bound = reference.upperBound();

        List<Point> points = new CopyOnWriteArrayList<>();
        List<Double> loads = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> loads.add(Double.parseDouble(loadAverage().split(" ")[0])), 0, 1,
                TimeUnit.SECONDS);
        long cpuStart = processCpuNanos();
        long wallStart = System.nanoTime();
        Duration limit = Duration.ofSeconds(seconds);
        AllocationRun run = solver.start(problem, CPU_BUDGET ? Duration.ofSeconds(Math.min(3_600, 20L * seconds)) : limit,
                progress -> points.add(new Point(progress.elapsed().toNanos() / 1e9,
                        (processCpuNanos() - cpuStart) / 1e9, progress.score(),
                        progress.metrics().unitsToAssociations() + progress.metrics().unitsSold())));
        if (CPU_BUDGET) {
            sampler.scheduleAtFixedRate(() -> {
                if (processCpuNanos() - cpuStart >= limit.toNanos()) {
                    run.stop();
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
        }
        AllocationPlan plan = run.plan().get(2, TimeUnit.HOURS);
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        double wall = (System.nanoTime() - wallStart) / 1e9;
        sampler.shutdownNow();

        assertThat(plan.feasible()).isTrue();
        // The reference bounds every plan from above: a plan beyond it would mean the reference is wrong.
        assertThat((double) plan.score().soft()).isLessThanOrEqualTo(bound);
        assertThat((double) referencePlan.soft()).isLessThanOrEqualTo(bound);

        Point firstFeasible = points.stream().filter(p -> p.score().feasible()).findFirst().orElseThrow();
        Point firstPlacing = points.stream().filter(p -> p.score().feasible() && p.unitsPlaced() > 0).findFirst()
                .orElseThrow();
        StringBuilder curve = new StringBuilder();
        for (int checkpoint : CHECKPOINTS) {
            if (checkpoint > seconds) {
                break;
            }
            Point best = null;
            for (Point point : points) {
                if (clock(point) <= checkpoint && point.score().feasible()) {
                    best = point;
                }
            }
            curve.append(curve.isEmpty() ? "" : " / ").append(best == null ? "–" : percent(gap(bound, best.score())));
        }
        double minLoad = loads.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double maxLoad = loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "| %,d × %,d (%d) | %d s | %,.0f | %s in %.1f s | %.1f s | %.1f s | %s | **%s** | %.0f / %.0f | %.1f–%.1f |",
                units, demands, seed, seconds, bound / PlanScore.SOFT_PER_CENT / 100, percent(gap(bound, referencePlan)),
                reference.millis() / 1e3, clock(firstFeasible), clock(firstPlacing), curve, percent(gap(bound, plan.score())), cpu, wall, minLoad,
                maxLoad);
    }

    private static double clock(Point point) {
        return CPU_BUDGET ? point.cpuSeconds() : point.wallSeconds();
    }

    private static double gap(double bound, PlanScore score) {
        return (bound - score.soft()) / bound;
    }

    private static String percent(double gap) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * gap);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
