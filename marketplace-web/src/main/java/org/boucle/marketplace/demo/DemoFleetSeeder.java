package org.boucle.marketplace.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.collection.Fleet;
import org.boucle.marketplace.collection.NewVehicle;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.organization.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The territory's two collectors' vehicles, declared by the coordinator: what the pooled collection rounds are
 * planned with. A social enterprise's vans and a small lorry, and an urban logistics firm's electric van and cargo bike.
 */
@Component
class DemoFleetSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoFleetSeeder.class);
    private static final String COORDINATOR = "coordinator@demo.boucle";
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private record Van(String collector, String name, String m3, int kg, int grossKg, String start, String end,
            String perKm, String perHour, String co2ePerKm, List<DayOfWeek> days) {
    }

    private static final List<Van> FLEET = List.of(
            new Van("Alpes Collecte Solidaire", "Fourgon 12 m³ — GX-417-AB", "12", 1_200, 3_500, "07:30", "16:30", "0.42",
                    "31", "0.240", WEEKDAYS),
            new Van("Alpes Collecte Solidaire", "Fourgon 12 m³ — GX-418-AB", "12", 1_200, 3_500, "08:00", "17:00", "0.42",
                    "31", "0.240", WEEKDAYS),
            new Van("Alpes Collecte Solidaire", "Porteur 20 m³ hayon — FT-902-KL", "20", 3_000, 7_500, "07:00", "15:00",
                    "0.78", "38", "0.520", List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)),
            new Van("Drac Logistique Verte", "Fourgon électrique 8 m³ — HE-221-VV", "8", 800, 3_100, "08:30", "17:30",
                    "0.30", "29", "0.030", WEEKDAYS),
            new Van("Drac Logistique Verte", "Vélo-cargo 1 m³", "1", 150, 250, "09:00", "17:00", "0.05", "24", "0.000",
                    List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)));

    private final Fleet fleet;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    DemoFleetSeeder(Fleet fleet, Accounts accounts, JdbcClient jdbc) {
        this.fleet = fleet;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    void seed() {
        long declared = jdbc.sql("""
                select count(*) from collection_vehicle v join organization o on o.id = v.organization_id
                 where o.demo and v.name = ?""").param(FLEET.get(0).name()).query(Long.class).single();
        if (declared > 0) {
            log.info("The demo's fleet is already declared; nothing to do");
            return;
        }
        Actor coordinator = accounts.actor(COORDINATOR).orElseThrow(() -> new IllegalStateException("No demo coordinator"));
        for (Van van : FLEET) {
            UUID collector = jdbc.sql("select id from organization where name = ? and demo").param(van.collector())
                    .query(UUID.class).single();
            UUID depot = jdbc.sql("select id from site where organization_id = ? order by created_at, id limit 1")
                    .param(collector).query(UUID.class).single();
            fleet.add(coordinator, new NewVehicle(collector, van.name(), depot, new BigDecimal(van.m3()), van.kg(),
                    van.grossKg(), LocalTime.parse(van.start()), LocalTime.parse(van.end()), new BigDecimal(van.perKm()),
                    new BigDecimal(van.perHour()), new BigDecimal(van.co2ePerKm()), van.days()));
        }
        log.info("Declared the demo's {} collection vehicles", FLEET.size());
    }
}
