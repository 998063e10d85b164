package org.boucle.engine.collection;

import java.util.ArrayList;
import java.util.List;

/**
 * A VRPTW instance as a routing core plan: one day, one vehicle-day per vehicle of the fleet, the demand as weight,
 * no workshop, cost = distance. Units are thousandths of the instance's: distances rounded, travel times rounded up,
 * so that a plan feasible here is feasible in the instance's doubles (the checker confirms).
 */
final class SolomonModel {

    static final double SCALE = 1000;

    private SolomonModel() {
    }

    static RoutePlan plan(SolomonInstance instance) {
        List<SolomonInstance.Node> nodes = instance.nodes();
        int n = nodes.size();
        long[][] distance = new long[n][n];
        long[][] time = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = nodes.get(i).distanceTo(nodes.get(j)) * SCALE;
                distance[i][j] = Math.round(d);
                time[i][j] = (long) Math.ceil(d - 1e-9);
            }
        }
        RoutingMatrix matrix = new RoutingMatrix(distance, time);
        SolomonInstance.Node depot = instance.depot();
        List<VehicleDay> routes = new ArrayList<>();
        for (int v = 0; v < instance.vehicles(); v++) {
            routes.add(new VehicleDay("v" + v, "v" + v, 0, 0, scaled(depot.ready()), scaled(depot.due()), Long.MAX_VALUE / 4,
                    instance.capacity(), 0, 1, 0, 0));
        }
        List<Visit> visits = new ArrayList<>();
        for (SolomonInstance.Node customer : instance.customers()) {
            visits.add(new Visit(Integer.toString(customer.id()), Integer.toString(customer.id()),
                    List.of(Integer.toString(customer.id())), customer.id(), 0, 0, customer.demand(),
                    scaled(customer.service()), new long[][] {{scaled(customer.ready()), scaled(customer.due())}}, 0,
                    Long.MAX_VALUE, 1, null, matrix, List.of()));
        }
        return new RoutePlan(List.of(), routes, visits);
    }

    /** The plan's routes as customer ids, for the checker. */
    static List<List<Integer>> routes(RoutePlan plan) {
        return plan.vehicleDays().stream()
                .map(route -> route.visits().stream().map(visit -> Integer.parseInt(visit.id())).toList())
                .filter(route -> !route.isEmpty())
                .toList();
    }

    private static long scaled(double value) {
        return Math.round(value * SCALE);
    }
}
