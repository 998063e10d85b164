package org.boucle.engine.collection;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The second phase, after {@link RouteConstruction} has given a first plan (so that its time to a feasible plan does
 * not wait for this one): fewer routes by ejection search.
 */
final class RouteSqueeze implements PhaseCommand<RoutePlan> {

    private static final int EJECTIONS = 2_000;

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutePlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        Map<VehicleDay, List<Visit>> routes = new IdentityHashMap<>();
        plan.vehicleDays().forEach(route -> routes.put(route, new ArrayList<>(route.visits())));
        squeeze(plan, routes, isPhaseTerminated);
        RouteConstruction.apply(scoreDirector, routes);
    }

    /**
     * Ejection search, for routes that plain reinsertion cannot empty: the smallest route's pickups go into a pool;
     * each, in turn, takes its cheapest feasible place, or else a place freed by ejecting one pickup of another route
     * (drawn at random among those that make room), the ejected pickup joining the pool. When the pool empties, one
     * route fewer; after {@value #EJECTIONS} ejections without emptying it, the routes are restored and the search
     * ends.
     */
    private static void squeeze(RoutePlan plan, Map<VehicleDay, List<Visit>> routes, BooleanSupplier terminated) {
        Random random = new Random(0);
        while (!terminated.getAsBoolean()) {
            List<VehicleDay> used = plan.vehicleDays().stream()
                    .filter(route -> !routes.get(route).isEmpty()
                            && routes.get(route).stream().allMatch(visit -> visit.acceptedRoute() == null))
                    .sorted(Comparator.comparingInt(route -> routes.get(route).size()))
                    .toList();
            if (used.size() < 2) {
                return;
            }
            VehicleDay emptied = used.get(0);
            Map<VehicleDay, List<Visit>> trial = new IdentityHashMap<>();
            used.stream().skip(1).forEach(route -> trial.put(route, new ArrayList<>(routes.get(route))));
            Deque<Visit> pool = new ArrayDeque<>(routes.get(emptied));
            Visit lastInserted = null;
            int ejections = 0;
            while (!pool.isEmpty() && ejections < EJECTIONS && !terminated.getAsBoolean()) {
                Visit visit = pool.poll();
                if (Reinsertion.place(List.of(visit), trial).size() == 1) {
                    continue;
                }
                List<Ejection> ejectionCandidates = new ArrayList<>();
                for (Map.Entry<VehicleDay, List<Visit>> entry : trial.entrySet()) {
                    List<Visit> visits = entry.getValue();
                    for (int i = 0; i < visits.size(); i++) {
                        Visit ejected = visits.get(i);
                        if (ejected == lastInserted) {
                            continue;
                        }
                        List<Visit> without = new ArrayList<>(visits);
                        without.remove(i);
                        for (int position = 0; position <= without.size(); position++) {
                            if (RouteCosting.cost(entry.getKey(), without, visit, position) != RouteCosting.INFEASIBLE) {
                                ejectionCandidates.add(new Ejection(entry.getKey(), i, position));
                                break;
                            }
                        }
                    }
                }
                ejections++;
                if (ejectionCandidates.isEmpty()) {
                    pool.add(visit);
                    continue;
                }
                Ejection ejection = ejectionCandidates.get(random.nextInt(ejectionCandidates.size()));
                List<Visit> visits = trial.get(ejection.route());
                pool.add(visits.remove(ejection.index()));
                visits.add(ejection.position(), visit);
                lastInserted = visit;
            }
            if (!pool.isEmpty()) {
                return;
            }
            routes.get(emptied).clear();
            trial.forEach(routes::put);
        }
    }

    private record Ejection(VehicleDay route, int index, int position) {
    }

}
