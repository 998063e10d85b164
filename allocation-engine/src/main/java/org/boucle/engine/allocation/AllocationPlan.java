package org.boucle.engine.allocation;

import java.util.List;

/**
 * A plan: which units go where, what it achieves, its score and why.
 *
 * @param assignments one per supply batch and demand, by supply then demand id
 * @param constraints each constraint's part of the score
 * @param explanations one per demand, in the problem's order
 */
public record AllocationPlan(List<Assignment> assignments, PlanMetrics metrics, PlanScore score,
        List<ConstraintScore> constraints, List<DemandExplanation> explanations) {

    public AllocationPlan {
        assignments = List.copyOf(assignments);
        constraints = List.copyOf(constraints);
        explanations = List.copyOf(explanations);
    }

    public boolean feasible() {
        return score.feasible();
    }
}
