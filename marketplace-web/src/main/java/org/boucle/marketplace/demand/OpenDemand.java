package org.boucle.marketplace.demand;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A need still to serve, as the allocation optimiser reads it.
 *
 * @param remaining units asked and not yet allocated by an accepted plan
 * @param maxUnitPriceCents buyers: the most they pay per unit; associations: what they can contribute per unit
 * @param socialPriority associations: the coordinators' weight (1 while none is set); buyers: 0
 */
public record OpenDemand(UUID id, UUID organizationId, String organizationName, String kind, String category,
        int remaining, int minRamGb, int minStorageGb, int minCpuGeneration, double minScreenInches, String minGrade,
        LocalDate latestDate, UUID deliverySiteId, double latitude, double longitude, long maxUnitPriceCents,
        int populationServed, int socialPriority) {

    public boolean isAssociation() {
        return "ASSOCIATION".equals(kind);
    }
}
