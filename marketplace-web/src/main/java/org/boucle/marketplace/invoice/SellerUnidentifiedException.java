package org.boucle.marketplace.invoice;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The seller has no SIRET yet. French law and EN 16931 (BR-CO-26, BR-S-02) want the seller identified on every
 * invoice, by SIRET and VAT number, so none is issued rather than one that Chorus Pro would reject.
 */
@ResponseStatus(HttpStatus.CONFLICT)
class SellerUnidentifiedException extends RuntimeException {

    SellerUnidentifiedException(String seller) {
        super("The seller " + seller + " has no SIRET on its profile, and an invoice must identify its seller: "
                + "the seller or a coordinator adds it, then the invoice can be downloaded");
    }
}
