package org.boucle.marketplace.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.marketplace.traceability.CustodyChain;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pickups of an accepted plan, as accepting one leaves them: a plan row and its pickup rows, inserted directly. The
 * donors, collector and workshop are organizations of their own (onboarded through the API, devices imported from a
 * GLPI export), so that the custody steps these tests record never touch another test's devices.
 * {@link #close()} removes the plan, its pickups and the vehicle.
 */
public final class PickupFixture implements AutoCloseable {

    private final JdbcClient jdbc;
    private final CustodyChain chain;
    private final UUID planId = UUID.randomUUID();
    private final UUID vehicleId = UUID.randomUUID();
    private final String vehicleName = "Fourgon " + UUID.randomUUID().toString().substring(0, 6);
    private final LocalDate day;
    private final List<UUID> pickups = new ArrayList<>();
    private boolean planInserted;

    /** A donor with a site named for the test, and the lot its devices make. */
    public record Donor(TestSeller seller, CustodyChain.Donation donation, String siteName, String lotId) {

        public UUID id() {
            return UUID.fromString(seller.id());
        }

        public UUID siteId() {
            return UUID.fromString(seller.siteId());
        }
    }

    /** A fresh collector (with a vehicle) and workshop; pickups on {@code day}. */
    public PickupFixture(int port, JdbcClient jdbc, LocalDate day) {
        this.jdbc = jdbc;
        this.chain = new CustodyChain(port, jdbc);
        this.day = day;
        Instant now = Instant.now();
        jdbc.sql("""
                insert into collection_vehicle (id, organization_id, name, depot_site_id, capacity_m3, capacity_kg,
                                                gross_weight_kg, shift_start, shift_end, cost_per_km, cost_per_hour,
                                                kg_co2e_per_km, allowed_days, created_at, updated_at)
                values (?, ?, ?, ?, 12, 1200, 3500, '08:00', '17:00', 0.45, 32, 0.25, '{1,2,3,4,5,6,7}', ?, ?)""")
                .params(vehicleId, collectorId(), vehicleName, UUID.fromString(chain.collector().siteId()),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** A donor with {@code devices} laptops at a site of its own, named {@code siteName}, reachable by phone. */
    public Donor donor(int devices, String siteName) {
        CustodyChain.Donation donation = chain.donor(devices);
        TestSeller seller = donation.donor();
        jdbc.sql("update site set name = ? where id = ?").params(siteName, UUID.fromString(seller.siteId())).update();
        jdbc.sql("update organization set contact_phone = '04 76 00 00 00' where id = ?")
                .param(UUID.fromString(seller.id())).update();
        List<String> lots = jdbc.sql("""
                select distinct organization_id || ':' || site_id || ':' || to_char(forecast_date, 'YYYY-MM') || ':'
                       || category from asset where id in (:ids)""")
                .param("ids", donation.ids()).query(String.class).list();
        if (lots.size() != 1 || lots.get(0) == null) {
            throw new IllegalStateException("The donor's devices should make one lot: " + lots);
        }
        return new Donor(seller, donation, siteName, lots.get(0));
    }

    /** A scheduled pickup of the donor's lot, the vehicle's {@code position}th stop, at {@code arrival} for 20 min. */
    public UUID pickup(Donor donor, int position, LocalTime arrival) {
        insertPlan(List.of(donor));
        UUID id = UUID.randomUUID();
        LocalDateTime at = day.atTime(arrival);
        jdbc.sql("""
                insert into collection_pickup (id, plan_id, donor_id, site_id, vehicle_id, day, position, arrival, departure,
                                               workshop_id, lot_ids, devices, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?)""")
                .params(id, planId, donor.id(), donor.siteId(), vehicleId, day, position, at, at.plusMinutes(20),
                        workshopId(), new String[] {donor.lotId()}, donor.donation().ids().size(),
                        Timestamp.from(Instant.now()))
                .update();
        pickups.add(id);
        return id;
    }

    private void insertPlan(List<Donor> donors) {
        String lots = donors.stream().map(d -> """
                {"id": "%s", "donorId": "%s", "siteId": "%s", "devices": %d}"""
                .formatted(d.lotId(), d.id(), d.siteId(), d.donation().ids().size()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        if (!planInserted) {
            Instant now = Instant.now();
            jdbc.sql("""
                    insert into collection_plan (id, territory, status, horizon_from, horizon_to, time_limit_seconds,
                                                 started_by_name, started_at, heartbeat_at, instance_id, inputs,
                                                 feasible, finished_at, accepted_at, accepted_by_name)
                    values (?, 'test-pickups', 'ACCEPTED', ?, ?, 5, 'Test', ?, ?, 'test', cast(? as jsonb), true, ?, ?,
                            'Test')""")
                    .params(planId, day, day, Timestamp.from(now), Timestamp.from(now),
                            "{\"lots\": [" + lots + "]}", Timestamp.from(now), Timestamp.from(now))
                    .update();
            planInserted = true;
        } else {
            jdbc.sql("""
                    update collection_plan set inputs = jsonb_set(inputs, '{lots}', (inputs -> 'lots') || cast(? as jsonb))
                     where id = ?""").params("[" + lots + "]", planId).update();
        }
    }

    public CustodyChain chain() {
        return chain;
    }

    public TestSeller collector() {
        return chain.collector();
    }

    public UUID collectorId() {
        return UUID.fromString(chain.collector().id());
    }

    public UUID workshopId() {
        return UUID.fromString(chain.workshop().id());
    }

    public UUID vehicleId() {
        return vehicleId;
    }

    public String vehicleName() {
        return vehicleName;
    }

    public UUID planId() {
        return planId;
    }

    public LocalDate day() {
        return day;
    }

    public String status(UUID pickup) {
        return jdbc.sql("select status from collection_pickup where id = ?").param(pickup).query(String.class).single();
    }

    /** How many custody events the devices have. */
    public long custodyEvents(List<UUID> devices) {
        return jdbc.sql("select count(*) from custody_event where device_id in (:ids)").param("ids", devices)
                .query(Long.class).single();
    }

    @Override
    public void close() {
        jdbc.sql("delete from collection_pickup where plan_id = ?").param(planId).update();
        jdbc.sql("delete from collection_plan where id = ?").param(planId).update();
        jdbc.sql("delete from collection_vehicle where id = ?").param(vehicleId).update();
    }
}
