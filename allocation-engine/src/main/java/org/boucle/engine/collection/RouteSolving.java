package org.boucle.engine.collection;

import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * How the routing core searches, one configuration for collection plans and the VRPTW benchmark alike: a sequential
 * insertion with route elimination ({@link RouteConstruction}), an ejection search for fewer routes
 * ({@link RouteSqueeze}), then late acceptance over Timefold's list moves (change, swap, k-opt) and ours
 * ({@link RouteMoves}: near moves, route removal).
 */
final class RouteSolving {

    /** Measured on the VRPTW benchmark at 10 s: 100 reaches a lower distance than Timefold's default 400. */
    private static final int LATE_ACCEPTANCE = 100;

    private RouteSolving() {
    }

    static SolverConfig config() {
        return new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(VehicleDay.class, Visit.class)
                .withConstraintProviderClass(RouteConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new RouteConstruction()),
                        new CustomPhaseConfig().withCustomPhaseCommands(new RouteSqueeze()),
                        new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                                        new ListChangeMoveSelectorConfig(), new ListSwapMoveSelectorConfig(),
                                        new KOptListMoveSelectorConfig(),
                                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RouteMoves.class)))
                                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE))
                                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }
}
