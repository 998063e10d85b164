package org.boucle.marketplace.reservation;

import java.util.List;
import java.util.UUID;

/**
 * Holds that ended without a checkout (released by their holder, or expired), published inside the transaction that
 * ended them, so that whoever counted them (an accepted allocation plan) can give them back with it.
 */
public record HoldsEnded(List<UUID> reservationIds) {

    public HoldsEnded {
        reservationIds = List.copyOf(reservationIds);
    }
}
