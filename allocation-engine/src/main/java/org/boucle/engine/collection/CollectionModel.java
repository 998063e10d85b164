package org.boucle.engine.collection;

import java.time.DayOfWeek;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.boucle.engine.geo.GeoPoint;

/**
 * Turns a {@link CollectionProblem} into the routing core's plan: places indexed in one travel matrix, seconds from the
 * horizon's first midnight, litres and grams. Each site's lots ready on the same day become one pickup, cut into
 * several where they would not fit the largest vehicle allowed in.
 */
final class CollectionModel {

    static final long SECONDS_PER_DAY = 86_400;
    /** Cost unit: 1/3,600,000 of a cent, so that cents per km and per hour both become whole numbers per metre and second. */
    static final long COST_UNITS_PER_CENT = 3_600_000;
    /** An urgent lot (decommissioned by the horizon's end) weighs as much as ten that are not. */
    static final long URGENT_WEIGHT = 10;

    private final CollectionProblem problem;
    private final List<GeoPoint> places = new ArrayList<>();
    private final Map<GeoPoint, Integer> placeIndex = new HashMap<>();
    private final int days;

    private CollectionModel(CollectionProblem problem) {
        this.problem = problem;
        this.days = (int) ChronoUnit.DAYS.between(problem.from(), problem.to()) + 1;
    }

    static RoutePlan plan(CollectionProblem problem) {
        return new CollectionModel(problem).build();
    }

