package org.boucle.marketplace.collection;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A vehicle as a collector declares it. {@code organizationId} is for coordinators declaring a collector's vehicle;
 * collectors leave it out. Costs in euros excluding VAT.
 */
public record NewVehicle(UUID organizationId, String name, UUID depotSiteId, BigDecimal capacityM3, Integer capacityKg,
        Integer grossWeightKg, LocalTime shiftStart, LocalTime shiftEnd, BigDecimal costPerKm, BigDecimal costPerHour,
        BigDecimal kgCo2ePerKm, List<DayOfWeek> allowedDays) {
}
