package org.boucle.engine.collection;

import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;

/** How the routing core searches: one configuration for collection plans and the VRPTW benchmark alike. */
final class RouteSolving {

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
                        new LocalSearchPhaseConfig().withAcceptorConfig(new ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig().withLateAcceptanceSize(Integer.getInteger("x.la", 400))).withForagerConfig(new ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig().withAcceptedCountLimit(1)).withMoveSelectorConfig(new UnionMoveSelectorConfig()
                                .withMoveSelectors(new ListChangeMoveSelectorConfig(), new ListSwapMoveSelectorConfig(),
                                        new KOptListMoveSelectorConfig(),
                                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RouteMoves.class))));
    }
}
