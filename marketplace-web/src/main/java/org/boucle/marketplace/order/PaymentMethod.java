package org.boucle.marketplace.order;

import java.util.Locale;
import java.util.Optional;

/** How an order is settled. Card and SEPA debit go through Stripe; invoices and donations never need it. */
public enum PaymentMethod {
    CARD, SEPA_DEBIT, INVOICE, DONATION;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<PaymentMethod> of(String code) {
        for (PaymentMethod method : values()) {
            if (method.code().equals(code)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    boolean throughStripe() {
        return this == CARD || this == SEPA_DEBIT;
    }
}
