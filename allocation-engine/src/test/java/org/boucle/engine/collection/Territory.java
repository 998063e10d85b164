package org.boucle.engine.collection;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.boucle.engine.geo.GeoPoint;

/**
 * A territory on a straight road, for counting by hand: places east of the depot by so many km, 1 km driven in 120 s
 * (30 km/h), the workshop 2 km out. Vans of 10 m³, 1,000 kg and 3.5 t at 0.50 €/km and 30 €/h, 08:00–17:00 Monday to
 * Friday. Sites open 09:00–12:00 and 14:00–17:00 on weekdays. Stops take 10 min plus 30 s a device, unloading 20 min.
 */
final class Territory {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final TravelMatrix ROAD = (from, to) -> {
        long metres = Math.round(Math.abs(from.longitude() - to.longitude()) * 100_000);
        return new TravelMatrix.Leg(metres, metres * 120 / 1000);
    };
    static final ServiceTime SERVICE = new ServiceTime(Duration.ofMinutes(10), Duration.ofSeconds(30),
            Duration.ofMinutes(20));
    static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Map<DayOfWeek, List<TimeWindow>> OFFICE_HOURS = hours(
            new TimeWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)), new TimeWindow(LocalTime.of(14, 0), LocalTime.of(17, 0)));

    private Territory() {
    }

    static GeoPoint km(double km) {
        return new GeoPoint(45.0, 5.0 + km / 100);
    }

    static Map<DayOfWeek, List<TimeWindow>> hours(TimeWindow... windows) {
        Map<DayOfWeek, List<TimeWindow>> hours = new java.util.EnumMap<>(DayOfWeek.class);
        WEEKDAYS.forEach(day -> hours.put(day, List.of(windows)));
        return hours;
    }

    static Vehicle van(String id) {
        return vehicle(id, 3_500, LocalTime.of(8, 0), LocalTime.of(17, 0));
    }

    static Vehicle vehicle(String id, double grossWeightKg, LocalTime shiftStart, LocalTime shiftEnd) {
        return new Vehicle(id, km(0), 10, 1_000, grossWeightKg, shiftStart, shiftEnd, 50, 3_000, 0.25, WEEKDAYS);
    }

    static DonorSite site(String id, double km) {
        return new DonorSite(id, km(km), OFFICE_HOURS, DonorSite.NO_ACCESS_LIMIT);
    }

    /** 50 l and 5 kg a device, ready on Monday, decommissioned a month later. */
    static PickupLot lot(String id, String siteId, int devices) {
        return lot(id, siteId, devices, devices * 0.05, devices * 5.0);
    }

    static PickupLot lot(String id, String siteId, int devices, double m3, double kg) {
        return new PickupLot(id, siteId, devices, m3, kg, MONDAY, MONDAY.plusDays(30));
    }

    static Workshop workshop(int intake) {
        return new Workshop("workshop", km(2), intake);
    }

    static CollectionProblem problem(int days, List<Vehicle> vehicles, List<DonorSite> sites, List<PickupLot> lots,
            List<Workshop> workshops, List<AcceptedStop> accepted) {
        return new CollectionProblem(MONDAY, MONDAY.plusDays(days - 1), vehicles, sites, lots, workshops, SERVICE, ROAD,
                accepted);
    }

    static CollectionProblem problem(List<Vehicle> vehicles, List<DonorSite> sites, List<PickupLot> lots) {
        return problem(1, vehicles, sites, lots, List.of(workshop(1_000)), List.of());
    }
}
