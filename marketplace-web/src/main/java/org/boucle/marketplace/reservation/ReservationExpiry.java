package org.boucle.marketplace.reservation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every instance returns expired holds to stock; skip-locked batches keep them from doing the same work twice. */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final Reservations reservations;

    ReservationExpiry(Reservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(fixedDelayString = "${boucle.reservation.expiry-interval:30s}", initialDelayString = "PT10S")
    void expire() {
        int restocked;
        do {
            restocked = reservations.expire();
            if (restocked > 0) {
                log.info("Returned expired holds to {} listing(s)", restocked);
            }
        } while (restocked > 0);
    }
}
