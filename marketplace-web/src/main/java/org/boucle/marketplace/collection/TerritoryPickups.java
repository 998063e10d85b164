package org.boucle.marketplace.collection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boucle.engine.collection.AcceptedStop;
import org.boucle.engine.collection.CollectionProblem;
import org.boucle.engine.collection.DonorSite;
import org.boucle.engine.collection.PickupLot;
import org.boucle.engine.collection.ServiceTime;
import org.boucle.engine.collection.TimeWindow;
import org.boucle.engine.collection.TravelMatrix;
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
    private final TravelMatrix travel;

    TerritoryPickups(Forecasts forecasts, Fleet fleet, JdbcClient jdbc, TravelMatrix travel) {
        this.forecasts = forecasts;
        this.fleet = fleet;
        this.jdbc = jdbc;
        this.travel = travel;
    }

    /** A category's standard packed dimensions, per device. */
    private record Dimensions(double volumeM3, double weightKg) {
    }

    /** The problem, and what it was built from with the names a plan is read with. */
    record Snapshot(CollectionProblem problem, PlanInputs inputs) {
    }

    /** The whole territory's pickups with its whole fleet. */
    CollectionProblem problem(LocalDate from, LocalDate to) {
        return snapshot(from, to, null).problem();
    }

    /**
     * The pickups of the horizon: the lots neither collected nor scheduled on another day, those already given to their
     * donor in the horizon kept as accepted stops, those whose donor cancelled their pickup in the horizon left out; the
     * vehicles of {@code fleetOf} (all the territory's when null), less the days they are out of service.
     */
    Snapshot snapshot(LocalDate from, LocalDate to, UUID fleetOf) {
        Map<String, Dimensions> dimensions = new HashMap<>();
        jdbc.sql("select category, volume_m3, weight_kg from category_standard")
                .query(rs -> {
                    dimensions.put(rs.getString(1), new Dimensions(rs.getDouble(2), rs.getDouble(3)));
                });
        Map<String, Given> given = given(from, to);
        List<Vehicle> fleetVehicles = fleet.territory().stream()
                .filter(v -> fleetOf == null || v.organizationId().equals(fleetOf)).toList();
        Set<UUID> fleetIds = fleetVehicles.stream().map(Vehicle::id).collect(Collectors.toSet());
        Map<UUID, Set<DayOfWeek>> outOfService = outOfService(from, to);
        List<org.boucle.engine.collection.Vehicle> vehicles = new ArrayList<>();
        for (Vehicle v : fleetVehicles) {
            Set<DayOfWeek> days = EnumSet.copyOf(v.allowedDays());
            days.removeAll(outOfService.getOrDefault(v.id(), Set.of()));
            if (!days.isEmpty()) {
                vehicles.add(engineVehicle(v, days));
            }
        }
        Set<String> vehicleIds = vehicles.stream().map(org.boucle.engine.collection.Vehicle::id)
                .collect(Collectors.toSet());
        List<PickupLot> lots = new ArrayList<>();
        List<AcceptedStop> accepted = new ArrayList<>();
        List<PlanInputs.Lot> lotInputs = new ArrayList<>();
        Map<UUID, GeoPoint> siteLocations = new LinkedHashMap<>();
        Map<UUID, PlanInputs.Site> siteInputs = new LinkedHashMap<>();
        for (UpcomingLot lot : forecasts.territoryLots(YearMonth.from(from), YearMonth.from(to))) {
            if (lot.siteId() == null || lot.latitude() == null) {
                continue; // a device with no site cannot be collected: the inventory reports it to its donor
            }
            Given pickup = given.get(lot.id());
            if (pickup != null && (!pickup.keep(from, to) || !fleetIds.contains(pickup.vehicleId()))) {
                continue; // collected, cancelled, planned another day, or by a fleet this plan does not route
            }
            if (pickup != null && pickup.scheduledIn(from, to) && vehicleIds.contains(pickup.vehicleId().toString())) {
                accepted.add(new AcceptedStop(lot.id(), pickup.vehicleId().toString(), pickup.day()));
            }
            YearMonth month = YearMonth.parse(lot.month());
            Dimensions each = dimensions.getOrDefault(lot.category(), dimensions.get("OTHER"));
            int devices = Math.toIntExact(lot.quantity());
            lots.add(new PickupLot(lot.id(), lot.siteId().toString(), devices, each.volumeM3() * devices,
                    each.weightKg() * devices, month.atDay(1), month.atEndOfMonth()));
            siteLocations.put(lot.siteId(), new GeoPoint(lot.latitude(), lot.longitude()));
            siteInputs.putIfAbsent(lot.siteId(), new PlanInputs.Site(lot.siteId(), lot.site(), lot.commune(),
                    lot.donorId(), lot.donor(), lot.latitude(), lot.longitude()));
            lotInputs.add(new PlanInputs.Lot(lot.id(), lot.donorId(), lot.siteId(), lot.month(), lot.category(), devices,
                    round(each.volumeM3() * devices), round(each.weightKg() * devices)));
        }
        List<Workshop> workshops = workshops();
        Map<UUID, String> names = names(workshops.stream().map(w -> UUID.fromString(w.id())).toList());
        List<PlanInputs.Place> workshopInputs = workshops.stream().map(w -> new PlanInputs.Place(UUID.fromString(w.id()),
                names.get(UUID.fromString(w.id())), w.location().latitude(), w.location().longitude())).toList();
        CollectionProblem problem = new CollectionProblem(from, to, vehicles, sites(siteLocations), lots, workshops,
                ServiceTime.DEFAULT, travel, accepted);
        List<PlanInputs.Vehicle> vehicleInputs = fleetVehicles.stream().map(v -> new PlanInputs.Vehicle(v.id(), v.name(),
                v.organizationId(), v.organizationName(), v.depotName(), v.depotLatitude(), v.depotLongitude(),
                v.shiftStart(), v.shiftEnd())).toList();
        return new Snapshot(problem, new PlanInputs(lotInputs, List.copyOf(siteInputs.values()), vehicleInputs,
                workshopInputs));
    }

    private static org.boucle.engine.collection.Vehicle engineVehicle(Vehicle v, Set<DayOfWeek> days) {
        return new org.boucle.engine.collection.Vehicle(v.id().toString(),
                new GeoPoint(v.depotLatitude(), v.depotLongitude()), v.capacityM3().doubleValue(), v.capacityKg(),
                v.grossWeightKg(), v.shiftStart(), v.shiftEnd(), v.costPerKm().movePointRight(2).longValue(),
                v.costPerHour().movePointRight(2).longValue(), v.kgCo2ePerKm().doubleValue(), days);
    }

    /** A lot's latest pickup: scheduled, collected, or cancelled by its donor. */
    private record Given(UUID vehicleId, LocalDate day, String status) {

        boolean scheduledIn(LocalDate from, LocalDate to) {
            return "SCHEDULED".equals(status) && inHorizon(from, to);
        }

        /** Whether a plan of the horizon still has the lot to place (as an accepted stop if scheduled in it). */
        boolean keep(LocalDate from, LocalDate to) {
            return switch (status) {
                case "SCHEDULED" -> inHorizon(from, to); // else planned on another day, by another plan
                case "CANCELLED" -> false; // the donor said not then (only cancellations of the horizon are read)
                default -> false; // collected
            };
        }

        private boolean inHorizon(LocalDate from, LocalDate to) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private Map<String, Given> given(LocalDate from, LocalDate to) {
        Map<String, Given> given = new HashMap<>();
        // Pickups cancelled outside the horizon say nothing of it; of the others, the latest wins.
        jdbc.sql("""
                select lot, p.vehicle_id, p.day, p.status from collection_pickup p, unnest(p.lot_ids) lot
                 where p.status in ('SCHEDULED', 'COLLECTED')
                    or (p.status = 'CANCELLED' and p.day between ? and ?)
                 order by p.created_at, p.status = 'CANCELLED'""")
                .params(from, to)
                .query(rs -> {
                    given.put(rs.getString(1), new Given(rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                            rs.getString(4)));
                });
        return given;
    }

    /**
     * The days of the week each vehicle is out of service in the horizon. The engine plans by day of the week: over a
     * horizon longer than a week the vehicle is left out on every such weekday, the safe side.
     */
    private Map<UUID, Set<DayOfWeek>> outOfService(LocalDate from, LocalDate to) {
        Map<UUID, Set<DayOfWeek>> days = new HashMap<>();
        jdbc.sql("select vehicle_id, greatest(from_day, ?), least(to_day, ?) from vehicle_unavailability"
                        + " where from_day <= ? and to_day >= ?")
                .params(from, to, to, from)
                .query(rs -> {
                    Set<DayOfWeek> out = days.computeIfAbsent(rs.getObject(1, UUID.class),
                            v -> EnumSet.noneOf(DayOfWeek.class));
                    rs.getObject(2, LocalDate.class).datesUntil(rs.getObject(3, LocalDate.class).plusDays(1))
                            .forEach(day -> out.add(day.getDayOfWeek()));
                });
        return days;
    }

    private Map<UUID, String> names(List<UUID> organizations) {
        Map<UUID, String> names = new HashMap<>();
        if (!organizations.isEmpty()) {
            jdbc.sql("select id, name from organization where id in (:ids)").param("ids", organizations)
                    .query(rs -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return names;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
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
