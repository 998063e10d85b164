package org.boucle.marketplace.demand;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Needs.
 *
 * @param zone the territory's time zone: a need's latest date is today or later there
 */
@ConfigurationProperties("boucle.demand")
public record DemandProperties(@DefaultValue("Europe/Paris") ZoneId zone) {
}
