package org.boucle.marketplace.inventory;

/** Devices in service by category and age band (years since purchase; "unknown" without a purchase date). */
public record ParkRow(String category, String ageBand, long quantity) {
}
