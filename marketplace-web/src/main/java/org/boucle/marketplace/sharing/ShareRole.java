package org.boucle.marketplace.sharing;

/** Who receives a part of a sale. Declared in the order shares are listed, except the seller, which comes last. */
public enum ShareRole {
    /** Takes what the other roles leave: never a line of a rule set. */
    SELLER,
    /** Data wiping and refurbishing. */
    WORKSHOP,
    COLLECTOR,
    DONOR,
    PLATFORM,
    /** Finances discounted or donated devices for associations, and covers sales whose fees exceed the price. */
    SOLIDARITY_FUND
}
