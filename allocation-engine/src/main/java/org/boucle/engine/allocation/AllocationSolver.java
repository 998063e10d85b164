package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Allocates a territory's supply to its demand: starts runs that report their best plan as it improves and can be
 * stopped, and re-scores plans made elsewhere (the previous plan, to compare). Thread-safe; one instance per
 * application, closed with it.
 */
public final class AllocationSolver implements AutoCloseable {

    private static final Duration MAX_TIME_LIMIT = Duration.ofHours(1);
    /** Measured on the benchmark's 5,000 units: 50 and 100 beat 20 and 400. */
    private static final int LATE_ACCEPTANCE = 50;

    private final SolverManager<AllocationSolution, Long> solverManager;
    private final SolutionManager<AllocationSolution, HardSoftLongScore> solutionManager;
    private final AtomicLong runIds = new AtomicLong();
    /** Plans not delivered yet: closing the solver fails them rather than leave their callers waiting. */
    private final Set<CompletableFuture<AllocationPlan>> pending = ConcurrentHashMap.newKeySet();

    /** Runs one plan at a time; more wait their turn. */
    public AllocationSolver() {
        this(1);
    }

    /** @param parallelRuns how many runs may solve at once, each on its own thread */
    public AllocationSolver(int parallelRuns) {
        this(config(), parallelRuns);
    }

    AllocationSolver(SolverConfig config, int parallelRuns) {
        if (parallelRuns < 1) {
            throw new IllegalArgumentException("at least one run at a time");
        }
        SolverFactory<AllocationSolution> factory = SolverFactory.create(config);
        this.solverManager = SolverManager.create(factory,
                new SolverManagerConfig().withParallelSolverCount(Integer.toString(parallelRuns)));
        this.solutionManager = SolutionManager.create(factory);
    }

    /**
     * A greedy first plan ({@link GreedyConstruction}), then late acceptance over three kinds of moves drawn at random:
     * a planning unit to another recipient or none, two planning units swapping recipients, and the capacity-aware
     * reassignments of {@link Reassignments}. Each helps: without swaps, or without reassignments, the plan at 30 s
     * is clearly worse (BENCHMARKS.md).
     */
    static SolverConfig config() {
        return new SolverConfig()
                .withSolutionClass(AllocationSolution.class)
                .withEntityClasses(SupplyUnit.class)
                .withConstraintProviderClass(AllocationConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new GreedyConstruction()),
                        new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                                        new ChangeMoveSelectorConfig(), new SwapMoveSelectorConfig(),
                                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(Reassignments.class)))
                                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE))
                                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }

    /**
     * Starts a run.
     *
     * @param timeLimit when to stop at the latest (at most an hour)
     * @param onProgress called with each new best plan, on the solver's event thread: keep it short
     */
    public AllocationRun start(AllocationProblem problem, Duration timeLimit, Consumer<AllocationProgress> onProgress) {
        Objects.requireNonNull(problem, "problem is required");
        Objects.requireNonNull(onProgress, "onProgress is required (ignored -> {})");
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(MAX_TIME_LIMIT) > 0) {
            throw new IllegalArgumentException("the time limit is above 0 and at most " + MAX_TIME_LIMIT + ": " + timeLimit);
        }
        AllocationSolution solution = PlanningUnits.of(problem);
        CompletableFuture<AllocationPlan> plan = new CompletableFuture<>();
        pending.add(plan);
        plan.whenComplete((done, failure) -> pending.remove(plan));
        long started = System.nanoTime();
        SolverJob<AllocationSolution, Long> job = solverManager.solveBuilder()
                .withProblemId(runIds.incrementAndGet())
                .withProblem(solution)
                .withConfigOverride(new SolverConfigOverride<AllocationSolution>()
                        .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit)))
                .withBestSolutionEventConsumer(event -> onProgress.accept(new AllocationProgress(
                        Duration.ofNanos(System.nanoTime() - started), PlanReport.score(event.solution().score()),
                        PlanReport.metrics(event.solution()))))
                .withFinalBestSolutionConsumer(best -> {
                    try {
                        plan.complete(report(best));
                    } catch (RuntimeException e) {
                        plan.completeExceptionally(e);
                    }
                })
                .withExceptionHandler((id, failure) -> plan.completeExceptionally(failure))
                .run();
        return new AllocationRun(job, plan);
    }

    /** Solves for {@code timeLimit} and returns the best plan. */
    public AllocationPlan solve(AllocationProblem problem, Duration timeLimit) {
        return start(problem, timeLimit, progress -> {
        }).plan().join();
    }

    /**
     * Scores and explains a plan made elsewhere, such as the accepted plan of a previous run against today's supply
     * and demand: assignments that no longer fit show as broken hard constraints.
     *
     * @throws IllegalArgumentException for assignments to unknown supply or demand, or more units than a batch has
     */
    public AllocationPlan evaluate(AllocationProblem problem, List<Assignment> assignments) {
        return report(PlanningUnits.of(problem, assignments));
    }

    private AllocationPlan report(AllocationSolution solution) {
        ScoreAnalysis<HardSoftLongScore> analysis = solutionManager.analyze(solution, ScoreAnalysisFetchPolicy.FETCH_ALL);
        return PlanReport.plan(solution, analysis);
    }

    /** Ends every run; plans not delivered by then fail with an {@link IllegalStateException}. */
    @Override
    public void close() {
        solverManager.close();
        pending.forEach(plan -> plan.completeExceptionally(new IllegalStateException("the allocation solver was closed")));
    }
}
