package org.boucle.marketplace.collection;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A collector's vehicle, with where it starts its day. */
public record Vehicle(UUID id, UUID organizationId, String organizationName, String name, UUID depotSiteId,
        String depotName, double depotLatitude, double depotLongitude, BigDecimal capacityM3, int capacityKg,
        int grossWeightKg, LocalTime shiftStart, LocalTime shiftEnd, BigDecimal costPerKm, BigDecimal costPerHour,
        BigDecimal kgCo2ePerKm, List<DayOfWeek> allowedDays, boolean active) {
}
