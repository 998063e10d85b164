package org.boucle.engine.collection;

import ai.timefold.solver.core.api.solver.SolverJob;
import java.util.concurrent.CompletableFuture;

/** A run under way: its plan arrives when the time limit is reached or when it is stopped. */
public final class CollectionRun {

    private final SolverJob<RoutePlan, Long> job;
    private final CompletableFuture<CollectionPlan> plan;

    CollectionRun(SolverJob<RoutePlan, Long> job, CompletableFuture<CollectionPlan> plan) {
        this.job = job;
        this.plan = plan;
    }

    /** The best plan found; completes exceptionally if the run failed. */
    public CompletableFuture<CollectionPlan> plan() {
        return plan;
    }

    /** Ends the run now: {@link #plan()} then completes with the best plan found so far. */
    public void stop() {
        job.terminateEarly();
    }
}
