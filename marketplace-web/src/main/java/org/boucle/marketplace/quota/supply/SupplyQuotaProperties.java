package org.boucle.marketplace.quota.supply;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxUpload the largest dispositions file accepted
 * @param maxRows the most rows of one dispositions file: they are checked together before any is stored
 * @param reportedErrors how many row errors a rejected file's answer lists (the count says how many there were)
 */
@ConfigurationProperties("boucle.quota.supply")
public record SupplyQuotaProperties(
        @DefaultValue("20MB") DataSize maxUpload,
        @DefaultValue("100000") long maxRows,
        @DefaultValue("1000") int reportedErrors) {
}
