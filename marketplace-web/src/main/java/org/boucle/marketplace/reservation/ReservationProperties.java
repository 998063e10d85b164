package org.boucle.marketplace.reservation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a hold lasts, by listing kind: refurbished stock is bought now or freed for others; an upcoming lot's
 * reservation is a commitment to take it when it is decommissioned, which needs time to confirm internally.
 *
 * @param refurbishedHold hold on refurbished stock
 * @param upcomingLotHold hold on an upcoming lot
 * @param expiryInterval how often each instance returns expired holds to stock
 */
@ConfigurationProperties("boucle.reservation")
public record ReservationProperties(@DefaultValue("30m") Duration refurbishedHold,
        @DefaultValue("72h") Duration upcomingLotHold, @DefaultValue("30s") Duration expiryInterval) {
}
