package org.boucle.marketplace.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * At start-up, when asked: the territory's actors first (one transaction), then their inventories through the
 * importers, then the catalogue published from them, then one public body's year of retirements and reuse, then the
 * public buyer's year of purchases, then the buyers' and associations' needs, weighed by the coordinator, then the
 * collectors' fleet, then the chain of custody of some retired devices.
 */
@Component
@EnableConfigurationProperties(DemoProperties.class)
class DemoSeed implements ApplicationRunner {

    private final DemoProperties properties;
    private final DemoTerritorySeeder territory;
    private final DemoInventorySeeder inventories;
    private final DemoCatalogSeeder catalog;
    private final DemoSupplySeeder supply;
    private final DemoQuotaSeeder quota;
    private final DemoDemandSeeder demands;
    private final DemoFleetSeeder fleet;
    private final DemoCustodySeeder custody;

    DemoSeed(DemoProperties properties, DemoTerritorySeeder territory, DemoInventorySeeder inventories,
            DemoCatalogSeeder catalog, DemoSupplySeeder supply, DemoQuotaSeeder quota, DemoDemandSeeder demands,
            DemoFleetSeeder fleet, DemoCustodySeeder custody) {
        this.properties = properties;
        this.territory = territory;
        this.inventories = inventories;
        this.catalog = catalog;
        this.supply = supply;
        this.quota = quota;
        this.demands = demands;
        this.fleet = fleet;
        this.custody = custody;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.seed()) {
            territory.seed();
            inventories.seed();
            catalog.seed();
            supply.seed();
            quota.seed();
            demands.seed();
            fleet.seed();
            custody.seed();
        }
    }
}
