package org.boucle.marketplace.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.boucle.marketplace.catalog.Listings;
import org.boucle.marketplace.catalog.SyntheticCatalog;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.inventory.Forecasts;
import org.boucle.marketplace.inventory.UpcomingLot;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.DirectoryEntry;
import org.boucle.marketplace.organization.DirectoryQuery;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo catalogue: the donors' upcoming lots of the next 12 months, published as their donors would (through
 * {@link Listings}), and about 300 refurbished listings of the demo workshops and resellers at their sites.
 */
@Component
class DemoCatalogSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogSeeder.class);
    private static final long SEED = 2026;
    private static final int REFURBISHED = 300;
    private static final int MONTHS = 12;

    /** What donors ask per unit for an uninspected lot, excluding VAT: a fraction of its refurbished price. */
    private static final Map<String, BigDecimal> LOT_PRICES = Map.of(
            "LAPTOP", new BigDecimal("60.00"), "DESKTOP", new BigDecimal("35.00"), "SCREEN", new BigDecimal("15.00"),
            "SMARTPHONE", new BigDecimal("25.00"), "TABLET", new BigDecimal("30.00"), "PRINTER", new BigDecimal("20.00"),
            "SERVER", new BigDecimal("150.00"), "NETWORK", new BigDecimal("25.00"), "OTHER", new BigDecimal("2.00"));

    private final Listings listings;
    private final Forecasts forecasts;
    private final Organizations organizations;
    private final Accounts accounts;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoCatalogSeeder(Listings listings, Forecasts forecasts, Organizations organizations, Accounts accounts,
            DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.listings = listings;
        this.forecasts = forecasts;
        this.organizations = organizations;
        this.accounts = accounts;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void seed() {
        Long existing = jdbc.queryForObject("select count(*) from listing", Long.class);
        if (existing != null && existing > 0) {
            log.info("Demo catalogue already has {} listings; nothing to do", existing);
            return;
        }
        Actor coordinator = accounts.actor("coordinator@demo.boucle")
                .orElseThrow(() -> new IllegalStateException("No demo coordinator"));
        long started = System.nanoTime();
        int lots = publishUpcomingLots(coordinator);
        List<SyntheticCatalog.Outlet> outlets = outlets(coordinator);
        transaction.executeWithoutResult(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                new SyntheticCatalog(SEED).write(connection, REFURBISHED, outlets, today(), clock.instant(),
                        SyntheticCatalog.Indexing.OUTBOX_ROW_PER_LISTING);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the demo refurbished listings", e);
            }
        });
        log.info("Seeded the demo catalogue: {} upcoming lots and {} refurbished listings in {} ms", lots, REFURBISHED,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Every upcoming lot of the next 12 months, for a price; one lot in seven is given away. */
    private int publishUpcomingLots(Actor coordinator) {
        YearMonth from = forecasts.thisMonth();
        int published = 0;
        for (UpcomingLot lot : forecasts.territoryLots(from, from.plusMonths(MONTHS - 1))) {
            if (lot.siteId() == null) {
                continue;
            }
            boolean donation = Math.floorMod(lot.id().hashCode(), 7) == 0;
            listings.publishUpcomingLot(coordinator, lot.id(), donation ? null : LOT_PRICES.get(lot.category()), null);
            published++;
        }
        return published;
    }

    /** Every site of the demo's workshops and resellers. */
    private List<SyntheticCatalog.Outlet> outlets(Actor coordinator) {
        List<SyntheticCatalog.Outlet> outlets = new ArrayList<>();
        for (OrganizationRole role : List.of(OrganizationRole.WORKSHOP, OrganizationRole.RESELLER)) {
            for (DirectoryEntry seller : organizations.directory(new DirectoryQuery(role, null, null, null, null), coordinator)) {
                for (DirectoryEntry.SiteView site : seller.sites()) {
                    SyntheticCatalog.Outlet outlet = new SyntheticCatalog.Outlet(seller.id(), site.id());
                    if (!outlets.contains(outlet)) {
                        outlets.add(outlet);
                    }
                }
            }
        }
        return outlets;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
