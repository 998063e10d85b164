package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.solver.SolverJob;
import java.util.concurrent.CompletableFuture;

/** A run under way: its plan arrives when the time limit is reached or when it is stopped. */
public final class AllocationRun {

    private final SolverJob<AllocationSolution, Long> job;
    private final CompletableFuture<AllocationPlan> plan;

    AllocationRun(SolverJob<AllocationSolution, Long> job, CompletableFuture<AllocationPlan> plan) {
        this.job = job;
        this.plan = plan;
    }

    /**
     * The best plan found, with its explanation; completes exceptionally if the run failed (never leaves a caller
     * waiting on a dead run).
     */
    public CompletableFuture<AllocationPlan> plan() {
        return plan;
    }

    /** Ends the run now: {@link #plan()} then completes with the best plan found so far. */
    public void stop() {
        job.terminateEarly();
    }
}
