package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.List;

/**
 * The solver's working plan. One soft level: every soft goal is weighed in euros ({@link AllocationWeights}), so
 * that coordinators trade them off explicitly instead of an order in which any amount of one goal beats any amount of
 * the next (social value above everything would let a plan give away what finances the fund).
 */
@PlanningSolution
final class AllocationSolution {

    @ProblemFactCollectionProperty
    private List<Recipient> recipients;
    @ProblemFactProperty
    private SolidarityFund fund;
    @PlanningEntityCollectionProperty
    private List<SupplyUnit> units;
    @PlanningScore
    private HardSoftLongScore score;

    AllocationSolution(List<Recipient> recipients, SolidarityFund fund, List<SupplyUnit> units) {
        this.recipients = recipients;
        this.fund = fund;
        this.units = units;
    }

    @SuppressWarnings("unused") // for the solver's solution cloner
    private AllocationSolution() {
    }

    List<Recipient> recipients() {
        return recipients;
    }

    SolidarityFund fund() {
        return fund;
    }

    List<SupplyUnit> units() {
        return units;
    }

    HardSoftLongScore score() {
        return score;
    }
}
