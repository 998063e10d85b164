package org.boucle.marketplace.catalog;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A change to a withdrawn listing: withdrawal is final, so the request conflicts with the listing's state. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ListingWithdrawnException extends RuntimeException {

    public ListingWithdrawnException(UUID id) {
        super("Listing " + id + " is withdrawn; a withdrawn listing cannot change any more");
    }
}
