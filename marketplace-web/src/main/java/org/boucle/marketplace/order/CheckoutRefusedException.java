package org.boucle.marketplace.order;

/** A checkout that cannot happen as asked; slug names the reason for API clients. */
class CheckoutRefusedException extends RuntimeException {

    private final String slug;

    CheckoutRefusedException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }
}
