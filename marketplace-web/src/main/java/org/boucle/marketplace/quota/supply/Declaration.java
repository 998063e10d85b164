package org.boucle.marketplace.quota.supply;

import java.util.UUID;

/** What a dispositions file did: every row declared, {@code replaced} of them over an earlier declaration. */
public record Declaration(UUID organizationId, int rows, int declared, int replaced) {
}
