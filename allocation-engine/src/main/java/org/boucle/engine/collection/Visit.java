package org.boucle.engine.collection;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import java.util.List;

/**
 * One pickup at a site: the lots it takes, their load, and where and when it can happen. Its route, neighbours and
 * arrival follow from the route lists ({@link VehicleDay#visits()}); everything else is derived from them.
 *
 * <p>Times are absolute, from the horizon's first midnight. The windows are per day of the horizon, flattened as
 * opens, last start, opens, last start…: the latest start leaves time for the service before the site closes (a
 * VRPTW customer's due date is its latest start too). A day without windows is a closed day.
 */
@PlanningEntity
final class Visit {

    @PlanningId
    private String id;
    private String siteId;
    private List<String> lotIds;
    private int place;
    private int devices;
    private long volume;
    private long weight;
    private long service;
    private long[][] windows;
    private int firstDay;
    private long maxGrossWeight;
    private long unservedWeight;
    private String acceptedRoute;
    private RoutingMatrix matrix;
    private List<Drop> drops;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private VehicleDay vehicleDay;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previous;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private Visit next;
    @CascadingUpdateShadowVariable(targetMethodName = "updateArrival")
    private Long arrival;

    Visit(String id, String siteId, List<String> lotIds, int place, int devices, long volume, long weight, long service,
            long[][] windows, int firstDay, long maxGrossWeight, long unservedWeight, String acceptedRoute,
            RoutingMatrix matrix, List<Drop> drops) {
        this.id = id;
        this.siteId = siteId;
        this.lotIds = List.copyOf(lotIds);
        this.place = place;
        this.devices = devices;
        this.volume = volume;
        this.weight = weight;
        this.service = service;
        this.windows = windows;
        this.firstDay = firstDay;
        this.maxGrossWeight = maxGrossWeight;
        this.unservedWeight = unservedWeight;
        this.acceptedRoute = acceptedRoute;
        this.matrix = matrix;
        this.drops = drops;
    }

    @SuppressWarnings("unused") // for the solver's cloner
    private Visit() {
    }

    /** Called by the solver when the visit's route or predecessor changed; the change cascades down the route. */
    @SuppressWarnings("unused")
    private void updateArrival() {
        if (vehicleDay == null) {
            arrival = null;
            return;
        }
        arrival = previous == null
                ? vehicleDay.start() + matrix.time(vehicleDay.home(), place)
                : previous.departure() + matrix.time(previous.place, place);
    }

    /** When the pickup starts: on arrival, or when the day's next window opens. */
    long serviceStart() {
        long start = serviceStart(vehicleDay.day(), arrival);
        return start < 0 ? arrival : start;
    }

    /** When a pickup reached at {@code arrival} on {@code day} starts, or -1 if it is too late for every window. */
    long serviceStart(int day, long arrival) {
        long[] windows = this.windows[day];
        for (int i = 0; i < windows.length; i += 2) {
            if (arrival <= windows[i + 1]) {
                return Math.max(arrival, windows[i]);
            }
        }
        return -1;
    }

    long departure() {
        return serviceStart() + service;
    }

    /** How far past its last possible start the pickup begins; a closed day counts as the whole shift late. */
    long lateness() {
        long[] day = windows[vehicleDay.day()];
        if (day.length == 0) {
            return vehicleDay.end() - vehicleDay.start() + 1;
        }
        return Math.max(0, arrival - day[day.length - 1]);
    }

    /** The distance driven to get here, from the previous stop or the depot. */
    long distanceIn() {
        return matrix.distance(previous == null ? vehicleDay.home() : previous.place, place);
    }

    long timeIn() {
        return matrix.time(previous == null ? vehicleDay.home() : previous.place, place);
    }

    /** The workshop a route ending here unloads at: the shortest way home through one; none in the VRPTW benchmark. */
    Drop drop() {
        return nearestDrop(drops, matrix, place, vehicleDay.home());
    }

    static Drop nearestDrop(List<Drop> drops, RoutingMatrix matrix, int from, int home) {
        Drop best = null;
        long bestDistance = Long.MAX_VALUE;
        for (Drop candidate : drops) {
            long distance = matrix.distance(from, candidate.place()) + matrix.distance(candidate.place(), home);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** From here to the depot, through the workshop if there is one: what the last visit of a route adds. */
    long distanceHome() {
        Drop drop = drop();
        return drop == null ? matrix.distance(place, vehicleDay.home())
                : matrix.distance(place, drop.place()) + matrix.distance(drop.place(), vehicleDay.home());
    }

    long timeHome() {
        Drop drop = drop();
        return drop == null ? matrix.time(place, vehicleDay.home())
                : matrix.time(place, drop.place()) + vehicleDay.unloading() + matrix.time(drop.place(), vehicleDay.home());
    }

    /** When a route ending here is back at its depot. */
    long routeEnd() {
        return departure() + timeHome();
    }

    boolean last() {
        return next == null;
    }

    boolean movedFromAcceptedRoute() {
        return acceptedRoute != null && (vehicleDay == null || !acceptedRoute.equals(vehicleDay.id()));
    }

    String id() {
        return id;
    }

    String siteId() {
        return siteId;
    }

    List<String> lotIds() {
        return lotIds;
    }

    int place() {
        return place;
    }

    int devices() {
        return devices;
    }

    long volume() {
        return volume;
    }

    long weight() {
        return weight;
    }

    long service() {
        return service;
    }

    /** Per day of the horizon: opens, last start, opens, last start… (shared, not to be changed). */
    long[][] windows() {
        return windows;
    }

    int firstDay() {
        return firstDay;
    }

    long maxGrossWeight() {
        return maxGrossWeight;
    }

    long unservedWeight() {
        return unservedWeight;
    }

    String acceptedRoute() {
        return acceptedRoute;
    }

    RoutingMatrix matrix() {
        return matrix;
    }

    List<Drop> drops() {
        return drops;
    }

    VehicleDay vehicleDay() {
        return vehicleDay;
    }

    Long arrival() {
        return arrival;
    }

    @Override
    public String toString() {
        return id;
    }
}
