package org.boucle.engine.allocation;

import java.util.List;

/**
 * Why a demand got what it got: the supply that could have served it, filter by filter, where those units went, and
 * what the demand weighs in each constraint.
 *
 * @param matchingUnits units of its category, specs and grade
 * @param matchingUnitsInTime those available by its latest date
 * @param candidateUnits those also within its price rules: what it could receive
 * @param candidateUnitsToOthers candidate units that went to other demands
 * @param candidateUnitsUnassigned candidate units the plan leaves unassigned
 * @param contributions its share of each constraint's score (transport, value, fairness...)
 */
public record DemandExplanation(String demandId, DemandKind kind, int requested, int allocated, int matchingUnits,
        int matchingUnitsInTime, int candidateUnits, int candidateUnitsToOthers, int candidateUnitsUnassigned,
        ShortfallReason reason, List<ConstraintScore> contributions) {

    public DemandExplanation {
        contributions = List.copyOf(contributions);
    }
}
