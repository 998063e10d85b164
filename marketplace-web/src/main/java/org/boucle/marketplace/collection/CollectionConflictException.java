package org.boucle.marketplace.collection;

import java.util.UUID;

/**
 * A plan cannot start or be accepted in the state things are in: answered 409 in the API, a message on the page.
 *
 * @param slug what went wrong: plan-under-way, nothing-to-collect, not-solved, not-feasible, stale
 * @param planId the plan in the way, for plan-under-way
 */
class CollectionConflictException extends RuntimeException {

    private final String slug;
    private final UUID planId;

    CollectionConflictException(String slug, String message, UUID planId) {
        super(message);
        this.slug = slug;
        this.planId = planId;
    }

    String slug() {
        return slug;
    }

    UUID planId() {
        return planId;
    }
}
