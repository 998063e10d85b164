package org.boucle.marketplace.payment;

/** Stripe could not be reached or refused a call; the same request can be retried safely (idempotency keys). */
public class PaymentUnavailableException extends RuntimeException {

    public PaymentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
