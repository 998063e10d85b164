package org.boucle.engine.collection;

import java.time.LocalDate;

/** A pickup the donor has already been given: re-planning keeps it on that vehicle and day where it can. */
public record AcceptedStop(String lotId, String vehicleId, LocalDate day) {

    public AcceptedStop {
        if (lotId == null || vehicleId == null || day == null) {
            throw new IllegalArgumentException("an accepted stop names its lot, vehicle and day");
        }
    }
}
