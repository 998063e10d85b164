package org.boucle.marketplace.quota;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param zone where the years are counted: an order paid at 23:30 on 31 December in Paris belongs to that year
 * @param maxUpload the largest purchases file accepted
 * @param maxRows the most purchases one file may hold
 */
@ConfigurationProperties("boucle.quota")
public record QuotaProperties(@DefaultValue("Europe/Paris") ZoneId zone, @DefaultValue("10MB") DataSize maxUpload,
        @DefaultValue("50000") int maxRows) {
}
