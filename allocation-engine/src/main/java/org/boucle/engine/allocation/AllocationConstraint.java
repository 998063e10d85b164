package org.boucle.engine.allocation;

/**
 * The plan's constraints, by level. Their ids name them in score explanations; the web part translates them.
 */
public enum AllocationConstraint {
    /** Category, specs and grade: a unit goes only to a demand it satisfies. Penalty: units. */
    COMPATIBLE_EQUIPMENT("Compatible equipment", true),
    /** A unit goes only to a demand whose latest date it is available by. Penalty: units. */
    AVAILABLE_IN_TIME("Available in time", true),
    /**
     * A buyer pays the listing's price: it must fit the buyer's budget and cover every actor's fees, since only
     * associations may be subsidised. Penalty: units.
     */
    PRICE_COVERS_CHAIN("Price within budget and covering the chain", true),
    /** A demand never gets more than it asked. Penalty: units beyond the request. */
    DEMAND_NOT_OVER_SERVED("Demand not over-served", true),
    /**
     * Subsidies to associations never exceed the fund's balance plus the solidarity share of the plan's sales.
     * Penalty: cents beyond.
     */
    SOLIDARITY_FUND_VIABILITY("Solidarity fund viability", true),
    /** Reward: priority × units given to associations, in cents. */
    SOCIAL_VALUE("Social value", false),
    /** Penalty: each association's requested units × squared shortfall ratio, in cents. */
    FAIRNESS("Fairness between associations", false),
    /** Reward: what recipients pay, shared by the rules between the actors, in cents. */
    VALUE_TO_THE_CHAIN("Value to the chain", false),
    /** Penalty: transport emissions (tonne-km), valued in cents. */
    TRANSPORT_EMISSIONS("Transport emissions", false),
    /** Penalty: recipients of a donor's lot beyond the first, in cents. */
    LOT_KEPT_TOGETHER("Donor's lot kept together", false);

    private final String id;
    private final boolean hard;

    AllocationConstraint(String id, boolean hard) {
        this.id = id;
        this.hard = hard;
    }

    public String id() {
        return id;
    }

    public boolean isHard() {
        return hard;
    }

    static AllocationConstraint byId(String id) {
        for (AllocationConstraint constraint : values()) {
            if (constraint.id.equals(id)) {
                return constraint;
            }
        }
        throw new IllegalArgumentException("Unknown constraint " + id);
    }
}
