package org.boucle.marketplace.inventory;

import java.util.UUID;

/**
 * Devices of one category that one donor site is forecast to retire in one month: the "upcoming decommissioned
 * lot" the marketplace lists and the optimisers plan with. Its id is stable for the same donor, site, month and category.
 */
public record UpcomingLot(String id, UUID donorId, String donor, UUID siteId, String site, String commune,
        Double latitude, Double longitude, String month, String category, long quantity, String typicalModel,
        Double medianAgeYears) {
}
