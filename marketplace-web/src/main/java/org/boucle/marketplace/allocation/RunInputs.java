package org.boucle.marketplace.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a run saw of the territory, kept with it so that its plan reads the same after listings and needs change.
 */
record RunInputs(List<Supply> supply, List<Need> demands) {

    /** A listing's units on offer. {@code grade} is the expected one for an upcoming lot. */
    record Supply(UUID id, String title, String kind, UUID sellerId, String sellerName, String category, String siteName,
            double latitude, double longitude, LocalDate availableOn, String grade, int quantity, long unitPriceCents,
            boolean donation) {
    }

    /** A need with units left to serve. */
    record Need(UUID id, UUID organizationId, String organizationName, String kind, String category, int remaining,
            double latitude, double longitude, LocalDate latestDate, long maxUnitPriceCents, int socialPriority,
            int populationServed) {

        boolean association() {
            return "ASSOCIATION".equals(kind);
        }
    }
}
