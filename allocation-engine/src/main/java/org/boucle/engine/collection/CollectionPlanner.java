package org.boucle.engine.collection;

import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Plans pooled collection routes: starts runs that report their best plan as it improves and can be stopped.
 * Thread-safe; one instance per application, closed with it.
 */
public final class CollectionPlanner implements AutoCloseable {

    private static final Duration MAX_TIME_LIMIT = Duration.ofHours(1);

    private final SolverManager<RoutePlan, Long> solverManager;
    private final AtomicLong runIds = new AtomicLong();
    /** Plans not delivered yet: closing the planner fails them rather than leave their callers waiting. */
    private final Set<CompletableFuture<CollectionPlan>> pending = ConcurrentHashMap.newKeySet();

    /** Runs one plan at a time; more wait their turn. */
    public CollectionPlanner() {
        this(1);
    }

    /**
     * @param parallelRuns how many runs may solve at once; each searches with as many threads as the cores allow
     *        between them, two at most
     */
    public CollectionPlanner(int parallelRuns) {
        this(parallelRuns, Math.max(1, Math.min(RouteSolving.DEFAULT_SEARCH_THREADS,
                Runtime.getRuntime().availableProcessors() / Math.max(1, parallelRuns))));
    }

    /**
     * @param parallelRuns how many runs may solve at once
     * @param searchThreads how many independent searches each run has side by side, each on its own thread
     */
    public CollectionPlanner(int parallelRuns, int searchThreads) {
        if (parallelRuns < 1) {
            throw new IllegalArgumentException("at least one run at a time");
        }
        if (searchThreads < 1) {
            throw new IllegalArgumentException("at least one search thread per run");
        }
        this.solverManager = SolverManager.create(SolverFactory.create(RouteSolving.config(searchThreads)),
                new SolverManagerConfig().withParallelSolverCount(Integer.toString(parallelRuns)));
    }

    /**
     * Starts a run.
     *
     * @param timeLimit when to stop at the latest (at most an hour)
     * @param onProgress called with each new best plan, on the solver's event thread: keep it short
     */
    public CollectionRun start(CollectionProblem problem, Duration timeLimit, Consumer<CollectionProgress> onProgress) {
        Objects.requireNonNull(problem, "problem is required");
        Objects.requireNonNull(onProgress, "onProgress is required (ignored -> {})");
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
            throw new IllegalArgumentException("the time limit is above 0 and at most " + MAX_TIME_LIMIT + ": " + timeLimit);
        }
        RoutePlan model = CollectionModel.plan(problem).withTimeLimit(timeLimit);
        CollectionReport report = new CollectionReport(problem);
        CompletableFuture<CollectionPlan> plan = new CompletableFuture<>();
        pending.add(plan);
        plan.whenComplete((done, failure) -> pending.remove(plan));
        long started = System.nanoTime();
        SolverJob<RoutePlan, Long> job = solverManager.solveBuilder()
                .withProblemId(runIds.incrementAndGet())
                .withProblem(model)
                .withConfigOverride(new SolverConfigOverride<RoutePlan>()
                        .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit)))
                .withBestSolutionEventConsumer(event -> onProgress.accept(progress(event.solution(),
                        Duration.ofNanos(System.nanoTime() - started))))
                .withFinalBestSolutionConsumer(best -> {
                    try {
                        plan.complete(report.plan(best));
                    } catch (RuntimeException e) {
                        plan.completeExceptionally(e);
                    }
                })
                .withExceptionHandler((id, failure) -> plan.completeExceptionally(failure))
                .run();
        return new CollectionRun(job, plan);
    }

    /** Solves for {@code timeLimit} and returns the best plan. */
    public CollectionPlan solve(CollectionProblem problem, Duration timeLimit) {
        return start(problem, timeLimit, progress -> {
        }).plan().join();
    }

    private static CollectionProgress progress(RoutePlan plan, Duration elapsed) {
        int routes = (int) plan.vehicleDays().stream().filter(route -> !route.visits().isEmpty()).count();
        int unserved = plan.visits().stream().filter(visit -> visit.vehicleDay() == null)
                .mapToInt(visit -> visit.lotIds().size()).sum();
        return new CollectionProgress(elapsed, CollectionReport.score(plan.score()), plan.score().isFeasible(), routes,
                unserved);
    }

    /** Ends every run; plans not delivered by then fail with an {@link IllegalStateException}. */
    @Override
    public void close() {
        solverManager.close();
        pending.forEach(plan -> plan.completeExceptionally(new IllegalStateException("the collection planner was closed")));
    }
}
