package org.boucle.marketplace.collection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A collection plan as the API and the pages show it: its routes and left-over lots named from what the run saw.
 *
 * @param fleetOf the collector whose fleet alone it plans; null for the territory's whole fleet
 * @param replans the accepted plan it re-plans after a cancellation or a breakdown, with the reason
 */
public record PlanView(UUID id, String status, LocalDate from, LocalDate to, int timeLimitSeconds, UUID fleetOf,
        UUID replans, String reason, String startedBy, Instant startedAt, Instant finishedAt, Score score,
        Boolean feasible, List<Route> routes, List<Unserved> unserved, List<ProgressPoint> progress, String failure,
        Instant acceptedAt, String acceptedBy) {

    @Schema(description = "Hierarchical: hard (0 when feasible), then unserved lots weighted by urgency, then accepted"
            + " pickups moved, then routes (vehicle-days), then cost in euros")
    public record Score(long hard, long unservedLots, long acceptedMoved, long routes, double costEuros) {
    }

    public record Route(UUID vehicleId, String vehicle, String collector, LocalDate day, List<Stop> stops,
            UUID workshopId, String workshop, double distanceKm, double durationHours, double loadM3, double loadKg,
            int devices, double kgCo2e, Place depot, Place workshopPlace) {
    }

    public record Stop(UUID siteId, String site, String donor, List<String> lotIds, int devices,
            LocalDateTime arrival, LocalDateTime departure, double latitude, double longitude) {
    }

    public record Place(String name, double latitude, double longitude) {
    }

    public record Unserved(String lotId, String site, String donor, String category, int devices, String reason) {
    }

    public record ProgressPoint(long elapsedMs, long hard, long unservedLots, long routes, double costEuros) {
    }

    public int devices() {
        return routes == null ? 0 : routes.stream().mapToInt(Route::devices).sum();
    }

    public double distanceKm() {
        return routes == null ? 0 : Math.round(routes.stream().mapToDouble(Route::distanceKm).sum() * 10) / 10.0;
    }

    public double kgCo2e() {
        return routes == null ? 0 : Math.round(routes.stream().mapToDouble(Route::kgCo2e).sum() * 10) / 10.0;
    }
}
