package org.boucle.engine.allocation;

/**
 * What one unit of a batch brings and costs when it goes to one recipient, computed once per pair.
 *
 * @param paidCents what the recipient pays
 * @param subsidyCents what the solidarity fund pays so that no actor works at a loss
 * @param solidarityShareCents what the fund receives from the price paid
 * @param socialValueMicros the social value reward (associations only), in the soft score's unit
 * @param chainValueMicros the revenue reward
 * @param km road distance from the batch's site to the delivery site
 * @param transportKgCo2e emissions of carrying the unit there
 * @param transportCostMicros those emissions valued at the carbon weight
 */
record Offer(long paidCents, long subsidyCents, long solidarityShareCents, long socialValueMicros, long chainValueMicros,
        double km, double transportKgCo2e, long transportCostMicros) {

    /** What one unit adds to the soft score, fairness and lots aside. */
    long unitValueMicros() {
        return socialValueMicros + chainValueMicros - transportCostMicros;
    }

    static Offer of(SupplyBatch supply, Recipient recipient, AllocationWeights weights, TransportModel transport) {
        Demand demand = recipient.demand();
        long paid = recipient.paidCents(supply);
        double km = transport.kilometres(supply.site(), demand.deliverySite());
        double kgCo2e = transport.kgCo2ePerUnit(km, supply.unitWeightKg());
        return new Offer(paid, supply.sharing().subsidyCents(paid), supply.sharing().solidarityShareCents(paid),
                demand.isAssociation() ? demand.socialPriority() * weights.socialValueCents() * PlanScore.SOFT_PER_CENT : 0,
                paid * weights.revenuePercent() * PlanScore.SOFT_PER_CENT / 100, km, kgCo2e,
                Math.round(kgCo2e * weights.carbonCentsPerKgCo2e() * PlanScore.SOFT_PER_CENT));
    }
}
