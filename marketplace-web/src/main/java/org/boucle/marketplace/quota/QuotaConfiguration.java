package org.boucle.marketplace.quota;

import org.boucle.marketplace.inventory.source.CsvRecords;
import org.boucle.marketplace.inventory.source.ReaderLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaProperties.class)
class QuotaConfiguration {

    /** Purchases files are read as the inventory reads CSV exports, within the quota's own bounds. */
    @Bean
    CsvRecords purchasesReader(QuotaProperties properties) {
        ReaderLimits defaults = ReaderLimits.defaults();
        return new CsvRecords(new ReaderLimits(properties.maxUpload().toBytes(), defaults.maxColumns(),
                defaults.maxCellChars(), defaults.maxRecordChars(), properties.maxRows()));
    }
}
