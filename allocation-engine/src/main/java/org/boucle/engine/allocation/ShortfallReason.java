package org.boucle.engine.allocation;

/** Why a demand got less than it asked, from the first obstacle its would-be units met. */
public enum ShortfallReason {
    /** It got everything it asked. */
    NONE,
    /** No unit in the supply has its category, specs and grade. */
    NO_MATCHING_EQUIPMENT,
    /** Matching units exist, but none is available by its latest date. */
    NOT_AVAILABLE_IN_TIME,
    /**
     * Matching units in time exist, but a buyer's budget does not reach their price, or their price does not cover
     * the chain's fees.
     */
    PRICE_OUT_OF_REACH,
    /** Units it could have received stay unassigned because the solidarity fund cannot finance their subsidy. */
    SOLIDARITY_FUND_LIMIT,
    /**
     * Units it could have received stay unassigned because sending them would cost more (transport, splitting a lot)
     * than they bring.
     */
    NOT_WORTH_ITS_COST,
    /** Units it could have received went to demands where, under the weights, they are worth more. */
    SUPPLY_WENT_TO_OTHERS,
    /** It received every unit it could have received, and there were fewer than it asked. */
    NOT_ENOUGH_SUPPLY
}
