package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One step of a device's custody as recorded, with the hash that chains it to the previous one. */
public record CustodyEvent(UUID id, UUID deviceId, int seq, CustodyStep step, Instant occurredAt, Instant recordedAt,
        UUID userId, String userName, UUID organizationId, String organizationName, UUID siteId, String siteName,
        UUID holderId, String holderName, JsonNode details, String previousHash, String hash) {
}
