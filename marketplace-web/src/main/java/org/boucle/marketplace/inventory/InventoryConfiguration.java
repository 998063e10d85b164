package org.boucle.marketplace.inventory;

import org.boucle.marketplace.inventory.source.ExportReader;
import org.boucle.marketplace.inventory.source.ReaderLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryConfiguration {

    @Bean
    ExportReader exportReader(InventoryProperties properties) {
        ReaderLimits defaults = ReaderLimits.defaults();
        return new ExportReader(new ReaderLimits(properties.maxUpload().toBytes(), defaults.maxColumns(),
                defaults.maxCellChars(), defaults.maxRecordChars(), defaults.maxRows()));
    }

    /** Imports started from the web page run here; two at a time keep one core for everything else. */
    @Bean
    ThreadPoolTaskExecutor inventoryImportExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("inventory-import-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(20);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(60);
        return executor;
    }
}
