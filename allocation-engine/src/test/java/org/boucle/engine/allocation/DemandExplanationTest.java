package org.boucle.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.engine.allocation.Fixtures.association;
import static org.boucle.engine.allocation.Fixtures.buyer;
import static org.boucle.engine.allocation.Fixtures.laptops;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each demand's explanation follows its would-be units filter by filter, on plans given by hand. */
class DemandExplanationTest {

    private final AllocationSolver solver = new AllocationSolver();

    @Test
    void tellsWhereEachShortfallComesFrom() {
        Demand tablets = new Demand("tablets", DemandKind.BUYER, "TABLET", 2, Specs.NONE, Grade.C, Fixtures.DUE,
                Fixtures.GRENOBLE, 20_000, 0, 0);
        Demand hurried = new Demand("hurried", DemandKind.BUYER, "LAPTOP", 1, Specs.NONE, Grade.C,
                LocalDate.of(2027, 1, 5), Fixtures.GRENOBLE, 30_000, 0, 0);
        AllocationProblem problem = new AllocationProblem(List.of(laptops("stock", 4), laptops("spare", 1)),
                List.of(tablets, hurried, buyer("poor", 1, 10_000), buyer("served", 3, 30_000),
                        buyer("second", 2, 30_000), association("waiting", 2, 1)),
                100_000);
        // 3 of the 4 units of stock go to "served", the spare to "second"; one unit of stock stays free.
        AllocationPlan plan = solver.evaluate(problem, List.of(new Assignment("stock", "served", 3),
                new Assignment("spare", "second", 1)));
        Map<String, DemandExplanation> byDemand = plan.explanations().stream()
                .collect(Collectors.toMap(DemandExplanation::demandId, Function.identity()));

        assertThat(byDemand.get("tablets").reason()).isEqualTo(ShortfallReason.NO_MATCHING_EQUIPMENT);
        // Due on 5 January, the stock arrives on the 10th: 5 matching units, none in time.
        assertThat(byDemand.get("hurried")).extracting(DemandExplanation::matchingUnits,
                DemandExplanation::matchingUnitsInTime, DemandExplanation::reason)
                .containsExactly(5, 0, ShortfallReason.NOT_AVAILABLE_IN_TIME);
        assertThat(byDemand.get("poor")).extracting(DemandExplanation::matchingUnitsInTime,
                DemandExplanation::candidateUnits, DemandExplanation::reason)
                .containsExactly(5, 0, ShortfallReason.PRICE_OUT_OF_REACH);
        assertThat(byDemand.get("served").reason()).isEqualTo(ShortfallReason.NONE);
        // "waiting" could take the stock's fourth unit, which the plan leaves unassigned, and the fund could pay.
        assertThat(byDemand.get("waiting")).extracting(DemandExplanation::candidateUnits,
                DemandExplanation::candidateUnitsToOthers, DemandExplanation::candidateUnitsUnassigned,
                DemandExplanation::reason)
                .containsExactly(5, 4, 1, ShortfallReason.NOT_WORTH_ITS_COST);
        // "second" has the spare; its other candidates went to "served", one is still free.
        assertThat(byDemand.get("second")).extracting(DemandExplanation::allocated,
                DemandExplanation::candidateUnitsToOthers, DemandExplanation::candidateUnitsUnassigned)
                .containsExactly(1, 3, 1);
        // Its share of the score: one sale at 200 €.
        assertThat(byDemand.get("second").contributions())
                .containsExactly(new ConstraintScore(AllocationConstraint.VALUE_TO_THE_CHAIN, 0, 200_000_000));
    }

    @Test
    void blamesCompetitionOrScarcityWhenNothingIsLeft() {
        AllocationProblem problem = new AllocationProblem(List.of(laptops("stock", 3)),
                List.of(buyer("first", 2, 30_000), buyer("second", 2, 30_000)), 0);
        AllocationPlan plan = solver.evaluate(problem, List.of(new Assignment("stock", "first", 2),
                new Assignment("stock", "second", 1)));

        // "first" got all it asked; "second" got the last unit: the other two went to "first".
        assertThat(plan.explanations()).extracting(DemandExplanation::reason)
                .containsExactly(ShortfallReason.NONE, ShortfallReason.SUPPLY_WENT_TO_OTHERS);

        AllocationPlan alone = solver.evaluate(new AllocationProblem(List.of(laptops("stock", 3)),
                List.of(buyer("only", 5, 30_000)), 0), List.of(new Assignment("stock", "only", 3)));
        assertThat(alone.explanations().get(0).reason()).isEqualTo(ShortfallReason.NOT_ENOUGH_SUPPLY);
    }
}
