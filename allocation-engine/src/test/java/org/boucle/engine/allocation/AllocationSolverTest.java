package org.boucle.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.boucle.engine.allocation.Fixtures.association;
import static org.boucle.engine.allocation.Fixtures.buyer;
import static org.boucle.engine.allocation.Fixtures.laptops;
import static org.boucle.engine.allocation.Fixtures.problem;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AllocationSolverTest {

    @Test
    void reportsEachBetterPlanAndStopsWhenAsked() throws Exception {
        AllocationProblem problem = SyntheticTerritory.generate(7, 2_000, 200);
        List<AllocationProgress> progress = new CopyOnWriteArrayList<>();
        CountDownLatch improved = new CountDownLatch(2);
        try (AllocationSolver solver = new AllocationSolver()) {
            AllocationRun run = solver.start(problem, Duration.ofMinutes(10), update -> {
                progress.add(update);
                improved.countDown();
            });
            assertThat(improved.await(2, TimeUnit.MINUTES)).isTrue();
            run.stop();
            AllocationPlan plan = run.plan().get(1, TimeUnit.MINUTES);

            assertThat(plan.feasible()).isTrue();
            // The best plan only gets better, and the final one is the last reported.
            for (int i = 1; i < progress.size(); i++) {
                assertThat(progress.get(i).score().soft()).isGreaterThanOrEqualTo(progress.get(i - 1).score().soft());
                assertThat(progress.get(i).elapsed()).isGreaterThanOrEqualTo(progress.get(i - 1).elapsed());
            }
            assertThat(plan.score().soft()).isGreaterThanOrEqualTo(progress.get(progress.size() - 1).score().soft());
            // The plan's figures are its assignments' figures, scored again from scratch.
            AllocationPlan again = solver.evaluate(problem, plan.assignments());
            assertThat(again.score()).isEqualTo(plan.score());
            assertThat(again.metrics()).usingRecursiveComparison()
                    .withComparatorForType(Comparator.comparingDouble(d -> Math.round(d * 1e6)), Double.class)
                    .isEqualTo(plan.metrics());
        }
    }

    @Test
    void neverLeavesARunsCallerWaitingWhenClosed() throws Exception {
        AllocationSolver solver = new AllocationSolver();
        AllocationRun run = solver.start(SyntheticTerritory.generate(3, 1_000, 100), Duration.ofMinutes(10),
                progress -> {
                });
        solver.close();
        // Delivered with the best plan so far if the solver got to it, otherwise failed, saying why: done either way.
        Throwable failure = run.plan().handle((plan, error) -> error).get(30, TimeUnit.SECONDS);
        if (failure != null) {
            assertThat(failure).hasMessageContaining("the allocation solver was closed");
        }
    }

    /** Every move's incremental score checked against a full calculation, greedy and local search alike. */
    @Test
    void keepsItsIncrementalScoreRightOnAGeneratedTerritory() {
        AllocationProblem problem = SyntheticTerritory.generate(11, 300, 30);
        try (AllocationSolver solver = new AllocationSolver(
                AllocationSolver.config().withEnvironmentMode(EnvironmentMode.FULL_ASSERT), 1)) {
            AllocationPlan plan = solver.solve(problem, Duration.ofSeconds(3));
            assertThat(plan.feasible()).isTrue();
            assertThat(plan.metrics().unitsToAssociations() + plan.metrics().unitsSold()).isPositive();
        }
    }

    @Test
    void rescoresAPreviousPlanAgainstTodaysSupply() {
        // Last week's plan sent 2 units of "stock" to the buyer; they have since been graded C.
        AllocationProblem today = problem(0, List.of(laptops("stock", 2, Grade.C, 20_000)), buyer("buyer", 2, 30_000));
        try (AllocationSolver solver = new AllocationSolver()) {
            AllocationPlan plan = solver.evaluate(today, List.of(new Assignment("stock", "buyer", 2)));

            assertThat(plan.feasible()).isFalse();
            assertThat(plan.constraints()).contains(new ConstraintScore(AllocationConstraint.COMPATIBLE_EQUIPMENT, -2, 0));
            assertThat(plan.explanations().get(0).contributions())
                    .contains(new ConstraintScore(AllocationConstraint.COMPATIBLE_EQUIPMENT, -2, 0));
        }
    }

    @Test
    void rejectsAssignmentsThatCannotBe() {
        AllocationProblem problem = problem(0, List.of(laptops("stock", 2)), association("asso", 2, 1));
        try (AllocationSolver solver = new AllocationSolver()) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> solver.evaluate(problem, List.of(new Assignment("gone", "asso", 1))))
                    .withMessageContaining("unknown supply [gone]");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> solver.evaluate(problem, List.of(new Assignment("stock", "gone", 1))))
                    .withMessageContaining("unknown demand [gone]");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> solver.evaluate(problem, List.of(new Assignment("stock", "asso", 3))))
                    .withMessageContaining("give 3 units of supply stock, which has 2");
        }
    }

    @Test
    void rejectsATimeLimitOfNothingOrOfHours() {
        AllocationProblem problem = problem(0, List.of(laptops("stock", 2)), association("asso", 2, 1));
        try (AllocationSolver solver = new AllocationSolver()) {
            assertThatIllegalArgumentException().isThrownBy(() -> solver.solve(problem, Duration.ZERO));
            assertThatIllegalArgumentException().isThrownBy(() -> solver.solve(problem, Duration.ofHours(2)));
        }
    }
}
