package org.boucle.marketplace.collection;

import java.util.UUID;

/**
 * A pickup given to a donor was cancelled (by the donor or a coordinator), published once the cancellation is committed:
 * the plan it belonged to is re-planned around it.
 *
 * @param cancelledBy the user who cancelled it, the re-plan's author
 */
public record PickupCancelled(UUID pickupId, UUID planId, String reason, UUID cancelledBy, String cancelledByName) {
}
