package org.boucle.engine.allocation;

import java.time.LocalDate;
import java.util.Objects;
import org.boucle.engine.geo.GeoPoint;

/**
 * Identical units on offer: refurbished stock from one listing, or an upcoming lot (or the part of it that shares a
 * grade and specs).
 *
 * @param id what assignments refer to (a listing or lot id)
 * @param lotId the donor's lot the units come from, shared by the batches of one lot, which the plan prefers to keep
 *        together; null for stock with no donor lot behind it
 * @param site where the units are (the workshop, or the donor's site for an upcoming lot)
 * @param availableOn the first day the units can be delivered
 * @param category the catalogue's category (LAPTOP, DESKTOP, SCREEN, ...)
 * @param marketPriceCents the listing's unit price, what a buyer pays; 0 for units offered as donations
 * @param sharing what each actor must recover per unit
 * @param unitWeightKg the category's standard packed weight, for transport emissions
 * @param avoidedCo2eKgPerUnit the manufacturing footprint of the new device a reused unit replaces
 */
public record SupplyBatch(String id, String lotId, GeoPoint site, LocalDate availableOn, String category, Specs specs,
        Grade grade, int quantity, long marketPriceCents, ValueSharing sharing, double unitWeightKg,
        double avoidedCo2eKgPerUnit) {

    public SupplyBatch {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a supply batch needs an id");
        }
        Objects.requireNonNull(site, () -> "supply " + id + ": site is required");
        Objects.requireNonNull(availableOn, () -> "supply " + id + ": availableOn is required");
        Objects.requireNonNull(specs, () -> "supply " + id + ": specs are required");
        Objects.requireNonNull(grade, () -> "supply " + id + ": grade is required");
        Objects.requireNonNull(sharing, () -> "supply " + id + ": sharing is required");
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("supply " + id + ": category is required");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("supply " + id + ": quantity must be at least 1, not " + quantity);
        }
        if (marketPriceCents < 0) {
            throw new IllegalArgumentException("supply " + id + ": market price must be at least 0");
        }
        if (!(unitWeightKg > 0) || !(avoidedCo2eKgPerUnit >= 0)) {
            throw new IllegalArgumentException("supply " + id + ": unit weight must be above 0 and avoided CO2e at least 0");
        }
    }
}
