package org.boucle.marketplace.traceability;

import java.util.UUID;

/** A device as the custody pages show it: what it is, whose it was, and where it stands. */
public record CustodyDevice(UUID id, String name, String serial, String assetTag, String category, UUID donorId,
        String donorName, CustodyStep step, UUID holderId, String holderName) {
}
