package org.boucle.marketplace.inventory;

import java.util.UUID;

/** How many devices of a category are forecast to be decommissioned in a month, optionally per site, donor or commune. */
public record ForecastRow(String month, String category, String site, UUID siteId, String donor, UUID donorId,
        String commune, String communeCode, long quantity) {
}
