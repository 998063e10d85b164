package org.boucle.marketplace.reservation;

/** Fewer units are free than asked for: nothing was held. */
public class InsufficientQuantityException extends RuntimeException {

    private final int available;

    InsufficientQuantityException(int available) {
        super("Only " + available + " unit(s) still available");
        this.available = available;
    }

    int available() {
        return available;
    }
}
