package org.boucle.engine.collection;

import java.util.List;

/**
 * A route's feasibility and cost computed straight from its sequence, without the solver: what the construction and
 * route elimination try thousands of insertions with. Mirrors the constraints (capacities, windows, shift, access,
 * readiness, cost), not the workshops' intake, which spans routes and is left to local search.
 */
final class RouteCosting {

    static final long INFEASIBLE = Long.MAX_VALUE;

    private RouteCosting() {
    }

    /** The route's cost with {@code inserted} at {@code position} of {@code visits} (none if null), or INFEASIBLE. */
    static long cost(VehicleDay route, List<Visit> visits, Visit inserted, int position) {
        int size = visits.size() + (inserted == null ? 0 : 1);
        if (size == 0) {
            return 0;
        }
        RoutingMatrix matrix = (inserted != null ? inserted : visits.get(0)).matrix();
        long time = route.start();
        long volume = 0;
        long weight = 0;
        long distance = 0;
        long driving = 0;
        int at = route.home();
        Visit last = null;
        for (int i = 0; i < size; i++) {
            Visit visit = inserted == null || i < position ? visits.get(i) : i == position ? inserted : visits.get(i - 1);
            if (visit.firstDay() > route.day() || route.grossWeight() > visit.maxGrossWeight()) {
                return INFEASIBLE;
            }
            volume += visit.volume();
            weight += visit.weight();
            if (volume > route.volumeCapacity() || weight > route.weightCapacity()) {
                return INFEASIBLE;
            }
            long leg = matrix.time(at, visit.place());
            long start = visit.serviceStart(route.day(), time + leg);
            if (start < 0) {
                return INFEASIBLE;
            }
            distance += matrix.distance(at, visit.place());
            driving += leg;
            time = start + visit.service();
            at = visit.place();
            last = visit;
        }
        Drop drop = Visit.nearestDrop(last.drops(), matrix, at, route.home());
        long homeDistance;
        long homeTime;
        if (drop == null) {
            homeDistance = matrix.distance(at, route.home());
            homeTime = matrix.time(at, route.home());
        } else {
            homeDistance = matrix.distance(at, drop.place()) + matrix.distance(drop.place(), route.home());
            homeTime = matrix.time(at, drop.place()) + route.unloading() + matrix.time(drop.place(), route.home());
        }
        if (time + homeTime > route.end()) {
            return INFEASIBLE;
        }
        return (distance + homeDistance) * route.costPerDistance() + (driving + homeTime) * route.costPerTime();
    }
}
