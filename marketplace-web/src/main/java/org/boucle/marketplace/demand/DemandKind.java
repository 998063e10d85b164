package org.boucle.marketplace.demand;

/** Who a need is for: a buyer pays the price, an association pays what it can and the solidarity fund covers the rest. */
public enum DemandKind {
    BUYER,
    ASSOCIATION
}
