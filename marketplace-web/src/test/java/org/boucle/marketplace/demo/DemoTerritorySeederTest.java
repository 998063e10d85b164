package org.boucle.marketplace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@BoucleTest
class DemoTerritorySeederTest {

    @Autowired
    DemoTerritorySeeder seeder;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoTerritoryHoldsItsActorsSitesAndOneLoginPerRole() {
        assertThat(jdbc.queryForObject("select count(*) from organization where demo", Long.class)).isEqualTo(25);
        assertThat(jdbc.queryForList("""
                select distinct r.role from organization o join organization_role r on r.organization_id = o.id
                where o.demo""", String.class))
                .containsExactlyInAnyOrder("DONOR", "COLLECTOR", "WORKSHOP", "RESELLER", "ASSOCIATION", "PUBLIC_BUYER",
                        "PRIVATE_BUYER", "COORDINATOR");
        assertThat(jdbc.queryForObject("""
                select count(*) from organization o join organization_role r on r.organization_id = o.id
                where o.demo and r.role = 'DONOR'""", Long.class)).isBetween(10L, 14L);
        assertThat(jdbc.queryForList("select email from user_account where email like '%@demo.boucle'", String.class))
                .contains("coordinator@demo.boucle", "donor@demo.boucle", "collector@demo.boucle", "workshop@demo.boucle",
                        "buyer@demo.boucle", "association@demo.boucle", "publicbuyer@demo.boucle");
        // Every site sits in a commune of the métropole, with its own coordinates and opening hours.
        assertThat(jdbc.queryForObject("""
                select count(*) from site s join organization o on o.id = s.organization_id
                where o.demo and not exists (select 1 from site_opening_hours h where h.site_id = s.id)""", Long.class))
                .isZero();
        // Passwords are stored hashed, never in clear.
        assertThat(jdbc.queryForList("select password_hash from user_account where email like '%@demo.boucle'", String.class))
                .allMatch(hash -> hash.startsWith("{bcrypt}$2"));
    }

    @Test
    void seedingAgainChangesNothing() {
        Long before = jdbc.queryForObject("select count(*) from organization", Long.class);

        assertThat(seeder.seed()).isEqualTo(DemoTerritorySeeder.Outcome.ALREADY_SEEDED);
        assertThat(jdbc.queryForObject("select count(*) from organization", Long.class)).isEqualTo(before);
    }

    @Test
    @Transactional // rolled back: the database is made to look like a real territory's for the length of the test
    void theSeedRefusesADatabaseHoldingNonDemoData() {
        jdbc.update("update organization set demo = false");
        Long users = jdbc.queryForObject("select count(*) from user_account", Long.class);

        assertThatIllegalStateException().isThrownBy(seeder::seed).withMessageContaining("not demo data");
        assertThat(jdbc.queryForObject("select count(*) from user_account", Long.class)).isEqualTo(users);
    }
}
