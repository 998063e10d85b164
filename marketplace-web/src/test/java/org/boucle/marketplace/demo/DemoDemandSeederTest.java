package org.boucle.marketplace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.demand.Demands;
import org.boucle.marketplace.demand.OpenDemand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's needs: posted once, associations' weighed by the coordinator, and something real to allocate. */
@BoucleTest
class DemoDemandSeederTest {

    private static final List<String> DEMO_POSTERS = List.of("Le Lien Numérique", "Étudiants Solidaires Alpes",
            "Accueil Réfugiés Isère", "Seniors Connectés Sud-Isère", "Espace Coworking Bastille", "Ville de Grenoble",
            "École Montessori du Vercors");

    @Autowired
    DemoDemandSeeder seeder;

    @Autowired
    Demands demands;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTerritorysBuyersAndAssociationsHaveNeedsTheCoordinatorWeighed() {
        // Other tests post needs for the demo logins too: only the organizations without a login are the seed's alone.
        List<Map<String, Object>> seeded = jdbc.queryForList("""
                select o.name, d.kind, d.social_priority, d.priority_criteria, d.priority_set_by_name
                  from demand d join organization o on o.id = d.organization_id
                 where o.name in ('Étudiants Solidaires Alpes', 'Accueil Réfugiés Isère', 'Seniors Connectés Sud-Isère',
                                  'École Montessori du Vercors')""");
        assertThat(seeded).hasSize(7);
        assertThat(seeded).filteredOn(row -> "ASSOCIATION".equals(row.get("kind")) && row.get("social_priority") != null)
                .hasSize(4)
                .allSatisfy(row -> assertThat(row.get("priority_set_by_name")).isNotNull());
        assertThat(seeded).extracting(row -> row.get("social_priority")).contains(6, 7, 9, 4);

        List<OpenDemand> open = demands.open(demands.today()).stream()
                .filter(demand -> DEMO_POSTERS.contains(demand.organizationName())).toList();
        assertThat(open).extracting(OpenDemand::organizationName).containsAll(DEMO_POSTERS);
        assertThat(open).filteredOn(demand -> !demand.isAssociation())
                .allSatisfy(demand -> assertThat(demand.maxUnitPriceCents()).isPositive());
        // Nobody offers a 32 GB laptop: that need is there to stay unserved.
        assertThat(open).anySatisfy(demand -> assertThat(demand.minRamGb()).isEqualTo(32));
    }

    @Test
    void seedingAgainChangesNothing() {
        Long before = jdbc.queryForObject("select count(*) from demand", Long.class);

        seeder.seed();

        assertThat(jdbc.queryForObject("select count(*) from demand", Long.class)).isEqualTo(before);
    }
}
