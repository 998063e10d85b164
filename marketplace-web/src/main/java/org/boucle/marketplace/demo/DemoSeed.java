package org.boucle.marketplace.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * At start-up, when asked: the territory's actors first (one transaction), then their inventories through the
 * importers, then the catalogue published from them, then the public buyer's year of purchases.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
class DemoSeed implements ApplicationRunner {

    private final DemoProperties properties;
    private final DemoTerritorySeeder territory;
    private final DemoInventorySeeder inventories;
    private final DemoCatalogSeeder catalog;
    private final DemoQuotaSeeder quota;

    DemoSeed(DemoProperties properties, DemoTerritorySeeder territory, DemoInventorySeeder inventories,
            DemoCatalogSeeder catalog, DemoQuotaSeeder quota) {
        this.properties = properties;
        this.territory = territory;
        this.inventories = inventories;
        this.catalog = catalog;
        this.quota = quota;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.seed()) {
            territory.seed();
            inventories.seed();
            catalog.seed();
            quota.seed();
        }
    }
}
