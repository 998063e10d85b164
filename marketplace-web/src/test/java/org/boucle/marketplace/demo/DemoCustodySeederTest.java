package org.boucle.marketplace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo devices' custody is told once. */
@BoucleTest
class DemoCustodySeederTest {

    @Autowired
    DemoCustodySeeder seeder;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedingAgainChangesNothing() {
        String demoEvents = """
                select count(*) from custody_event e join asset a on a.id = e.device_id
                  join organization o on o.id = a.organization_id where o.name = 'CHU Grenoble Alpes'""";
        Long before = jdbc.queryForObject(demoEvents, Long.class);
        assertThat(before).isPositive();

        seeder.seed();

        assertThat(jdbc.queryForObject(demoEvents, Long.class)).isEqualTo(before);
    }
}
