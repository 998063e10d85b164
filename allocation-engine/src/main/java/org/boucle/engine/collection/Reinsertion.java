package org.boucle.engine.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts pickups into routes by regret: each round, of the pickups left, the one that would lose most by not getting
 * its best place (the gap to its second-best route) takes it. Pickups that fit nowhere are left out. Each pickup's
 * best insertion per route is kept, and only the route that just changed is looked at again.
 */
final class Reinsertion {

    /** A pickup inserted at a position of a route, in the order the insertions were made. */
    record Placement(Visit visit, VehicleDay route, int position) {
    }

    private Reinsertion() {
    }

    /** Inserts what fits of {@code moving} into the routes of {@code routes}, which it changes; returns the insertions. */
    static List<Placement> place(List<Visit> moving, Map<VehicleDay, List<Visit>> routes) {
        List<VehicleDay> targets = new ArrayList<>(routes.keySet());
        int n = moving.size();
        int m = targets.size();
        long[] base = new long[m];
        long[][] delta = new long[n][m];
        int[][] position = new int[n][m];
        for (int r = 0; r < m; r++) {
            base[r] = RouteCosting.cost(targets.get(r), routes.get(targets.get(r)), null, 0);
            for (int v = 0; v < n; v++) {
                best(moving.get(v), targets.get(r), routes.get(targets.get(r)), base[r], delta[v], position[v], r);
            }
        }
        boolean[] placed = new boolean[n];
        List<Placement> placements = new ArrayList<>();
        while (placements.size() < n) {
            int chosenVisit = -1;
            int chosenRoute = -1;
            long chosenRegret = -1;
            for (int v = 0; v < n; v++) {
                if (placed[v]) {
                    continue;
                }
                long best = Long.MAX_VALUE;
                long second = Long.MAX_VALUE;
                int bestRoute = -1;
                for (int r = 0; r < m; r++) {
                    if (delta[v][r] < best) {
                        second = best;
                        best = delta[v][r];
                        bestRoute = r;
                    } else if (delta[v][r] < second) {
                        second = delta[v][r];
                    }
                }
                if (bestRoute < 0) {
                    continue;
                }
                long regret = second == Long.MAX_VALUE ? Long.MAX_VALUE : second - best;
                if (regret > chosenRegret) {
                    chosenVisit = v;
                    chosenRoute = bestRoute;
                    chosenRegret = regret;
                }
            }
            if (chosenVisit < 0) {
                break;
            }
            VehicleDay route = targets.get(chosenRoute);
            List<Visit> visits = routes.get(route);
            Visit visit = moving.get(chosenVisit);
            visits.add(position[chosenVisit][chosenRoute], visit);
            placements.add(new Placement(visit, route, position[chosenVisit][chosenRoute]));
            placed[chosenVisit] = true;
            base[chosenRoute] = RouteCosting.cost(route, visits, null, 0);
            for (int v = 0; v < n; v++) {
                if (!placed[v]) {
                    best(moving.get(v), route, visits, base[chosenRoute], delta[v], position[v], chosenRoute);
                }
            }
        }
        return placements;
    }

    /** The cheapest feasible insertion of the visit into the route: its cost increase and position, or MAX_VALUE. */
    private static void best(Visit visit, VehicleDay route, List<Visit> visits, long base, long[] delta, int[] position,
            int index) {
        delta[index] = Long.MAX_VALUE;
        if (base == RouteCosting.INFEASIBLE) {
            return;
        }
        for (int p = 0; p <= visits.size(); p++) {
            long with = RouteCosting.cost(route, visits, visit, p);
            if (with != RouteCosting.INFEASIBLE && with - base < delta[index]) {
                delta[index] = with - base;
                position[index] = p;
            }
        }
    }
}
