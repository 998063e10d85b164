package org.boucle.engine.collection;

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
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT);
    }
}
