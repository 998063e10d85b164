package org.boucle.engine.allocation;

/**
 * What a plan does, in the field's figures.
 *
 * @param unitsSold units to buyers
 * @param revenueCents what buyers and associations pay
 * @param subsidiesCents what the solidarity fund pays so that no actor works at a loss on associations' units
 * @param solidarityFundUsedCents what the plan takes from the fund's balance: its subsidies less the solidarity share of
 *        its own sales (0 when its sales finance more than its subsidies)
 * @param transportKm road kilometres of the deliveries, one per supply batch and demand
 * @param co2eAvoidedKg the manufacturing footprint of the new devices the reused units replace, less transport
 */
public record PlanMetrics(int unitsToAssociations, int unitsSold, long revenueCents, long subsidiesCents,
        long solidarityFundUsedCents, double transportKm, double co2eAvoidedKg) {
}
