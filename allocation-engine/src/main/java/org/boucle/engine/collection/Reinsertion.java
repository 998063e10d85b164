package org.boucle.engine.collection;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts pickups into routes by regret: each round, of the pickups left, the one that would lose most by not getting
 * its best place (the gap to its second-best route) takes it. Pickups that fit nowhere are left out.
 */
final class Reinsertion {

    /** A pickup inserted at a position of a route, in the order the insertions were made. */
    record Placement(Visit visit, VehicleDay route, int position) {
    }

    private Reinsertion() {
    }

    /** Inserts what fits of {@code moving} into the routes of {@code routes}, which it changes; returns the insertions. */
    static List<Placement> place(List<Visit> moving, Map<VehicleDay, List<Visit>> routes) {
        List<Visit> left = new ArrayList<>(moving);
        Map<VehicleDay, Long> costs = new IdentityHashMap<>();
        routes.forEach((route, visits) -> costs.put(route, RouteCosting.cost(route, visits, null, 0)));
        List<Placement> placements = new ArrayList<>();
        while (!left.isEmpty()) {
            Placement chosen = null;
            long chosenRegret = -1;
            for (Visit visit : left) {
                long best = Long.MAX_VALUE;
                long second = Long.MAX_VALUE;
                Placement bestPlacement = null;
                for (Map.Entry<VehicleDay, List<Visit>> entry : routes.entrySet()) {
                    long base = costs.get(entry.getKey());
                    if (base == RouteCosting.INFEASIBLE) {
                        continue;
                    }
                    long routeBest = Long.MAX_VALUE;
                    int routePosition = -1;
                    for (int position = 0; position <= entry.getValue().size(); position++) {
                        long with = RouteCosting.cost(entry.getKey(), entry.getValue(), visit, position);
                        if (with != RouteCosting.INFEASIBLE && with - base < routeBest) {
                            routeBest = with - base;
                            routePosition = position;
                        }
                    }
                    if (routeBest < best) {
                        second = best;
                        best = routeBest;
                        bestPlacement = new Placement(visit, entry.getKey(), routePosition);
                    } else if (routeBest < second) {
                        second = routeBest;
                    }
                }
                if (bestPlacement == null) {
                    continue;
                }
                long regret = second == Long.MAX_VALUE ? Long.MAX_VALUE : second - best;
                if (regret > chosenRegret) {
                    chosen = bestPlacement;
                    chosenRegret = regret;
                }
            }
            if (chosen == null) {
                break;
            }
            List<Visit> visits = routes.get(chosen.route());
            visits.add(chosen.position(), chosen.visit());
            costs.put(chosen.route(), RouteCosting.cost(chosen.route(), visits, null, 0));
            left.remove(chosen.visit());
            placements.add(chosen);
        }
        return placements;
    }
}
