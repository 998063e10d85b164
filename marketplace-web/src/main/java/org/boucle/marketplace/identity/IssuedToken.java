package org.boucle.marketplace.identity;

import java.time.Instant;
import java.util.UUID;

/** A freshly issued API token: the only time its secret is shown. */
public record IssuedToken(UUID id, String name, String token, Instant createdAt, Instant expiresAt) {
}
