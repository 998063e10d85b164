package org.boucle.engine.allocation;

/** Who posted a demand: a buyer pays the listing's price; an association pays what it can and may be subsidised. */
public enum DemandKind {
    BUYER,
    ASSOCIATION
}
