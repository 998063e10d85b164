package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * A demand as the solver sees it: a planning value, with the rules that say which units it may receive. Equal only
 * to itself, so that grouping by recipient stays cheap.
 */
final class Recipient {

    @PlanningId
    private final String id;
    private final int index;
    private final Demand demand;
    private final long fairnessMicros;

    /** @param index its position among the problem's demands */
    Recipient(int index, Demand demand, long fairnessMicros) {
        this.id = demand.id();
        this.index = index;
        this.demand = demand;
        this.fairnessMicros = fairnessMicros;
    }

    String id() {
        return id;
    }

    int index() {
        return index;
    }

    Demand demand() {
        return demand;
    }

    int quantity() {
        return demand.quantity();
    }

    boolean isAssociation() {
        return demand.isAssociation();
    }

    /** Category, specs and grade. */
    boolean equipmentFits(SupplyBatch supply) {
        return supply.category().equals(demand.category()) && supply.specs().meets(demand.minimumSpecs())
                && supply.grade().meets(demand.minimumGrade());
    }

    boolean availableInTime(SupplyBatch supply) {
        return !supply.availableOn().isAfter(demand.latestDate());
    }

    /**
     * A buyer pays the listing's price, which must fit its budget and leave no actor at a loss; an association pays
     * what it can and the fund may cover the rest.
     */
    boolean priceFits(SupplyBatch supply) {
        return demand.isAssociation() || supply.marketPriceCents() > 0 // price 0: a donation, for associations only
                && supply.marketPriceCents() <= demand.maxUnitPriceCents()
                && supply.sharing().subsidyCents(supply.marketPriceCents()) == 0;
    }

    boolean accepts(SupplyBatch supply) {
        return equipmentFits(supply) && availableInTime(supply) && priceFits(supply);
    }

    /** What the recipient pays for one unit of {@code supply}. */
    long paidCents(SupplyBatch supply) {
        return demand.unitPriceCents(supply);
    }

    /**
     * The fairness penalty, in the soft score's unit, for an association that receives {@code served} units: requested
     * × shortfall ratio².
     */
    long fairnessPenaltyMicros(long served) {
        long shortfall = Math.max(0, demand.quantity() - served);
        return Math.round((double) fairnessMicros * shortfall * shortfall / demand.quantity());
    }

    @Override
    public String toString() {
        return id;
    }
}
