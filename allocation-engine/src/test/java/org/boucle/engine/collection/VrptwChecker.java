package org.boucle.engine.collection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a VRPTW solution on its own, whoever made it: every customer exactly once, each route within the capacity,
 * each service started by the customer's due date (waiting for its ready time), each vehicle back at the depot by
 * the depot's due date, at most the fleet's vehicles; distance summed in doubles over the Euclidean legs.
 */
final class VrptwChecker {

    private static final double EPSILON = 1e-6;

    record Result(int vehicles, double distance, List<String> violations) {

        boolean feasible() {
            return violations.isEmpty();
        }
    }

    private VrptwChecker() {
    }

    /** @param routes customer ids in visiting order, one list per vehicle used */
    static Result check(SolomonInstance instance, List<List<Integer>> routes) {
        List<String> violations = new ArrayList<>();
        List<SolomonInstance.Node> nodes = instance.nodes();
        SolomonInstance.Node depot = instance.depot();
        Set<Integer> seen = new HashSet<>();
        double total = 0;
        int used = 0;
        for (List<Integer> route : routes) {
            if (route.isEmpty()) {
                continue;
            }
            used++;
            double time = depot.ready();
            int load = 0;
            SolomonInstance.Node at = depot;
            for (int id : route) {
                if (id <= 0 || id >= nodes.size()) {
                    violations.add("unknown customer " + id);
                    continue;
                }
                if (!seen.add(id)) {
                    violations.add("customer " + id + " visited twice");
                }
                SolomonInstance.Node next = nodes.get(id);
                double leg = at.distanceTo(next);
                total += leg;
                time = Math.max(time + leg, next.ready());
                if (time > next.due() + EPSILON) {
                    violations.add("customer " + id + " served at " + time + " after its due date " + next.due());
                }
                time += next.service();
                load += next.demand();
                at = next;
            }
            double back = at.distanceTo(depot);
            total += back;
            if (time + back > depot.due() + EPSILON) {
                violations.add("a route is back at " + (time + back) + " after the depot's due date " + depot.due());
            }
            if (load > instance.capacity()) {
                violations.add("a route carries " + load + " over the capacity " + instance.capacity());
            }
        }
        if (seen.size() != instance.customers().size()) {
            violations.add((instance.customers().size() - seen.size()) + " customers not served");
        }
        if (used > instance.vehicles()) {
            violations.add(used + " vehicles over the fleet's " + instance.vehicles());
        }
        return new Result(used, total, violations);
    }
}
