package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step for many devices at once.
 *
 * @param devices each device's id, serial number or asset tag
 * @param siteId where it happened: a site of the recording organization (optional)
 * @param occurredAt when it happened (now if left out; never in the future)
 * @param details the step's details, checked per step
 */
public record NewCustodyEvents(List<String> devices, CustodyStep step, UUID siteId, Instant occurredAt,
        JsonNode details) {
}
