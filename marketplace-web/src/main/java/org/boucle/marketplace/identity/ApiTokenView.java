package org.boucle.marketplace.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal API token as its owner lists it; the secret is never shown again after creation. */
public record ApiTokenView(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {
}
