package org.boucle.marketplace.collection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.boucle.engine.collection.CollectionPlan;
import org.boucle.engine.collection.CollectionPlanner;
import org.boucle.engine.collection.CollectionProblem;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo territory's next working week of pickups, planned from the database as the app plans it: how long until the
 * first feasible plan that collects every lot, and the plan at the time limit. Target (issue 8): within 10 s.
 * Run: see BENCHMARKS.md.
 */
@BoucleTest
@Tag("benchmark")
class DemoCollectionBenchmark {

    private static final int RUNS = Integer.getInteger("benchmark.runs", 3);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);

    @Autowired
    TerritoryPickups pickups;

    @Autowired
    CollectionPlanner planner;

    @Test
    void demoWeek() {
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        long readStarted = System.nanoTime();
        CollectionProblem problem = pickups.problem(monday, monday.plusDays(4));
        long readMillis = (System.nanoTime() - readStarted) / 1_000_000;
        List<Long> allCollected = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            AtomicReference<Duration> firstComplete = new AtomicReference<>();
            CollectionPlan plan = planner.start(problem, Duration.ofSeconds(SECONDS), progress -> {
                if (progress.feasible() && progress.unservedLots() == 0) {
                    firstComplete.compareAndSet(null, progress.elapsed());
                }
            }).plan().join();
            long millis = firstComplete.get() == null ? -1 : firstComplete.get().toMillis();
            allCollected.add(millis);
            System.out.printf("BENCHMARK demo week run %d: %d lots at %d sites, %d vehicles; problem read in %d ms;"
                            + " every lot collected after %d ms; at %d s: %d routes, %.1f km, %d unserved, score %s%n",
                    run, problem.lots().size(), problem.sites().size(), problem.vehicles().size(), readMillis, millis,
                    SECONDS, plan.routes().size(), plan.routes().stream().mapToDouble(CollectionPlan.Route::distanceKm).sum(),
                    plan.unserved().size(), plan.score());
        }
        System.out.println("BENCHMARK demo week: every lot collected after (ms) " + allCollected);
    }
}
