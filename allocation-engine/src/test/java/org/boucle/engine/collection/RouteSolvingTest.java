package org.boucle.engine.collection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search's own phases and moves under Timefold's full assertions: every move's score is recomputed from scratch
 * and compared, every undo checked. A corrupted shadow variable or a move that lies about what it changed fails here.
 * With string removal (the planner's configuration, which writes its routes back after each slice), and without it
 * (construction, ejection search, then local search with near moves and route removal).
 */
class RouteSolvingTest {

    private static RoutePlan solveAsserted(RoutePlan plan, int searchThreads) {
        return SolverFactory.<RoutePlan>create(RouteSolving.config(searchThreads)
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(3)))).buildSolver()
                .solve(plan);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void collectionPlansKeepTheirScoresTrue(int searchThreads) {
        RoutePlan solved = solveAsserted(CollectionModel.plan(DemoTerritory.generate(7, 25)), searchThreads);
        assertThat(solved.score().isFeasible()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void vrptwPlansKeepTheirScoresTrue(int searchThreads) {
        Random random = new Random(3);
        List<SolomonInstance.Node> nodes = new ArrayList<>();
        nodes.add(new SolomonInstance.Node(0, 50, 50, 0, 0, 400, 0));
        for (int i = 1; i <= 30; i++) {
            double ready = random.nextInt(250);
            nodes.add(new SolomonInstance.Node(i, random.nextInt(100), random.nextInt(100), 5 + random.nextInt(20), ready,
                    ready + 30 + random.nextInt(60), 10));
        }
        SolomonInstance instance = new SolomonInstance("RANDOM30", 12, 100, nodes);
        RoutePlan solved = solveAsserted(SolomonModel.plan(instance), searchThreads);
        VrptwChecker.Result result = VrptwChecker.check(instance, SolomonModel.routes(solved));
        assertThat(result.violations()).isEmpty();
    }
}
