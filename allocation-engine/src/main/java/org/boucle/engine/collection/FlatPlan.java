package org.boucle.engine.collection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A plan's problem as arrays indexed by pickup and route (vehicle-day), read-only once built, so that several string
 * removal searches can share it across threads. Everything a route's feasibility needs that does not depend on the
 * order of its pickups is computed here once: which routes may take which pickup at all (ready, access, site open
 * that day), and the way home from each pickup for each route, through the workshop nearest to it.
 */
final class FlatPlan {

    final Visit[] visits;
    final VehicleDay[] routes;
    final int n;
    final int m;
    private final RoutingMatrix matrix;

    final int[] place;
    final long[] service;
    final long[] volume;
    final long[] weight;
    final int[] devices;
    final long[] unservedWeight;
    final int[] lots;
    /** The route an accepted pickup belongs to, or -1. */
    final int[] acceptedRoute;
    /** Per pickup and day: opens, last start, opens, last start… */
    final long[][][] windows;
    /** Whether the route may take the pickup alone as far as its day, vehicle and the pickup's readiness go. */
    final boolean[][] allowed;
    final long[][] homeCost;
    final long[][] homeTime;
    final int[][] drop;
    /** Per pickup, every other pickup, nearest first: where a string removal looks for routes to ruin. */
    final int[][] near;
    /** Per pickup, the distance from the nearest depot: the recreation's "far" and "close" orders. */
    final long[] depotDistance;

    final int[] home;
    final int[] day;
    final long[] start;
    final long[] end;
    final long[] volumeCapacity;
    final long[] weightCapacity;
    final long[] costPerDistance;
    final long[] costPerTime;

    final int[] dropIntake;
    final int days;

    FlatPlan(RoutePlan plan) {
        visits = plan.visits().toArray(Visit[]::new);
        routes = plan.vehicleDays().toArray(VehicleDay[]::new);
        n = visits.length;
        m = routes.length;
        matrix = n == 0 ? new RoutingMatrix(new long[0][0], new long[0][0]) : visits[0].matrix();
        List<Drop> drops = n == 0 ? List.of() : visits[0].drops();
        Map<Drop, Integer> dropIndex = new HashMap<>();
        drops.forEach(d -> dropIndex.put(d, dropIndex.size()));
        dropIntake = drops.stream().mapToInt(Drop::dailyIntake).toArray();
        Map<String, Integer> routeIndex = new HashMap<>();
        home = new int[m];
        day = new int[m];
        start = new long[m];
        end = new long[m];
        volumeCapacity = new long[m];
        weightCapacity = new long[m];
        costPerDistance = new long[m];
        costPerTime = new long[m];
        int lastDay = 0;
        for (int r = 0; r < m; r++) {
            VehicleDay route = routes[r];
            routeIndex.put(route.id(), r);
            home[r] = route.home();
            day[r] = route.day();
            start[r] = route.start();
            end[r] = route.end();
            volumeCapacity[r] = route.volumeCapacity();
            weightCapacity[r] = route.weightCapacity();
            costPerDistance[r] = route.costPerDistance();
            costPerTime[r] = route.costPerTime();
            lastDay = Math.max(lastDay, route.day());
        }
        days = lastDay + 1;
        place = new int[n];
        service = new long[n];
        volume = new long[n];
        weight = new long[n];
        devices = new int[n];
        unservedWeight = new long[n];
        lots = new int[n];
        acceptedRoute = new int[n];
        windows = new long[n][][];
        allowed = new boolean[n][m];
        homeCost = new long[n][m];
        homeTime = new long[n][m];
        drop = new int[n][m];
        depotDistance = new long[n];
        int[] homes = Arrays.stream(home).distinct().toArray();
        for (int v = 0; v < n; v++) {
            Visit visit = visits[v];
            place[v] = visit.place();
            service[v] = visit.service();
            volume[v] = visit.volume();
            weight[v] = visit.weight();
            devices[v] = visit.devices();
            unservedWeight[v] = visit.unservedWeight();
            lots[v] = visit.lotIds().size();
            acceptedRoute[v] = visit.acceptedRoute() == null ? -1 : routeIndex.getOrDefault(visit.acceptedRoute(), -1);
            windows[v] = visit.windows();
            long nearestDepot = Long.MAX_VALUE;
            for (int h : homes) {
                nearestDepot = Math.min(nearestDepot, matrix.distance(h, place[v]));
            }
            depotDistance[v] = homes.length == 0 ? 0 : nearestDepot;
            for (int r = 0; r < m; r++) {
                VehicleDay route = routes[r];
                allowed[v][r] = visit.firstDay() <= route.day() && route.grossWeight() <= visit.maxGrossWeight()
                        && route.day() < windows[v].length && windows[v][route.day()].length > 0
                        && visit.volume() <= route.volumeCapacity() && visit.weight() <= route.weightCapacity();
                Drop nearest = Visit.nearestDrop(drops, matrix, place[v], home[r]);
                long distance;
                long time;
                if (nearest == null) {
                    drop[v][r] = -1;
                    distance = matrix.distance(place[v], home[r]);
                    time = matrix.time(place[v], home[r]);
                } else {
                    drop[v][r] = dropIndex.get(nearest);
                    distance = matrix.distance(place[v], nearest.place())
                            + matrix.distance(nearest.place(), home[r]);
                    time = matrix.time(place[v], nearest.place()) + route.unloading()
                            + matrix.time(nearest.place(), home[r]);
                }
                homeTime[v][r] = time;
                homeCost[v][r] = distance * costPerDistance[r] + time * costPerTime[r];
            }
        }
        near = new int[n][];
        for (int v = 0; v < n; v++) {
            int from = v;
            near[v] = IntStream.range(0, n).filter(other -> other != from).boxed()
                    .sorted(Comparator.comparingLong(other -> matrix.distance(place[from], place[other])
                            + matrix.distance(place[other], place[from])))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    long time(int fromPlace, int toPlace) {
        return matrix.time(fromPlace, toPlace);
    }

    /** Driving from one place to another on route r: its distance and time at the route's rates. */
    long arcCost(int r, int fromPlace, int toPlace) {
        return matrix.distance(fromPlace, toPlace) * costPerDistance[r] + matrix.time(fromPlace, toPlace) * costPerTime[r];
    }

    /** When pickup v reached at {@code arrival} on the route's day starts, or -1 if too late for every window. */
    long serviceStart(int v, int r, long arrival) {
        long[] w = windows[v][day[r]];
        for (int i = 0; i < w.length; i += 2) {
            if (arrival <= w[i + 1]) {
                return Math.max(arrival, w[i]);
            }
        }
        return -1;
    }

    /**
     * The latest arrival at pickup v on route r for its service to start by {@code latestStart}, or Long.MIN_VALUE.
     * Service starts are non-decreasing in the arrival, so a later arrival never helps: the answer is a threshold.
     */
    long latestArrival(int v, int r, long latestStart) {
        long[] w = windows[v][day[r]];
        for (int i = w.length - 2; i >= 0; i -= 2) {
            if (w[i] <= latestStart) {
                return Math.min(w[i + 1], latestStart);
            }
        }
        return Long.MIN_VALUE;
    }
}
