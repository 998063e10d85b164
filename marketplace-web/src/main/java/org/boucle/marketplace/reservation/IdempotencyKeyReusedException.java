package org.boucle.marketplace.reservation;

/** An Idempotency-Key already used by this organization for another request. */
class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different reservation");
    }
}
