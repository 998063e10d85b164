package org.boucle.engine.allocation;

import java.time.LocalDate;
import java.util.Objects;
import org.boucle.engine.geo.GeoPoint;

/**
 * A need posted by a buyer or an association.
 *
 * @param minimumSpecs the least each unit must offer ({@link Specs#NONE}: anything of the category)
 * @param latestDate units must be available on this day at the latest
 * @param maxUnitPriceCents a buyer's budget per unit (it pays the listing's price, which must fit); for an association,
 *        what it can contribute per unit (0: donations only), the fund covering the rest of the chain's costs
 * @param populationServed associations: people the equipment will serve (0 for buyers)
 * @param socialPriority associations: the weight coordinators set from documented criteria (people served, urgency,
 *        digital-inclusion programme), at least 1; never set by the association itself; 0 for buyers
 */
public record Demand(String id, DemandKind kind, String category, int quantity, Specs minimumSpecs, Grade minimumGrade,
        LocalDate latestDate, GeoPoint deliverySite, long maxUnitPriceCents, int populationServed, int socialPriority) {

    public Demand {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a demand needs an id");
        }
        Objects.requireNonNull(kind, () -> "demand " + id + ": kind is required");
        Objects.requireNonNull(minimumSpecs, () -> "demand " + id + ": minimumSpecs is required");
        Objects.requireNonNull(minimumGrade, () -> "demand " + id + ": minimumGrade is required");
        Objects.requireNonNull(latestDate, () -> "demand " + id + ": latestDate is required");
        Objects.requireNonNull(deliverySite, () -> "demand " + id + ": deliverySite is required");
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("demand " + id + ": category is required");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("demand " + id + ": quantity must be at least 1, not " + quantity);
        }
        if (maxUnitPriceCents < 0 || populationServed < 0) {
            throw new IllegalArgumentException("demand " + id + ": price and population must be at least 0");
        }
        if (kind == DemandKind.BUYER && (maxUnitPriceCents == 0 || socialPriority != 0 || populationServed != 0)) {
            throw new IllegalArgumentException("demand " + id + ": a buyer states a maximum unit price above 0 and has"
                    + " no social priority nor population served");
        }
        if (kind == DemandKind.ASSOCIATION && socialPriority < 1) {
            throw new IllegalArgumentException("demand " + id + ": an association's social priority is at least 1");
        }
    }

    public boolean isAssociation() {
        return kind == DemandKind.ASSOCIATION;
    }

    /**
     * What this demand pays for one unit of {@code supply}: a buyer the listing's price, an association what it can
     * contribute, at most that price.
     */
    public long unitPriceCents(SupplyBatch supply) {
        return isAssociation() ? Math.min(maxUnitPriceCents, supply.marketPriceCents()) : supply.marketPriceCents();
    }
}
