package org.boucle.engine.allocation;

/**
 * A plan's score: the hard level counts broken rules (0 when feasible), the soft level is what the plan is worth under
 * the weights (higher is better), in millionths of a euro: per-unit transport emissions are worth fractions of a cent,
 * and rounding them to cents would make transport weigh nothing.
 */
public record PlanScore(long hard, long soft) {

    /** Soft score units in a euro cent. */
    public static final long SOFT_PER_CENT = 10_000;

    public boolean feasible() {
        return hard == 0;
    }

    @Override
    public String toString() {
        return hard + "hard/" + soft + "soft";
    }
}
