package org.boucle.marketplace.inventory.source;

/** A cell whose text cannot be read as what its column holds; the message is the row error's reason. */
public final class InvalidValue extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidValue(String reason) {
        super(reason, null, false, false);
    }
}
