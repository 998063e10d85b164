package org.boucle.marketplace.collection;

/**
 * A pickup that cannot take the action in its state (answered 409).
 *
 * @see #slug() the problem's type, and the key of its message on the pages ({@code pickups.error.<slug>})
 */
class PickupConflictException extends RuntimeException {

    private final String slug;

    PickupConflictException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
