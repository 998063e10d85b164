package org.boucle.engine.collection;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;

/** Routes put together by hand in a problem's model: {@code route("van@2026-11-30", "lot-a", "lot-b")}. */
final class Routes {

    private static final SolutionManager<RoutePlan, BendableLongScore> SOLUTIONS =
            SolutionManager.create(SolverFactory.create(RouteSolving.config()));

    private final RoutePlan plan;

    Routes(CollectionProblem problem) {
        this.plan = CollectionModel.plan(problem);
    }

    Routes route(String routeId, String... visitIds) {
        VehicleDay route = plan.vehicleDays().stream().filter(r -> r.id().equals(routeId)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no route " + routeId));
        for (String visitId : visitIds) {
            route.visits().add(plan.visits().stream().filter(v -> v.id().equals(visitId)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no visit " + visitId)));
        }
        return this;
    }

    /** The plan with its shadow variables (routes, neighbours, arrivals) and score computed. */
    RoutePlan plan() {
        SOLUTIONS.update(plan);
        return plan;
    }
}
