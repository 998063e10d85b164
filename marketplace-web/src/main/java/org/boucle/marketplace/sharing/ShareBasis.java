package org.boucle.marketplace.sharing;

/** How a rule line's value turns into cents. */
public enum ShareBasis {
    /** Euros per unit sold. */
    PER_UNIT,
    /** Euros per kg of the category's standard weight. */
    PER_KG,
    /** Percent of what the buyer pays, rounded down to the cent. */
    PERCENT
}
