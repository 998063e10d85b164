package org.boucle.engine.collection;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The second phase, after {@link RouteConstruction} has given a first plan (so that its time to a feasible plan does
 * not wait for this one): fewer routes by ejection search.
 */
final class RouteSqueeze implements PhaseCommand<RoutePlan> {

    /** About 1.5 s on a 100-customer instance with short routes. */
    private static final int EJECTIONS = 20_000;
    /** Long routes make each ejection dearer: never more than this per route tried, so local search keeps its time. */
    private static final long ATTEMPT_NANOS = 3_000_000_000L;
    private static final int PERTURB_EVERY = 20;
    private static final int PERTURBATIONS = 100;
    /** The smallest route, then the next: a route that cannot be emptied often sits beside one that can. */
    private static final int ATTEMPTS = 2;

    @Override
    public void changeWorkingSolution(ScoreDirector<RoutePlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        Map<VehicleDay, List<Visit>> routes = new LinkedHashMap<>();
        plan.vehicleDays().forEach(route -> routes.put(route, new ArrayList<>(route.visits())));
        squeeze(plan, routes, isPhaseTerminated);
        RouteConstruction.apply(scoreDirector, routes);
    }

    /**
     * Ejection search, for routes that plain reinsertion cannot empty: the smallest route's pickups go into a pool;
     * each, in turn, takes its cheapest feasible place, or else a place freed by ejecting one pickup of another route
     * (drawn at random among those that make room), the ejected pickup joining the pool. When the pool empties, one
     * route fewer. Ejections take the pickups that have failed to find a place least often (Nagata and Bräysy's
     * penalty counters), and random feasible relocations that cost no more, every {@value #PERTURB_EVERY} ejections,
     * keep the search from circling. After {@value #EJECTIONS} ejections or 3 s without emptying it, the routes are restored; after
     * {@value #ATTEMPTS} such routes, the search ends.
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
            boolean emptiedOne = false;
            for (int attempt = 0; attempt < Math.min(ATTEMPTS, used.size()) && !emptiedOne; attempt++) {
                emptiedOne = empty(used.get(attempt), used, routes, random, terminated);
            }
            if (!emptiedOne) {
                return;
            }
        }
    }

    /** Tries to empty one route into the others ({@code used}, it among them); changes {@code routes} if it does. */
    private static boolean empty(VehicleDay emptied, List<VehicleDay> used, Map<VehicleDay, List<Visit>> routes,
            Random random, BooleanSupplier terminated) {
        Map<VehicleDay, List<Visit>> trial = new LinkedHashMap<>();
        used.stream().filter(route -> route != emptied)
                .forEach(route -> trial.put(route, new ArrayList<>(routes.get(route))));
        Deque<Visit> pool = new ArrayDeque<>(routes.get(emptied));
        Visit lastInserted = null;
        int ejections = 0;
        Map<Visit, Integer> failures = new IdentityHashMap<>();
        long deadline = System.nanoTime() + ATTEMPT_NANOS;
        while (!pool.isEmpty() && ejections < EJECTIONS && System.nanoTime() < deadline && !terminated.getAsBoolean()) {
            Visit visit = pool.poll();
            if (Reinsertion.place(List.of(visit), trial).size() == 1) {
                continue;
            }
            failures.merge(visit, 1, Integer::sum);
            List<Ejection> ejectionCandidates = new ArrayList<>();
            int fewest = Integer.MAX_VALUE;
            for (Map.Entry<VehicleDay, List<Visit>> entry : trial.entrySet()) {
                List<Visit> visits = entry.getValue();
                for (int i = 0; i < visits.size(); i++) {
                    Visit ejected = visits.get(i);
                    int ejectedFailures = failures.getOrDefault(ejected, 0);
                    if (ejected == lastInserted || ejectedFailures > fewest) {
                        continue;
                    }
                    List<Visit> without = new ArrayList<>(visits);
                    without.remove(i);
                    int cheapest = -1;
                    long cheapestCost = RouteCosting.INFEASIBLE;
                    for (int position = 0; position <= without.size(); position++) {
                        long cost = RouteCosting.cost(entry.getKey(), without, visit, position);
                        if (cost < cheapestCost) {
                            cheapestCost = cost;
                            cheapest = position;
                        }
                    }
                    if (cheapest >= 0) {
                        if (ejectedFailures < fewest) {
                            ejectionCandidates.clear();
                            fewest = ejectedFailures;
                        }
                        ejectionCandidates.add(new Ejection(entry.getKey(), i, cheapest));
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
            if (ejections % PERTURB_EVERY == 0) {
                perturb(trial, random);
            }
        }
        if (!pool.isEmpty()) {
            return false;
        }
        routes.get(emptied).clear();
        trial.forEach(routes::put);
        return true;
    }

    /**
     * Random relocations that keep every route feasible and cost no more: they reshape the routes so that the pool's
     * pickups meet new gaps, instead of ejecting the same pickups in circles, without trading distance for it.
     */
    private static void perturb(Map<VehicleDay, List<Visit>> trial, Random random) {
        List<VehicleDay> routes = new ArrayList<>(trial.keySet());
        for (int i = 0; i < PERTURBATIONS; i++) {
            VehicleDay fromRoute = routes.get(random.nextInt(routes.size()));
            VehicleDay toRoute = routes.get(random.nextInt(routes.size()));
            List<Visit> from = trial.get(fromRoute);
            List<Visit> to = trial.get(toRoute);
            if (from.size() < 2 || from == to) {
                continue;
            }
            int index = random.nextInt(from.size());
            Visit visit = from.get(index);
            int position = random.nextInt(to.size() + 1);
            long toAfter = RouteCosting.cost(toRoute, to, visit, position);
            if (toAfter == RouteCosting.INFEASIBLE) {
                continue;
            }
            List<Visit> fromAfter = new ArrayList<>(from);
            fromAfter.remove(index);
            long fromCost = RouteCosting.cost(fromRoute, fromAfter, null, 0);
            if (fromCost == RouteCosting.INFEASIBLE) {
                continue;
            }
            long delta = fromCost + toAfter
                    - RouteCosting.cost(fromRoute, from, null, 0) - RouteCosting.cost(toRoute, to, null, 0);
            if (delta <= 0) {
                from.remove(index);
                to.add(position, visit);
            }
        }
    }

    private record Ejection(VehicleDay route, int index, int position) {
    }
}
