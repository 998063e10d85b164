package org.boucle.engine.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes of a {@link FlatPlan} as arrays, with what makes an insertion checkable in constant time: per position of a
 * route, when the vehicle leaves it (as early as it can), and the latest arrival there that keeps every later pickup
 * within its windows and the route home by the shift's end. An insertion is feasible when the pickup itself can start
 * in a window and the next stop is still reached by its latest arrival (or home by the shift's end), within both
 * capacities and the workshop's intake for the day. Removals are cheap; the times of the routes they touched are
 * recomputed once, by {@link #refresh()}.
 */
final class FlatRoutes {

    static final long INFEASIBLE = Long.MAX_VALUE;

    private final FlatPlan plan;
    final int[][] sequence;
    final int[] size;
    final int[] routeOf;
    final int[] positionOf;
    private final long[] volume;
    private final long[] weight;
    private final int[] devices;
    private final long[][] departure;
    private final long[][] latestArrival;
    private final long[] cost;
    /** A route whose times do not hold any more (only after removals on a matrix without the triangle inequality). */
    private final boolean[] broken;
    private final boolean[] stale;
    /** Devices unloaded per workshop and day. */
    private final int[][] intake;

    FlatRoutes(FlatPlan plan) {
        this.plan = plan;
        sequence = new int[plan.m][plan.n];
        size = new int[plan.m];
        routeOf = new int[plan.n];
        positionOf = new int[plan.n];
        Arrays.fill(routeOf, -1);
        volume = new long[plan.m];
        weight = new long[plan.m];
        devices = new int[plan.m];
        departure = new long[plan.m][plan.n];
        latestArrival = new long[plan.m][plan.n];
        cost = new long[plan.m];
        broken = new boolean[plan.m];
        stale = new boolean[plan.m];
        intake = new int[plan.dropIntake.length][plan.days];
    }

    /** The routes as the working plan has them. */
    static FlatRoutes of(FlatPlan plan) {
        FlatRoutes routes = new FlatRoutes(plan);
        Map<Visit, Integer> index = new IdentityHashMap<>();
        for (int v = 0; v < plan.n; v++) {
            index.put(plan.visits[v], v);
        }
        for (int r = 0; r < plan.m; r++) {
            for (Visit visit : plan.routes[r].visits()) {
                int v = index.get(visit);
                routes.sequence[r][routes.size[r]] = v;
                routes.routeOf[v] = r;
                routes.positionOf[v] = routes.size[r]++;
                routes.volume[r] += plan.volume[v];
                routes.weight[r] += plan.weight[v];
                routes.devices[r] += plan.devices[v];
            }
            routes.addIntake(r);
            routes.recompute(r);
        }
        return routes;
    }

    void copyFrom(FlatRoutes other) {
        for (int r = 0; r < plan.m; r++) {
            int k = other.size[r];
            System.arraycopy(other.sequence[r], 0, sequence[r], 0, k);
            System.arraycopy(other.departure[r], 0, departure[r], 0, k);
            System.arraycopy(other.latestArrival[r], 0, latestArrival[r], 0, k);
        }
        System.arraycopy(other.size, 0, size, 0, plan.m);
        System.arraycopy(other.routeOf, 0, routeOf, 0, plan.n);
        System.arraycopy(other.positionOf, 0, positionOf, 0, plan.n);
        System.arraycopy(other.volume, 0, volume, 0, plan.m);
        System.arraycopy(other.weight, 0, weight, 0, plan.m);
        System.arraycopy(other.devices, 0, devices, 0, plan.m);
        System.arraycopy(other.cost, 0, cost, 0, plan.m);
        System.arraycopy(other.broken, 0, broken, 0, plan.m);
        System.arraycopy(other.stale, 0, stale, 0, plan.m);
        for (int d = 0; d < intake.length; d++) {
            System.arraycopy(other.intake[d], 0, intake[d], 0, plan.days);
        }
    }

    /** Takes pickup v out of its route; the route's times are stale until {@link #refresh()}. */
    void remove(int v) {
        int r = routeOf[v];
        removeIntake(r);
        int[] s = sequence[r];
        for (int i = positionOf[v]; i < size[r] - 1; i++) {
            s[i] = s[i + 1];
            positionOf[s[i]] = i;
        }
        size[r]--;
        routeOf[v] = -1;
        volume[r] -= plan.volume[v];
        weight[r] -= plan.weight[v];
        devices[r] -= plan.devices[v];
        addIntake(r);
        stale[r] = true;
    }

    /** Recomputes the times of the routes that lost pickups. */
    void refresh() {
        for (int r = 0; r < plan.m; r++) {
            if (stale[r]) {
                recompute(r);
            }
        }
    }

    /**
     * What inserting pickup v at position p of route r adds to the route's cost, or {@link #INFEASIBLE}: O(1).
     * The route's times must be fresh.
     */
    long insertionCost(int v, int r, int p) {
        if (!plan.allowed[v][r] || broken[r] || volume[r] + plan.volume[v] > plan.volumeCapacity[r]
                || weight[r] + plan.weight[v] > plan.weightCapacity[r]) {
            return INFEASIBLE;
        }
        int k = size[r];
        int[] s = sequence[r];
        int placeV = plan.place[v];
        int previousPlace = p == 0 ? plan.home[r] : plan.place[s[p - 1]];
        long leaves = p == 0 ? plan.start[r] : departure[r][p - 1];
        long begins = plan.serviceStart(v, r, leaves + plan.time(previousPlace, placeV));
        if (begins < 0) {
            return INFEASIBLE;
        }
        long done = begins + plan.service[v];
        long delta;
        if (p == k) {
            if (done + plan.homeTime[v][r] > plan.end[r]) {
                return INFEASIBLE;
            }
            delta = p == 0 ? plan.arcCost(r, plan.home[r], placeV) + plan.homeCost[v][r]
                    : plan.arcCost(r, previousPlace, placeV) + plan.homeCost[v][r] - plan.homeCost[s[p - 1]][r];
        } else {
            int nextPlace = plan.place[s[p]];
            if (done + plan.time(placeV, nextPlace) > latestArrival[r][p]) {
                return INFEASIBLE;
            }
            delta = plan.arcCost(r, previousPlace, placeV) + plan.arcCost(r, placeV, nextPlace)
                    - plan.arcCost(r, previousPlace, nextPlace);
        }
        if (intake.length > 0 && !intakeAllows(v, r, p)) {
            return INFEASIBLE;
        }
        return delta;
    }

    /** Whether the workshop the route unloads at after the insertion takes its devices that day. */
    private boolean intakeAllows(int v, int r, int p) {
        int k = size[r];
        int lastAfter = p == k ? v : sequence[r][k - 1];
        int dropAfter = plan.drop[lastAfter][r];
        if (dropAfter < 0) {
            return true;
        }
        int dropBefore = k == 0 ? -1 : plan.drop[sequence[r][k - 1]][r];
        long total = intake[dropAfter][plan.day[r]] + plan.devices[v] + (dropBefore == dropAfter ? 0 : devices[r]);
        return total <= plan.dropIntake[dropAfter];
    }

    /** Inserts pickup v at position p of route r and recomputes the route's times: O(route length). */
    void insert(int v, int r, int p) {
        removeIntake(r);
        int[] s = sequence[r];
        for (int i = size[r]; i > p; i--) {
            s[i] = s[i - 1];
            positionOf[s[i]] = i;
        }
        s[p] = v;
        positionOf[v] = p;
        routeOf[v] = r;
        size[r]++;
        volume[r] += plan.volume[v];
        weight[r] += plan.weight[v];
        devices[r] += plan.devices[v];
        addIntake(r);
        recompute(r);
    }

    private void removeIntake(int r) {
        if (intake.length > 0 && size[r] > 0) {
            int d = plan.drop[sequence[r][size[r] - 1]][r];
            if (d >= 0) {
                intake[d][plan.day[r]] -= devices[r];
            }
        }
    }

    private void addIntake(int r) {
        if (intake.length > 0 && size[r] > 0) {
            int d = plan.drop[sequence[r][size[r] - 1]][r];
            if (d >= 0) {
                intake[d][plan.day[r]] += devices[r];
            }
        }
    }

    /** Forward: departures and cost; backward: latest arrivals. */
    private void recompute(int r) {
        stale[r] = false;
        broken[r] = false;
        int k = size[r];
        int[] s = sequence[r];
        if (k == 0) {
            cost[r] = 0;
            return;
        }
        long time = plan.start[r];
        int at = plan.home[r];
        long total = 0;
        for (int i = 0; i < k; i++) {
            int v = s[i];
            long begins = plan.serviceStart(v, r, time + plan.time(at, plan.place[v]));
            if (begins < 0 || !plan.allowed[v][r]) {
                broken[r] = true;
                begins = Math.max(time + plan.time(at, plan.place[v]), 0);
            }
            total += plan.arcCost(r, at, plan.place[v]);
            time = begins + plan.service[v];
            departure[r][i] = time;
            at = plan.place[v];
        }
        total += plan.homeCost[s[k - 1]][r];
        cost[r] = total;
        if (time + plan.homeTime[s[k - 1]][r] > plan.end[r] || volume[r] > plan.volumeCapacity[r]
                || weight[r] > plan.weightCapacity[r]) {
            broken[r] = true;
        }
        long latestDeparture = plan.end[r] - plan.homeTime[s[k - 1]][r];
        for (int i = k - 1; i >= 0; i--) {
            int v = s[i];
            long latest = plan.latestArrival(v, r, latestDeparture - plan.service[v]);
            latestArrival[r][i] = latest;
            if (latest == Long.MIN_VALUE) {
                // Nothing can come before: every earlier latest arrival is impossible too.
                for (int j = i - 1; j >= 0; j--) {
                    latestArrival[r][j] = Long.MIN_VALUE;
                }
                break;
            }
            latestDeparture = latest - (i == 0 ? 0 : plan.time(plan.place[s[i - 1]], plan.place[v]));
        }
    }

    /** Whether every route holds and no workshop takes more than its intake. */
    boolean feasible() {
        for (int r = 0; r < plan.m; r++) {
            if (broken[r]) {
                return false;
            }
        }
        return intakeOverflow() == 0;
    }

    long intakeOverflow() {
        long over = 0;
        for (int d = 0; d < intake.length; d++) {
            for (int day = 0; day < plan.days; day++) {
                over += Math.max(0, intake[d][day] - plan.dropIntake[d]);
            }
        }
        return over;
    }

    boolean anyBroken() {
        for (int r = 0; r < plan.m; r++) {
            if (broken[r]) {
                return true;
            }
        }
        return false;
    }

    long unservedWeight() {
        long total = 0;
        for (int v = 0; v < plan.n; v++) {
            if (routeOf[v] < 0) {
                total += plan.unservedWeight[v];
            }
        }
        return total;
    }

    long moved() {
        long total = 0;
        for (int v = 0; v < plan.n; v++) {
            if (plan.acceptedRoute[v] >= 0 && routeOf[v] != plan.acceptedRoute[v]) {
                total += plan.lots[v];
            }
        }
        return total;
    }

    int routesUsed() {
        int used = 0;
        for (int r = 0; r < plan.m; r++) {
            if (size[r] > 0) {
                used++;
            }
        }
        return used;
    }

    long cost() {
        long total = 0;
        for (int r = 0; r < plan.m; r++) {
            total += cost[r];
        }
        return total;
    }

    long routeCost(int r) {
        return cost[r];
    }

    /** The score's levels this search works on, most important first: workshop overflow, unserved, moved, routes, cost. */
    Objective objective() {
        return new Objective(intakeOverflow(), unservedWeight(), moved(), routesUsed(), cost());
    }

    /** The routes as the working plan's lists. */
    Map<VehicleDay, List<Visit>> toLists() {
        Map<VehicleDay, List<Visit>> lists = new LinkedHashMap<>();
        for (int r = 0; r < plan.m; r++) {
            List<Visit> visits = new ArrayList<>(size[r]);
            for (int i = 0; i < size[r]; i++) {
                visits.add(plan.visits[sequence[r][i]]);
            }
            lists.put(plan.routes[r], visits);
        }
        return lists;
    }

    /** Compared level by level, as the solver's score is. */
    record Objective(long overflow, long unserved, long moved, long routes, long cost) implements Comparable<Objective> {

        @Override
        public int compareTo(Objective other) {
            int c = Long.compare(overflow, other.overflow);
            if (c == 0) {
                c = Long.compare(unserved, other.unserved);
            }
            if (c == 0) {
                c = Long.compare(moved, other.moved);
            }
            if (c == 0) {
                c = Long.compare(routes, other.routes);
            }
            return c != 0 ? c : Long.compare(cost, other.cost);
        }

        /** Whether the levels above cost are the same: then only cost decides. */
        boolean sameAboveCost(Objective other) {
            return overflow == other.overflow && unserved == other.unserved && moved == other.moved
                    && routes == other.routes;
        }
    }
}
