package org.boucle.marketplace.sharing;

import java.time.Instant;

/**
 * A sale to share.
 *
 * @param listingKind "UPCOMING_LOT" or "REFURBISHED"
 * @param category the inventory Category name (LAPTOP, DESKTOP, SCREEN, SMARTPHONE, TABLET, PRINTER, SERVER, NETWORK, OTHER)
 * @param reservedAt when the units were reserved: the rules in force then apply
 * @param amountCents what the buyer pays (incl. VAT), 0 for a donation
 * @param quantity units sold, at least 1
 */
public record Sale(String listingKind, String category, Instant reservedAt, long amountCents, int quantity) {
}
