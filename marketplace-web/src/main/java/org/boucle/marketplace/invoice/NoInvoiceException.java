package org.boucle.marketplace.invoice;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The order exists but has no invoice: it is a donation. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NoInvoiceException extends RuntimeException {

    NoInvoiceException() {
        super("This order is a donation: donations are not invoiced, so there is no invoice to download");
    }
}
