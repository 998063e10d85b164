package org.boucle.marketplace.collection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.engine.collection.CollectionProblem;
import org.boucle.engine.collection.DonorSite;
import org.boucle.engine.collection.HaversineTravel;
import org.boucle.engine.collection.PickupLot;
import org.boucle.engine.collection.ServiceTime;
import org.boucle.engine.collection.TimeWindow;
import org.boucle.engine.collection.Workshop;
import org.boucle.engine.geo.GeoPoint;
import org.boucle.marketplace.inventory.Forecasts;
import org.boucle.marketplace.inventory.UpcomingLot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The territory's pickups over a horizon, as the routing engine reads them: the donors' upcoming lots of the months the
 * horizon touches (volume and weight from their category's standard dimensions), their sites' opening hours and access
 * limits, the collectors' fleet in service, and the workshops' daily intake.
 */
@Component
class TerritoryPickups {

    /** Working days in a month, to turn a workshop's monthly capacity into a daily intake. */
    private static final int WORKING_DAYS = 21;
    /** A workshop that stated no capacity takes this many devices a day. */
    private static final int DEFAULT_DAILY_INTAKE = 40;

    private final Forecasts forecasts;
    private final Fleet fleet;
    private final JdbcClient jdbc;

    TerritoryPickups(Forecasts forecasts, Fleet fleet, JdbcClient jdbc) {
        this.forecasts = forecasts;
        this.fleet = fleet;
        this.jdbc = jdbc;
    }

    /** A category's standard packed dimensions, per device. */
    private record Dimensions(double volumeM3, double weightKg) {
    }

    CollectionProblem problem(LocalDate from, LocalDate to) {
        Map<String, Dimensions> dimensions = new HashMap<>();
        jdbc.sql("select category, volume_m3, weight_kg from category_standard")
                .query(rs -> {
                    dimensions.put(rs.getString(1), new Dimensions(rs.getDouble(2), rs.getDouble(3)));
                });
        List<PickupLot> lots = new ArrayList<>();
        Map<UUID, GeoPoint> siteLocations = new LinkedHashMap<>();
        for (UpcomingLot lot : forecasts.territoryLots(YearMonth.from(from), YearMonth.from(to))) {
            if (lot.siteId() == null || lot.latitude() == null) {
                continue; // a device with no site cannot be collected: the inventory reports it to its donor
            }
            YearMonth month = YearMonth.parse(lot.month());
            Dimensions each = dimensions.getOrDefault(lot.category(), dimensions.get("OTHER"));
            int devices = Math.toIntExact(lot.quantity());
            lots.add(new PickupLot(lot.id(), lot.siteId().toString(), devices, each.volumeM3() * devices,
                    each.weightKg() * devices, month.atDay(1), month.atEndOfMonth()));
            siteLocations.put(lot.siteId(), new GeoPoint(lot.latitude(), lot.longitude()));
        }
        return new CollectionProblem(from, to, vehicles(), sites(siteLocations), lots, workshops(), ServiceTime.DEFAULT,
                HaversineTravel.DEFAULT, List.of());
    }

    private List<org.boucle.engine.collection.Vehicle> vehicles() {
        return fleet.territory().stream().map(v -> new org.boucle.engine.collection.Vehicle(v.id().toString(),
                new GeoPoint(v.depotLatitude(), v.depotLongitude()), v.capacityM3().doubleValue(), v.capacityKg(),
                v.grossWeightKg(), v.shiftStart(), v.shiftEnd(), v.costPerKm().movePointRight(2).longValue(),
                v.costPerHour().movePointRight(2).longValue(), v.kgCo2ePerKm().doubleValue(),
                java.util.Set.copyOf(v.allowedDays()))).toList();
    }

    private List<DonorSite> sites(Map<UUID, GeoPoint> locations) {
        if (locations.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<DayOfWeek, List<TimeWindow>>> hours = new HashMap<>();
        jdbc.sql("select site_id, day_of_week, opens, closes from site_opening_hours where site_id in (:ids)"
                        + " order by site_id, day_of_week, opens")
                .param("ids", locations.keySet())
                .query(rs -> {
                    hours.computeIfAbsent(rs.getObject(1, UUID.class), site -> new EnumMap<>(DayOfWeek.class))
                            .computeIfAbsent(DayOfWeek.of(rs.getInt(2)), day -> new ArrayList<>())
                            .add(new TimeWindow(rs.getTime(3).toLocalTime(), rs.getTime(4).toLocalTime()));
                });
        Map<UUID, Integer> limits = new HashMap<>();
        jdbc.sql("select id, max_gross_weight_kg from site where id in (:ids) and max_gross_weight_kg is not null")
                .param("ids", locations.keySet())
                .query(rs -> {
                    limits.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        List<DonorSite> sites = new ArrayList<>();
        locations.forEach((id, location) -> sites.add(new DonorSite(id.toString(), location,
                hours.getOrDefault(id, officeHours()),
                limits.containsKey(id) ? limits.get(id) : DonorSite.NO_ACCESS_LIMIT)));
        return sites;
    }

    /** A site that published no opening hours is assumed open on weekdays' office hours. */
    private static Map<DayOfWeek, List<TimeWindow>> officeHours() {
        Map<DayOfWeek, List<TimeWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return hours;
    }

    private List<Workshop> workshops() {
        return jdbc.sql("""
                select distinct on (o.id) o.id, s.latitude, s.longitude, o.capacity_units_per_month
                  from organization o
                  join organization_role r on r.organization_id = o.id and r.role = 'WORKSHOP'
                  join site s on s.organization_id = o.id
                 order by o.id, s.created_at, s.id""")
                .query((rs, n) -> {
                    Integer monthly = rs.getObject(4, Integer.class);
                    return new Workshop(rs.getObject(1, UUID.class).toString(),
                            new GeoPoint(rs.getDouble(2), rs.getDouble(3)),
                            monthly == null ? DEFAULT_DAILY_INTAKE : Math.max(1, monthly / WORKING_DAYS));
                })
                .list();
    }
}
