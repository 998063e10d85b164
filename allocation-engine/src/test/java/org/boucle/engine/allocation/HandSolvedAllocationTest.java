package org.boucle.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.engine.allocation.Fixtures.association;
import static org.boucle.engine.allocation.Fixtures.buyer;
import static org.boucle.engine.allocation.Fixtures.laptops;
import static org.boucle.engine.allocation.Fixtures.problem;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The solver finds the optimum of an instance small enough to solve by hand, with every move's score checked. */
class HandSolvedAllocationTest {

    /**
     * Two grade A laptops at 300 €, two grade C at 120 €; a buyer wants 2 (grade B at least, up to 350 €), an
     * association of priority 2 wants 2 as donations; the fund is empty.
     *
     * <p>The buyer can only take the grade A units, and each sale brings the fund 5 % of 300 € = 15 €. A donated
     * unit costs the fund its fixed fees, 25 + 0.88 = 25.88 €. So the association can have one unit only if the buyer
     * has both grade A units (30 € ≥ 25.88 €; 51.76 € for two would be more than 30 €), and with one sale (15 €) none.
     * The plans that keep viability:
     * <ul>
     * <li>buyer 2 A, association 1 C: 600 € revenue + 2 × 50 € social value − 50 € × 2 × (1/2)² fairness = 675 €;</li>
     * <li>buyer 2 A, association nothing: 600 € − 50 € × 2 × 1² = 500 €;</li>
     * <li>buyer 1 A, association nothing: 300 € − 100 € = 200 €; nothing at all: −100 €.</li>
     * </ul>
     * Everything is delivered on site (no transport) and no lot is involved: the optimum is 675 €, 675,000,000 µ€.
     */
    @Test
    void findsTheOptimumAViableFundAllows() {
        AllocationProblem problem = problem(0,
                List.of(laptops("grade-A", 2, Grade.A, 30_000), laptops("grade-C", 2, Grade.C, 12_000)),
                buyer("buyer", 2, 35_000), association("asso", 2, 2));
        try (AllocationSolver solver = new AllocationSolver(
                AllocationSolver.config().withEnvironmentMode(EnvironmentMode.FULL_ASSERT), 1)) {
            AllocationPlan plan = solver.solve(problem, Duration.ofSeconds(2));

            assertThat(plan.score()).isEqualTo(new PlanScore(0, 675_000_000));
            assertThat(plan.assignments()).containsExactly(new Assignment("grade-A", "buyer", 2),
                    new Assignment("grade-C", "asso", 1));
            // Revenue 600 €; subsidies 25.88 €, less than the sales' 30 € share: the balance is untouched. Three
            // reused laptops avoid 3 × 182.6 kg CO2e.
            assertThat(plan.metrics()).isEqualTo(new PlanMetrics(1, 2, 60_000, 2_588, 0, 0, 3 * 182.6));
            assertThat(plan.explanations()).extracting(DemandExplanation::demandId, DemandExplanation::allocated,
                    DemandExplanation::reason).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("buyer", 2, ShortfallReason.NONE),
                            org.assertj.core.groups.Tuple.tuple("asso", 1, ShortfallReason.SOLIDARITY_FUND_LIMIT));
        }
    }
}
