package org.boucle.marketplace.catalog;

/** What a catalogue listing offers. */
public enum ListingKind {
    /** Devices a donor will retire in a given month, listed before anyone has inspected them: no grade. */
    UPCOMING_LOT,
    /** Graded, warrantied units that a workshop or a reseller has in stock. */
    REFURBISHED
}
