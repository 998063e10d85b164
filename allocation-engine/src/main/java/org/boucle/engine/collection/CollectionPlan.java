package org.boucle.engine.collection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A plan of pooled pickups: the routes, the lots left for later and why, and the score they were chosen by.
 *
 * @param feasible no hard constraint broken: every route keeps its capacities, windows, shift, accesses and intakes
 */
public record CollectionPlan(List<Route> routes, List<Unserved> unserved, RouteScore score, boolean feasible) {

    public CollectionPlan {
        routes = List.copyOf(routes);
        unserved = List.copyOf(unserved);
    }

    /** One vehicle's day: its stops in order, then the workshop it unloads at, and what it carries there. */
    public record Route(String vehicleId, LocalDate day, List<Stop> stops, String workshopId, double distanceKm,
            double durationHours, double loadM3, double loadKg, int devices, double kgCo2e) {

        public Route {
            stops = List.copyOf(stops);
        }
    }

    /** A pickup: the lots taken at a site, when the vehicle arrives and when it leaves (after waiting for opening). */
    public record Stop(String siteId, List<String> lotIds, LocalDateTime arrival, LocalDateTime departure) {

        public Stop {
            lotIds = List.copyOf(lotIds);
        }
    }

    /** A lot this plan does not collect. */
    public record Unserved(String lotId, String reason) {
    }
}
