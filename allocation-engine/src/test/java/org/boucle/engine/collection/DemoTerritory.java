package org.boucle.engine.collection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.boucle.engine.geo.GeoPoint;

/**
 * A seeded territory the size of the demo's: about 60 pickups at donor sites within 15 km of Grenoble, four vans
 * (3.5 t, 12 m³, 1 t) and a truck (7.5 t, 30 m³, 2.5 t) on weekdays, two workshops of 400 devices a day, a week.
 * One site in five takes no truck, one in four opens mornings only, one lot in ten is urgent.
 */
final class DemoTerritory {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final GeoPoint GRENOBLE = new GeoPoint(45.188, 5.724);

    private DemoTerritory() {
    }

    static CollectionProblem generate(long seed, int sites) {
        Random random = new Random(seed);
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            vehicles.add(new Vehicle("van-" + i, around(random, 4), 12, 1_000, 3_500, LocalTime.of(8, 0),
                    LocalTime.of(17, 0), 45, 2_800, 0.22, weekdays));
        }
        vehicles.add(new Vehicle("truck", around(random, 4), 30, 2_500, 7_500, LocalTime.of(7, 30), LocalTime.of(16, 30),
                70, 3_500, 0.45, weekdays));
        TimeWindow morning = new TimeWindow(LocalTime.of(8, 30), LocalTime.of(12, 0));
        TimeWindow afternoon = new TimeWindow(LocalTime.of(13, 30), LocalTime.of(17, 30));
        List<DonorSite> donorSites = new ArrayList<>();
        List<PickupLot> lots = new ArrayList<>();
        for (int s = 1; s <= sites; s++) {
            boolean morningsOnly = random.nextInt(4) == 0;
            Map<DayOfWeek, List<TimeWindow>> hours = new java.util.EnumMap<>(DayOfWeek.class);
            weekdays.forEach(day -> hours.put(day, morningsOnly ? List.of(morning) : List.of(morning, afternoon)));
            String site = "site-" + s;
            donorSites.add(new DonorSite(site, around(random, 15), hours,
                    random.nextInt(5) == 0 ? 3_500 : DonorSite.NO_ACCESS_LIMIT));
            int devices = 5 + random.nextInt(56);
            LocalDate ready = MONDAY.plusDays(random.nextInt(3) == 0 ? random.nextInt(4) : 0);
            LocalDate decommissioned = random.nextInt(10) == 0 ? MONDAY.plusDays(2) : MONDAY.plusDays(30);
            lots.add(new PickupLot("lot-" + s, site, devices, devices * 0.03, devices * 6.0, ready, decommissioned));
        }
        List<Workshop> workshops = List.of(new Workshop("workshop-north", around(random, 6), 400),
                new Workshop("workshop-south", around(random, 6), 400));
        return new CollectionProblem(MONDAY, MONDAY.plusDays(4), vehicles, donorSites, lots, workshops,
                ServiceTime.DEFAULT, HaversineTravel.DEFAULT, List.of());
    }

    private static GeoPoint around(Random random, double km) {
        double distance = km * Math.sqrt(random.nextDouble());
        double angle = 2 * Math.PI * random.nextDouble();
        return new GeoPoint(GRENOBLE.latitude() + distance * Math.cos(angle) / 111.2,
                GRENOBLE.longitude() + distance * Math.sin(angle) / (111.2 * Math.cos(Math.toRadians(GRENOBLE.latitude()))));
    }
}
