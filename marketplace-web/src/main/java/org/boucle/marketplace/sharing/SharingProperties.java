package org.boucle.marketplace.sharing;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coordinators' page.
 *
 * @param zone the territory's time zone: effective dates are typed and shown in it
 * @param exampleCategory the category of the sale the page shares as an example
 * @param exampleUnitPrice its price, euros incl. VAT
 */
@ConfigurationProperties("boucle.sharing")
public record SharingProperties(@DefaultValue("Europe/Paris") ZoneId zone, @DefaultValue("LAPTOP") String exampleCategory,
        @DefaultValue("250") BigDecimal exampleUnitPrice) {
}
