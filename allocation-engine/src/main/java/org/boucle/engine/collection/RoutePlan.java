package org.boucle.engine.collection;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import java.time.Duration;
import java.util.List;

/**
 * The routing core's working plan: the routes (vehicle-days) and the pickups they may take. Its score is
 * hierarchical, every level beating any amount of the next: hard constraints; lots left uncollected, weighted by
 * urgency; accepted pickups moved; routes driven; then cost (distance and time).
 */
@PlanningSolution
final class RoutePlan {

    static final int HARD_LEVELS = 1;
    static final int SOFT_LEVELS = 4;
    static final int UNSERVED = 0;
    static final int MOVED = 1;
    static final int ROUTES = 2;
    static final int COST = 3;

    @ProblemFactCollectionProperty
    private List<Drop> drops;
    @PlanningEntityCollectionProperty
    private List<VehicleDay> vehicleDays;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;
    @PlanningScore(bendableHardLevelsSize = HARD_LEVELS, bendableSoftLevelsSize = SOFT_LEVELS)
    private BendableLongScore score;
    /** How long the whole search may take, if known, and when it started: string removal anneals over what is left. */
    private Duration timeLimit;
    private long startedNanos;

    RoutePlan(List<Drop> drops, List<VehicleDay> vehicleDays, List<Visit> visits) {
        this.drops = drops;
        this.vehicleDays = vehicleDays;
        this.visits = visits;
    }

    @SuppressWarnings("unused") // for the solver's cloner
    private RoutePlan() {
    }

    List<Drop> drops() {
        return drops;
    }

    List<VehicleDay> vehicleDays() {
        return vehicleDays;
    }

    List<Visit> visits() {
        return visits;
    }

    BendableLongScore score() {
        return score;
    }

    RoutePlan withTimeLimit(Duration timeLimit) {
        this.timeLimit = timeLimit;
        return this;
    }

    /** Called by the first phase. */
    void startClock() {
        startedNanos = System.nanoTime();
    }

    /** When the search started (by {@link System#nanoTime()}), or now if the clock was not started. */
    long searchStartedNanos() {
        return startedNanos == 0 ? System.nanoTime() : startedNanos;
    }

    /** When the search's time limit is up, or {@code fallback} after its start when the limit is not known. */
    long searchEndNanos(Duration fallback) {
        return searchStartedNanos() + (timeLimit == null ? fallback : timeLimit).toNanos();
    }
}
