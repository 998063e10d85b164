package org.boucle.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo territory comes with its catalogue: the donors' upcoming lots and the workshops' refurbished stock. */
@BoucleTest
class ListingDemoCatalogTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoWorkshopsAndResellersListAboutThreeHundredRefurbishedUnitsThatFollowTheGradingScale() {
        Long refurbished = jdbc.queryForObject("""
                select count(*) from listing l join organization o on o.id = l.seller_id
                where o.demo and l.kind = 'REFURBISHED'""", Long.class);
        assertThat(refurbished).isGreaterThanOrEqualTo(300);
        assertThat(jdbc.queryForObject("""
                select count(*) from listing where kind = 'REFURBISHED' and (grade is null
                    or (category in ('LAPTOP', 'SMARTPHONE', 'TABLET') and (battery_health_percent is null
                        or battery_health_percent < case grade when 'A' then 85 when 'B' then 75 else 60 end)))""",
                Long.class)).isZero();

        JsonNode workshop = ApiClient.demo(port, "workshop").get("/api/v1/listings?kind=REFURBISHED&size=5").json();
        assertThat(workshop.get("total").asLong()).isPositive();
        assertThat(workshop.at("/items/0/seller/name").asText()).isEqualTo("Atelier Reboot Grenoble");
    }

    @Test
    void theDemoDonorsUpcomingLotsAreListed() {
        ApiClient donor = ApiClient.demo(port, "donor");
        java.util.Set<String> lots = new java.util.HashSet<>(donor.get("/api/v1/forecast/lots").json().findValuesAsText("id"));
        java.util.Set<String> listed = new java.util.HashSet<>();
        JsonNode page;
        int number = 0;
        do {
            page = donor.get("/api/v1/listings?kind=UPCOMING_LOT&size=100&page=" + number++).json();
            for (JsonNode item : page.get("items")) {
                assertThat(item.get("title").asText()).contains("(lot à venir, ");
                assertThat(item.get("grade").isNull()).isTrue();
                listed.add(item.get("sourceLotId").asText());
            }
        } while (number < page.get("totalPages").asInt());

        assertThat(lots).isNotEmpty();
        // The seed listed the next 12 months' lots of the day it ran.
        lots.retainAll(listed);
        assertThat(lots).isNotEmpty();
    }
}
