package org.boucle.engine.collection;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The first plan, built with few routes because local search hardly ever empties one: routes are filled one after the
 * other (Solomon's sequential insertion), each seeded with the most urgent, then farthest, pickup left and filled with
 * the cheapest feasible insertions until none fits. Then route elimination: the smallest routes, one at a time, are
 * emptied into the others where every pickup finds a feasible place, hardest first. Both leave accepted pickups where
 * a re-plan would find them and pickups that fit nowhere unassigned.
 */
final class RouteConstruction implements PhaseCommand<RoutePlan> {

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutePlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        plan.startClock();
        Map<VehicleDay, List<Visit>> routes = new LinkedHashMap<>();
        plan.vehicleDays().forEach(route -> routes.put(route, new ArrayList<>(route.visits())));
        List<Visit> left = new ArrayList<>(plan.visits().stream().filter(visit -> visit.vehicleDay() == null).toList());
        build(plan, routes, left, isPhaseTerminated);
        eliminate(plan, routes, isPhaseTerminated);
        apply(scoreDirector, routes);
    }

    /**
     * Writes routes computed aside into the working plan, telling the solver of every change: first every changed
     * route is emptied, then filled, so that no pickup is ever in two routes at once.
     */
    static void apply(ScoreDirector<RoutePlan> scoreDirector, Map<VehicleDay, List<Visit>> routes) {
        List<VehicleDay> changed = scoreDirector.getWorkingSolution().vehicleDays().stream()
                .filter(route -> !routes.get(route).equals(route.visits())).toList();
        for (VehicleDay route : changed) {
            List<Visit> before = List.copyOf(route.visits());
            before.forEach(visit -> scoreDirector.beforeListVariableElementUnassigned(route, "visits", visit));
            scoreDirector.beforeListVariableChanged(route, "visits", 0, before.size());
            route.visits().clear();
            scoreDirector.afterListVariableChanged(route, "visits", 0, 0);
            before.forEach(visit -> scoreDirector.afterListVariableElementUnassigned(route, "visits", visit));
        }
        scoreDirector.triggerVariableListeners();
        for (VehicleDay route : changed) {
            List<Visit> visits = routes.get(route);
            visits.forEach(visit -> scoreDirector.beforeListVariableElementAssigned(route, "visits", visit));
            scoreDirector.beforeListVariableChanged(route, "visits", 0, 0);
            route.visits().addAll(visits);
            scoreDirector.afterListVariableChanged(route, "visits", 0, visits.size());
            visits.forEach(visit -> scoreDirector.afterListVariableElementAssigned(route, "visits", visit));
        }
        scoreDirector.triggerVariableListeners();
    }

    private static void build(RoutePlan plan, Map<VehicleDay, List<Visit>> routes, List<Visit> left,
            BooleanSupplier terminated) {
        left.sort(Comparator.comparingLong(Visit::unservedWeight).reversed());
        for (VehicleDay route : plan.vehicleDays()) {
            if (left.isEmpty() || terminated.getAsBoolean()) {
                return;
            }
            List<Visit> visits = routes.get(route);
            if (visits.isEmpty()) {
                Visit seed = seed(route, left);
                if (seed == null) {
                    continue;
                }
                visits.add(seed);
                left.remove(seed);
            }
            long cost = RouteCosting.cost(route, visits, null, 0);
            while (!left.isEmpty()) {
                Visit bestVisit = null;
                int bestPosition = -1;
                long bestDelta = Long.MAX_VALUE;
                for (Visit visit : left) {
                    for (int position = 0; position <= visits.size(); position++) {
                        long with = RouteCosting.cost(route, visits, visit, position);
                        if (with != RouteCosting.INFEASIBLE && with - cost < bestDelta) {
                            bestDelta = with - cost;
                            bestVisit = visit;
                            bestPosition = position;
                        }
                    }
                }
                if (bestVisit == null) {
                    break;
                }
                visits.add(bestPosition, bestVisit);
                left.remove(bestVisit);
                cost += bestDelta;
            }
        }
    }

    /** The most urgent pickup left that the route can take alone, the farthest from its depot among equals. */
    private static Visit seed(VehicleDay route, List<Visit> left) {
        Visit seed = null;
        for (Visit visit : left) {
            if (RouteCosting.cost(route, List.of(), visit, 0) == RouteCosting.INFEASIBLE) {
                continue;
            }
            if (seed == null || visit.unservedWeight() > seed.unservedWeight()
                    || visit.unservedWeight() == seed.unservedWeight()
                    && visit.matrix().distance(route.home(), visit.place())
                    > seed.matrix().distance(route.home(), seed.place())) {
                seed = visit;
            }
        }
        return seed;
    }

    /** Empties routes, smallest first, while all their pickups fit elsewhere; keeps routes holding accepted pickups. */
    private static void eliminate(RoutePlan plan, Map<VehicleDay, List<Visit>> routes, BooleanSupplier terminated) {
        boolean removed = true;
        while (removed && !terminated.getAsBoolean()) {
            removed = false;
            List<VehicleDay> candidates = plan.vehicleDays().stream()
                    .filter(route -> !routes.get(route).isEmpty()
                            && routes.get(route).stream().allMatch(visit -> visit.acceptedRoute() == null))
                    .sorted(Comparator.comparingInt(route -> routes.get(route).size()))
                    .toList();
            for (VehicleDay candidate : candidates) {
                if (terminated.getAsBoolean()) {
                    return;
                }
                if (emptyInto(candidate, routes)) {
                    removed = true;
                    break;
                }
            }
        }
    }

    private static boolean emptyInto(VehicleDay emptied, Map<VehicleDay, List<Visit>> routes) {
        Map<VehicleDay, List<Visit>> trial = new LinkedHashMap<>();
        routes.forEach((route, visits) -> {
            if (route != emptied && !visits.isEmpty()) {
                trial.put(route, new ArrayList<>(visits));
            }
        });
        List<Visit> moving = routes.get(emptied);
        if (Reinsertion.place(moving, trial).size() < moving.size()) {
            return false;
        }
        moving.clear();
        trial.forEach(routes::put);
        return true;
    }
}
