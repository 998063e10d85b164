package org.boucle.engine.allocation;

/** What one constraint adds to a score (negative: a penalty). */
public record ConstraintScore(AllocationConstraint constraint, long hard, long soft) {
}
