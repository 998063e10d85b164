package org.boucle.engine.collection;

import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * How the routing core searches, one configuration for collection plans and the VRPTW benchmark alike: a sequential
 * insertion with route elimination ({@link RouteConstruction}), then string removal ruin and recreate
 * ({@link StringRemovalPhase}: fewer routes first, then least cost) for the rest of the time. Without string removal
 * (0 search threads, kept to compare), an ejection search for fewer routes ({@link RouteSqueeze}) and late acceptance
 * over Timefold's list moves (change, swap, k-opt) and ours ({@link RouteMoves}: near moves, route removal). The local
 * search phase stays last in both: it takes over when string removal has nothing to work on (a plan whose routes do
 * not hold).
 */
final class RouteSolving {

    /** Measured on the VRPTW benchmark at 10 s: 100 reaches a lower distance than Timefold's default 400. */
    private static final int LATE_ACCEPTANCE = 100;

    /** The string removal phase writes its best back this many times: live progress every tenth of the time. */
    private static final int STRING_REMOVAL_SLICES = 10;

    private RouteSolving() {
    }

    /** Two string removal searches: the machines this runs on have two cores or more. */
    static final int DEFAULT_SEARCH_THREADS = 2;

    static SolverConfig config() {
        return config(DEFAULT_SEARCH_THREADS);
    }

    /**
     * @param searchThreads how many string removal searches run side by side, each on its own thread; 0 for none
     *        (local search alone after the construction, as before string removal, to compare)
     */
    static SolverConfig config(int searchThreads) {
        List<PhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new RouteConstruction()));
        if (searchThreads > 0) {
            // String removal minimises routes itself, faster than the ejection search, which it replaces.
            phases.add(new CustomPhaseConfig().withCustomPhaseCommands(
                    StringRemovalPhase.slices(searchThreads, 0, STRING_REMOVAL_SLICES)));
        } else {
            phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new RouteSqueeze()));
        }
        phases.add(new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        new ListChangeMoveSelectorConfig(), new ListSwapMoveSelectorConfig(),
                        new KOptListMoveSelectorConfig(),
                        new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RouteMoves.class)))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
        return new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(VehicleDay.class, Visit.class)
                .withConstraintProviderClass(RouteConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withPhases(phases.toArray(PhaseConfig[]::new));
    }
}
