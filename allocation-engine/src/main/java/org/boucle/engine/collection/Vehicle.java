package org.boucle.engine.collection;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.boucle.engine.geo.GeoPoint;

/**
 * A collector's vehicle. Each of its allowed days in the horizon is one route at most, from its home depot and back,
 * within its shift.
 *
 * @param grossWeightKg its maximum authorised mass, which sites' access limits are compared with
 * @param kgCo2ePerKm reported only: emissions follow distance, which the cost per km already weighs
 */
public record Vehicle(String id, GeoPoint home, double capacityM3, double capacityKg, double grossWeightKg,
        LocalTime shiftStart, LocalTime shiftEnd, long costPerKmCents, long costPerHourCents, double kgCo2ePerKm,
        Set<DayOfWeek> allowedDays) {

    public Vehicle {
        if (id == null || id.isBlank() || home == null) {
            throw new IllegalArgumentException("a vehicle has an id and a home depot");
        }
        if (!(capacityM3 > 0) || !(capacityKg > 0) || !(grossWeightKg > 0)) {
            throw new IllegalArgumentException("vehicle " + id + " has positive capacities and gross weight");
        }
        if (shiftStart == null || shiftEnd == null || !shiftStart.isBefore(shiftEnd)) {
            throw new IllegalArgumentException("vehicle " + id + "'s shift starts before it ends");
        }
        if (costPerKmCents < 0 || costPerHourCents < 0 || !(kgCo2ePerKm >= 0)) {
            throw new IllegalArgumentException("vehicle " + id + " has no negative cost or emissions");
        }
        allowedDays = Set.copyOf(allowedDays);
    }
}