    private RoutePlan build() {
        problem.vehicles().forEach(vehicle -> place(vehicle.home()));
        problem.workshops().forEach(workshop -> place(workshop.location()));
        problem.sites().forEach(site -> place(site.location()));
        RoutingMatrix matrix = matrix();
        List<Drop> drops = problem.workshops().stream()
                .map(workshop -> new Drop(workshop.id(), place(workshop.location()), workshop.dailyIntakeDevices()))
                .toList();
        List<VehicleDay> routes = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            DayOfWeek weekday = problem.from().plusDays(day).getDayOfWeek();
            for (Vehicle vehicle : problem.vehicles()) {
                if (vehicle.allowedDays().contains(weekday)) {
                    routes.add(new VehicleDay(routeId(vehicle.id(), day), vehicle.id(), day, place(vehicle.home()),
                            day * SECONDS_PER_DAY + vehicle.shiftStart().toSecondOfDay(),
                            day * SECONDS_PER_DAY + vehicle.shiftEnd().toSecondOfDay(), litres(vehicle.capacityM3()),
                            grams(vehicle.capacityKg()), grams(vehicle.grossWeightKg()),
                            vehicle.costPerKmCents() * COST_UNITS_PER_CENT / 1000,
                            vehicle.costPerHourCents() * COST_UNITS_PER_CENT / 3600,
                            problem.serviceTime().unloading().toSeconds()));
                }
            }
        }
        return new RoutePlan(drops, routes, visits(matrix, drops));
    }

    private String routeId(String vehicleId, int day) {
        return vehicleId + "@" + problem.from().plusDays(day);
    }

    private List<Visit> visits(RoutingMatrix matrix, List<Drop> drops) {
        Map<String, DonorSite> sites = new HashMap<>();
        problem.sites().forEach(site -> sites.put(site.id(), site));
        Map<String, String> accepted = new HashMap<>();
        problem.accepted().forEach(stop -> accepted.put(stop.lotId(), stop.vehicleId() + "@" + stop.day()));
        Map<String, List<PickupLot>> groups = new LinkedHashMap<>();
        for (PickupLot lot : problem.lots()) {
            String key = lot.siteId() + "|" + firstDay(lot) + "|" + accepted.getOrDefault(lot.id(), "");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(lot);
        }
        List<Visit> visits = new ArrayList<>();
        for (List<PickupLot> group : groups.values()) {
            DonorSite site = sites.get(group.get(0).siteId());
            for (List<PickupLot> load : loads(group, site)) {
                visits.add(visit(site, load, matrix, drops, accepted.get(load.get(0).id())));
            }
        }
        return visits;
    }

    /** Lots in the order given, a new pickup whenever the next lot would overflow the largest vehicle allowed in. */
    private List<List<PickupLot>> loads(List<PickupLot> lots, DonorSite site) {
        double maxM3 = problem.vehicles().stream().filter(v -> v.grossWeightKg() <= site.maxGrossWeightKg())
                .mapToDouble(Vehicle::capacityM3).max().orElse(Double.POSITIVE_INFINITY);
        double maxKg = problem.vehicles().stream().filter(v -> v.grossWeightKg() <= site.maxGrossWeightKg())
                .mapToDouble(Vehicle::capacityKg).max().orElse(Double.POSITIVE_INFINITY);
        List<List<PickupLot>> loads = new ArrayList<>();
        List<PickupLot> current = new ArrayList<>();
        double m3 = 0;
        double kg = 0;
        for (PickupLot lot : lots.stream().sorted(Comparator.comparing(PickupLot::id)).toList()) {
            if (!current.isEmpty() && (m3 + lot.volumeM3() > maxM3 || kg + lot.weightKg() > maxKg)) {
                loads.add(current);
                current = new ArrayList<>();
                m3 = 0;
                kg = 0;
            }
            current.add(lot);
            m3 += lot.volumeM3();
            kg += lot.weightKg();
        }
        loads.add(current);
        return loads;
    }

    private Visit visit(DonorSite site, List<PickupLot> lots, RoutingMatrix matrix, List<Drop> drops,
            String acceptedRoute) {
        int devices = lots.stream().mapToInt(PickupLot::devices).sum();
        long service = problem.serviceTime().seconds(devices);
        long unserved = lots.stream().mapToLong(lot -> lot.decommissionDate().isAfter(problem.to()) ? 1 : URGENT_WEIGHT)
                .sum();
        String id = lots.get(0).id() + (lots.size() > 1 ? "+" + (lots.size() - 1) : "");
        return new Visit(id, site.id(), lots.stream().map(PickupLot::id).toList(), place(site.location()), devices,
                lots.stream().mapToLong(lot -> litres(lot.volumeM3())).sum(),
                lots.stream().mapToLong(lot -> grams(lot.weightKg())).sum(), service, windows(site, service),
                firstDay(lots.get(0)), Double.isInfinite(site.maxGrossWeightKg()) ? Long.MAX_VALUE
                        : grams(site.maxGrossWeightKg()),
                unserved, acceptedRoute, matrix, drops);
    }

    private long[][] windows(DonorSite site, long service) {
        long[][] windows = new long[days][];
        for (int day = 0; day < days; day++) {
            List<TimeWindow> hours = site.openingHours().getOrDefault(problem.from().plusDays(day).getDayOfWeek(),
                    List.of());
            long midnight = day * SECONDS_PER_DAY;
            windows[day] = hours.stream()
                    .filter(window -> window.closes().toSecondOfDay() - window.opens().toSecondOfDay() >= service)
                    .sorted(Comparator.comparing(TimeWindow::opens))
                    .flatMapToLong(window -> java.util.stream.LongStream.of(midnight + window.opens().toSecondOfDay(),
                            midnight + window.closes().toSecondOfDay() - service))
                    .toArray();
        }
        return windows;
    }

    private int firstDay(PickupLot lot) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(problem.from(), lot.availableFrom()));
    }

    private RoutingMatrix matrix() {
        int n = places.size();
        long[][] distance = new long[n][n];
        long[][] time = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    TravelMatrix.Leg leg = problem.travel().leg(places.get(i), places.get(j));
                    distance[i][j] = leg.metres();
                    time[i][j] = leg.seconds();
                }
            }
        }
        return new RoutingMatrix(distance, time);
    }

    private int place(GeoPoint point) {
        return placeIndex.computeIfAbsent(point, p -> {
            places.add(p);
            return places.size() - 1;
        });
    }

    static long litres(double m3) {
        return Math.round(m3 * 1000);
    }

    static long grams(double kg) {
        return Math.round(kg * 1000);
    }
}
