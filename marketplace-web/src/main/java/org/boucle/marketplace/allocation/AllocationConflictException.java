package org.boucle.marketplace.allocation;

import java.util.UUID;

/**
 * A run cannot start or be accepted in the state things are in: answered 409 in the API, a message on the page.
 *
 * @param slug what went wrong: run-under-way, nothing-to-allocate, not-solved, not-feasible
 * @param runId the run in the way, for run-under-way
 */
class AllocationConflictException extends RuntimeException {

    private final String slug;
    private final UUID runId;

    AllocationConflictException(String slug, String message, UUID runId) {
        super(message);
        this.slug = slug;
        this.runId = runId;
    }

    String slug() {
        return slug;
    }

    UUID runId() {
        return runId;
    }
}
