package org.boucle.engine.collection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * One ruin-and-recreate search by string removals, after Christiaens and Vanden Berghe's "slack induction by string
 * removals" (SISR, 2020), written from the paper's description on {@link FlatRoutes}.
 *
 * <p>Ruin: around a random pickup, the nearest pickups' routes each lose one string of consecutive pickups holding
 * that neighbour (now and then a "split string", which keeps a run of pickups in its middle), a few routes at a time.
 * Removing neighbouring strings from several routes is what gives the recreation room to rearrange a region.
 * Recreate: the removed pickups, sorted at random, by load, farthest or closest first, each take the cheapest
 * feasible position over all routes, every position being skipped now and then ("blinks"), so that the recreation
 * is not always the same greedy one.
 *
 * <p>Two stages: first fewer routes (the paper's fleet minimisation: a route is taken out and its pickups left
 * unassigned; a new plan is kept when it leaves fewer out, or leaves out pickups that have been out less often, the
 * absence counters steering the search to place the hard ones), then least cost by simulated annealing, the
 * temperature decaying from {@value #START_TEMPERATURE} to {@value #END_TEMPERATURE} of a mean arc's cost over the
 * time the search has. Either way the best plan is kept; it is never worse than the one the search started from.
 */
final class StringRemoval {

    /** The paper's defaults: about ten pickups removed per ruin, strings of at most ten. */
    private static final double MEAN_REMOVED = 10;
    private static final int MAX_STRING = 10;
    /** Half the ruins remove split strings. */
    private static final double SPLIT_RATE = 0.5;
    /** How likely the kept middle of a split string grows by one more pickup (our choice: short kept runs). */
    private static final double SPLIT_GROWTH = 0.5;
    /** Each position skipped with this probability during recreation. */
    private static final double BLINK_RATE = 0.01;
    /** Temperatures as multiples of the starting plan's mean arc cost (the paper: 100 to 1 on Solomon arcs of about 10). */
    private static final double START_TEMPERATURE = 10;
    private static final double END_TEMPERATURE = 0.1;
    /** Share of the time for fewer routes, when the plan has routes to spare. */
    private static final double FLEET_SHARE = 0.3;

    private final FlatPlan plan;
    private final Random random;
    private final FlatRoutes best;
    private final FlatRoutes current;
    private final FlatRoutes candidate;
    private final int[] removed;
    private int removedCount;
    private final boolean[] ruined;
    /** Routes that had pickups before the ruin: in the fleet stage, a route a ruin emptied is still one to refill. */
    private final boolean[] usedBeforeRuin;
    private boolean refillEmptied;
    private final long[] absences;
    private final Integer[] order;
    private long iterations;

    StringRemoval(FlatPlan plan, FlatRoutes start, long seed) {
        this.plan = plan;
        this.random = new Random(seed);
        best = new FlatRoutes(plan);
        best.copyFrom(start);
        current = new FlatRoutes(plan);
        current.copyFrom(start);
        candidate = new FlatRoutes(plan);
        removed = new int[plan.n];
        ruined = new boolean[plan.m];
        usedBeforeRuin = new boolean[plan.m];
        absences = new long[plan.n];
        order = new Integer[plan.n];
    }

    FlatRoutes best() {
        return best;
    }

    long iterations() {
        return iterations;
    }

    /**
     * When a search stops and how it anneals, on one clock: nanoTime for the phase, iterations for tests. Fewer
     * routes until {@code fleetUntil}; the temperature falls from {@code annealFrom} to {@code annealUntil}, then
     * holds; the search stops at {@code stopAt} or when told.
     */
    record Schedule(boolean byIterations, long fleetUntil, long annealFrom, long annealUntil, long stopAt) {

        static Schedule iterations(long total) {
            long fleet = (long) (total * FLEET_SHARE);
            return new Schedule(true, fleet, fleet, total, total);
        }

        /** Over the whole search from {@code begin} to {@code end}, this run stopping at {@code stopAt}. */
        static Schedule clock(long begin, long end, long stopAt) {
            long fleet = begin + (long) ((end - begin) * FLEET_SHARE);
            return new Schedule(false, fleet, fleet, end, stopAt);
        }

        double progress(long now) {
            return Math.max(0, Math.min(1, (double) (now - annealFrom) / Math.max(1, annealUntil - annealFrom)));
        }
    }

    private long now(Schedule schedule) {
        return schedule.byIterations() ? iterations : System.nanoTime();
    }

    /** Searches from the routes it was given, keeping the best, until the schedule or {@code stop} ends it. */
    void run(Schedule schedule, BooleanSupplier stop) {
        BooleanSupplier over = () -> stop.getAsBoolean() || now(schedule) >= schedule.stopAt();
        if (plan.m > 1) {
            minimiseFleet(() -> over.getAsBoolean() || now(schedule) >= schedule.fleetUntil());
        }
        current.copyFrom(best);
        FlatRoutes.Objective currentObjective = current.objective();
        FlatRoutes.Objective bestObjective = currentObjective;
        double meanArc = Math.max(1, (double) currentObjective.cost() / Math.max(1, plan.n + currentObjective.routes()));
        while (!over.getAsBoolean()) {
            double temperature = meanArc * START_TEMPERATURE
                    * Math.pow(END_TEMPERATURE / START_TEMPERATURE, schedule.progress(now(schedule)));
            iterations++;
            candidate.copyFrom(current);
            ruin(candidate, false);
            recreate(candidate, true);
            if (candidate.anyBroken()) {
                continue;
            }
            FlatRoutes.Objective objective = candidate.objective();
            boolean accept = objective.sameAboveCost(currentObjective)
                    ? objective.cost() < currentObjective.cost() - temperature * Math.log(random.nextDouble())
                    : objective.compareTo(currentObjective) < 0;
            if (accept) {
                current.copyFrom(candidate);
                currentObjective = objective;
                if (objective.compareTo(bestObjective) < 0) {
                    best.copyFrom(candidate);
                    bestObjective = objective;
                }
            }
        }
    }

    /**
     * Fewer routes: takes a route out (a small one more often), then ruins and recreates without opening routes until
     * its pickups are all back in, as judged by the unserved weight, or time is up.
     */
    private void minimiseFleet(BooleanSupplier stageOver) {
        if (stageOver.getAsBoolean()) {
            return;
        }
        long target = best.unservedWeight();
        if (best.moved() > 0 || !best.feasible()) {
            return;
        }
        current.copyFrom(best);
        if (!takeRouteOut(current)) {
            return;
        }
        long currentUnserved = current.unservedWeight();
        while (!stageOver.getAsBoolean()) {
            iterations++;
            candidate.copyFrom(current);
            ruin(candidate, true);
            recreate(candidate, false);
            if (candidate.feasible() && candidate.moved() == 0) {
                long unserved = candidate.unservedWeight();
                if (unserved < currentUnserved || absence(candidate) < absence(current)) {
                    current.copyFrom(candidate);
                    currentUnserved = unserved;
                }
            }
            for (int v = 0; v < plan.n; v++) {
                if (current.routeOf[v] < 0) {
                    absences[v]++;
                }
            }
            if (currentUnserved <= target) {
                best.copyFrom(current);
                if (!takeRouteOut(current)) {
                    return;
                }
                currentUnserved = current.unservedWeight();
            }
        }
    }

    private long absence(FlatRoutes routes) {
        long total = 0;
        for (int v = 0; v < plan.n; v++) {
            if (routes.routeOf[v] < 0) {
                total += absences[v];
            }
        }
        return total;
    }

    /** Empties a used route without accepted pickups, the smaller of two drawn at random; false if none. */
    private boolean takeRouteOut(FlatRoutes routes) {
        long volume = 0;
        long weight = 0;
        long volumeCapacity = 0;
        long weightCapacity = 0;
        for (int v = 0; v < plan.n; v++) {
            if (routes.routeOf[v] >= 0) {
                volume += plan.volume[v];
                weight += plan.weight[v];
            }
        }
        for (int r = 0; r < plan.m; r++) {
            if (routes.size[r] > 0) {
                volumeCapacity += plan.volumeCapacity[r];
                weightCapacity += plan.weightCapacity[r];
            }
        }
        int[] used = new int[plan.m];
        int count = 0;
        for (int r = 0; r < plan.m; r++) {
            // Not a route whose capacity the others could not make up for: the search would spin for nothing.
            if (routes.size[r] > 0 && !holdsAccepted(routes, r) && volumeCapacity - plan.volumeCapacity[r] >= volume
                    && weightCapacity - plan.weightCapacity[r] >= weight) {
                used[count++] = r;
            }
        }
        if (count < 1 || routes.routesUsed() < 2) {
            return false;
        }
        int a = used[random.nextInt(count)];
        int b = used[random.nextInt(count)];
        int r = routes.size[a] <= routes.size[b] ? a : b;
        while (routes.size[r] > 0) {
            routes.remove(routes.sequence[r][routes.size[r] - 1]);
        }
        routes.refresh();
        return true;
    }

    private boolean holdsAccepted(FlatRoutes routes, int r) {
        for (int i = 0; i < routes.size[r]; i++) {
            if (plan.acceptedRoute[routes.sequence[r][i]] >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes strings around a random pickup from a few routes; the removed ones join those already out. When
     * {@code nearOut}, half the time the ruin is centred on a pickup left out (our addition for fewer routes: room is
     * made where the pickups out need it).
     */
    void ruin(FlatRoutes routes, boolean nearOut) {
        removedCount = 0;
        int used = 0;
        int assigned = 0;
        for (int r = 0; r < plan.m; r++) {
            ruined[r] = false;
            usedBeforeRuin[r] = routes.size[r] > 0;
            if (routes.size[r] > 0) {
                used++;
                assigned += routes.size[r];
            }
        }
        if (used > 0) {
            double maxString = Math.min(MAX_STRING, (double) assigned / used);
            double maxStrings = 4 * MEAN_REMOVED / (1 + maxString) - 1;
            int strings = (int) (1 + random.nextDouble() * maxStrings);
            int seed = random.nextInt(plan.n);
            if (nearOut && random.nextBoolean()) {
                int out = 0;
                for (int v = 0; v < plan.n; v++) {
                    if (routes.routeOf[v] < 0 && random.nextInt(++out) == 0) {
                        seed = v;
                    }
                }
            }
            int ruinedRoutes = 0;
            for (int i = -1; i < plan.n - 1 && ruinedRoutes < strings; i++) {
                int v = i < 0 ? seed : plan.near[seed][i];
                int r = routes.routeOf[v];
                if (r < 0 || ruined[r]) {
                    continue;
                }
                int length = (int) (1 + random.nextDouble() * Math.min(routes.size[r], maxString));
                if (length < routes.size[r] && random.nextDouble() < SPLIT_RATE) {
                    removeSplitString(routes, r, v, length);
                } else {
                    removeString(routes, r, v, length);
                }
                ruined[r] = true;
                ruinedRoutes++;
            }
        }
        for (int v = 0; v < plan.n; v++) {
            if (routes.routeOf[v] < 0) {
                removed[removedCount++] = v;
            }
        }
        routes.refresh();
    }

    private void removeString(FlatRoutes routes, int r, int v, int length) {
        int first = firstOfWindow(routes.size[r], routes.positionOf[v], length);
        for (int i = 0; i < length; i++) {
            routes.remove(routes.sequence[r][first]);
        }
    }

    /** A window of length + kept pickups holding v; the kept run, somewhere inside, stays. */
    private void removeSplitString(FlatRoutes routes, int r, int v, int length) {
        int kept = 1;
        while (length + kept < routes.size[r] && random.nextDouble() < SPLIT_GROWTH) {
            kept++;
        }
        int window = length + kept;
        int first = firstOfWindow(routes.size[r], routes.positionOf[v], window);
        // Removed pickups on both sides of the kept run when the string has two or more.
        int keptFrom = first + (length >= 2 ? 1 + random.nextInt(length - 1) : random.nextInt(2));
        int[] taken = new int[length];
        int t = 0;
        for (int i = first; i < first + window && t < length; i++) {
            if (i < keptFrom || i >= keptFrom + kept) {
                taken[t++] = routes.sequence[r][i];
            }
        }
        for (int i = 0; i < t; i++) {
            routes.remove(taken[i]);
        }
    }

    /** The first position of a window of {@code length} holding position {@code at}, at random. */
    private int firstOfWindow(int routeSize, int at, int length) {
        int lowest = Math.max(0, at - length + 1);
        int highest = Math.min(at, routeSize - length);
        return lowest + random.nextInt(highest - lowest + 1);
    }

    /**
     * Puts the pickups out back, one at a time, each at its cheapest feasible position with blinks; an accepted
     * pickup tries its own route first. Empty routes are used only when no used route takes the pickup, and only if
     * {@code openRoutes}; if not, the routes the ruin emptied count as used.
     */
    void recreate(FlatRoutes routes, boolean openRoutes) {
        refillEmptied = !openRoutes;
        sortRemoved();
        for (int i = 0; i < removedCount; i++) {
            int v = order[i];
            int accepted = plan.acceptedRoute[v];
            if (accepted >= 0 && insertBest(routes, v, accepted, accepted + 1, true)) {
                continue;
            }
            if (!insertBest(routes, v, 0, plan.m, false) && openRoutes) {
                insertBest(routes, v, 0, plan.m, true);
            }
        }
    }

    /** The cheapest position over routes [from, to), used routes only unless {@code empty}; false if none. */
    private boolean insertBest(FlatRoutes routes, int v, int from, int to, boolean empty) {
        long bestCost = FlatRoutes.INFEASIBLE;
        int bestRoute = -1;
        int bestPosition = -1;
        for (int r = from; r < to; r++) {
            int k = routes.size[r];
            boolean used = k > 0 || refillEmptied && usedBeforeRuin[r];
            if (used == empty && to - from > 1) {
                continue;
            }
            for (int p = 0; p <= k; p++) {
                if (random.nextDouble() < BLINK_RATE) {
                    continue;
                }
                long cost = routes.insertionCost(v, r, p);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestRoute = r;
                    bestPosition = p;
                }
            }
            if (empty && bestRoute >= 0 && to - from > 1) {
                // One empty route will do; the others of the same vehicle kind would cost the same or more.
                break;
            }
        }
        if (bestRoute < 0) {
            return false;
        }
        routes.insert(v, bestRoute, bestPosition);
        return true;
    }

    /** Random 4, largest load 4, farthest 2, closest 1 (the paper's weights); more urgent lots first in any case. */
    private void sortRemoved() {
        for (int i = 0; i < removedCount; i++) {
            order[i] = removed[i];
        }
        int draw = random.nextInt(11);
        Comparator<Integer> urgency = Comparator.comparingLong(v -> -plan.unservedWeight[v]);
        Comparator<Integer> key;
        if (draw < 4) {
            for (int i = removedCount - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            key = (a, b) -> 0;
        } else if (draw < 8) {
            key = Comparator.comparingLong(v -> -(plan.weight[v] + plan.volume[v]));
        } else if (draw < 10) {
            key = Comparator.comparingLong(v -> -plan.depotDistance[v]);
        } else {
            key = Comparator.comparingLong(v -> plan.depotDistance[v]);
        }
        Arrays.sort(order, 0, removedCount, urgency.thenComparing(key));
    }
}
