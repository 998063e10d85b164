package org.boucle.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The generated catalogue: valid listings, always the same for a seed, written by the thousand with COPY. */
@BoucleTest
class ListingSyntheticCatalogTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ObjectMapper json;

    private TestSeller workshop;
    private List<SyntheticCatalog.Outlet> outlets;

    @BeforeEach
    void aWorkshopToSellFrom() {
        workshop = TestSeller.onboard(port, "WORKSHOP", "RESELLER");
        outlets = List.of(new SyntheticCatalog.Outlet(UUID.fromString(workshop.id()), UUID.fromString(workshop.siteId())));
    }

    @Test
    void writesListingsWithCopyAndAnOutboxRowForEach() {
        long seed = System.nanoTime();
        // Small batches, so that several COPY rounds (listings, then their outbox rows) follow each other.
        write(new SyntheticCatalog(seed, 1_000), 3_000, SyntheticCatalog.Indexing.OUTBOX_ROW_PER_LISTING);

        assertThat(jdbc.queryForObject("select count(*) from listing where seller_id = ?::uuid", Long.class, workshop.id()))
                .isEqualTo(3_000);
        assertThat(jdbc.queryForObject("""
                select count(*) from search_outbox o join listing l on l.id = o.listing_id where l.seller_id = ?::uuid""",
                Long.class, workshop.id())).isEqualTo(3_000);
        assertThat(jdbc.queryForObject("""
                select count(*) from listing where seller_id = ?::uuid and (kind <> 'REFURBISHED' or grade is null
                    or version <> 0 or warranty_months not between 6 and 24)""", Long.class, workshop.id())).isZero();

        // A written listing reads like any other.
        SyntheticCatalog.Generated first = new SyntheticCatalog(seed).listing(0, outlets, TODAY);
        JsonNode read = workshop.client().get("/api/v1/listings/" + first.id()).json();
        assertThat(read.get("title").asText()).isEqualTo(first.draft().title());
        assertThat(read.get("grade").asText()).isEqualTo(first.draft().grade().name());
        assertThat(read.at("/site/id").asText()).isEqualTo(workshop.siteId());
        assertThat(workshop.client().get("/api/v1/listings").json().get("total").asLong()).isEqualTo(3_000);
    }

    @Test
    void writesNoOutboxRowsWhenTheCallerReindexes() {
        write(new SyntheticCatalog(System.nanoTime()), 500, SyntheticCatalog.Indexing.CALLER_REINDEXES);

        assertThat(jdbc.queryForObject("select count(*) from listing where seller_id = ?::uuid", Long.class, workshop.id()))
                .isEqualTo(500);
        assertThat(jdbc.queryForObject("""
                select count(*) from search_outbox o join listing l on l.id = o.listing_id where l.seller_id = ?::uuid""",
                Long.class, workshop.id())).isZero();
    }

    @Test
    void theSameSeedGivesTheSameListings() {
        SyntheticCatalog.Generated one = new SyntheticCatalog(42).listing(7, outlets, TODAY);

        assertThat(new SyntheticCatalog(42).listing(7, outlets, TODAY)).isEqualTo(one);
        assertThat(new SyntheticCatalog(43).listing(7, outlets, TODAY)).isNotEqualTo(one);
    }

    @Test
    void generatedListingsPassTheRulesOfThePublishingApi() {
        SyntheticCatalog catalog = new SyntheticCatalog(System.nanoTime());
        for (int i = 0; i < 80; i++) {
            ObjectNode body = json.valueToTree(catalog.listing(i, outlets, TODAY).draft());
            ApiClient.Response created = workshop.client().post("/api/v1/listings", body.toString());
            assertThat(created.status()).as(body + " → " + created.body()).isEqualTo(201);
        }
    }

    private void write(SyntheticCatalog catalog, long count, SyntheticCatalog.Indexing indexing) {
        long started = System.nanoTime();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                catalog.write(connection, count, outlets, TODAY, Instant.now(), indexing);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf("SyntheticCatalog wrote %d listings in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
    }
}
