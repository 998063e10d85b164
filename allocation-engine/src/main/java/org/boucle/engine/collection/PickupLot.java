package org.boucle.engine.collection;

import java.time.LocalDate;

/**
 * Devices a donor hands over in one go: their volume and weight (from the category's standard dimensions), the first
 * day they can be collected and the day they are decommissioned, after which they are in the way: a lot decommissioned
 * by the end of the horizon is urgent.
 */
public record PickupLot(String id, String siteId, int devices, double volumeM3, double weightKg, LocalDate availableFrom,
        LocalDate decommissionDate) {

    public PickupLot {
        if (id == null || id.isBlank() || siteId == null) {
            throw new IllegalArgumentException("a lot has an id and a site");
        }
        if (devices < 1 || !(volumeM3 >= 0) || !(weightKg >= 0)) {
            throw new IllegalArgumentException("lot " + id + " has at least one device and no negative volume or weight");
        }
        if (availableFrom == null || decommissionDate == null) {
            throw new IllegalArgumentException("lot " + id + " has its availability and decommission dates");
        }
    }
}
