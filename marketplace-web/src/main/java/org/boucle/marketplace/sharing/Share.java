package org.boucle.marketplace.sharing;

/** What one role receives from a sale, in cents (always more than 0). */
public record Share(ShareRole role, long amountCents) {
}
