package org.boucle.engine.collection;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a solved {@link RoutePlan} back in the problem's terms: dates and times, km, m³, kg, and reasons. */
final class CollectionReport {

    private final CollectionProblem problem;
    private final Map<String, Vehicle> vehicles = new HashMap<>();
    private final Map<String, DonorSite> sites = new HashMap<>();
    private final Map<String, PickupLot> lots = new HashMap<>();

    CollectionReport(CollectionProblem problem) {
        this.problem = problem;
        problem.vehicles().forEach(vehicle -> vehicles.put(vehicle.id(), vehicle));
        problem.sites().forEach(site -> sites.put(site.id(), site));
        problem.lots().forEach(lot -> lots.put(lot.id(), lot));
    }

    CollectionPlan plan(RoutePlan plan) {
        List<CollectionPlan.Route> routes = new ArrayList<>();
        for (VehicleDay route : plan.vehicleDays()) {
            if (!route.visits().isEmpty()) {
                routes.add(route(route));
            }
        }
        List<CollectionPlan.Unserved> unserved = new ArrayList<>();
        plan.visits().stream().filter(visit -> visit.vehicleDay() == null)
                .forEach(visit -> visit.lotIds().forEach(lotId -> unserved.add(
                        new CollectionPlan.Unserved(lotId, reason(lots.get(lotId))))));
        RouteScore score = score(plan.score());
        return new CollectionPlan(routes, unserved, score, plan.score().isFeasible());
    }

    static RouteScore score(BendableLongScore score) {
        return new RouteScore(-score.hardScore(0), -score.softScore(RoutePlan.UNSERVED), -score.softScore(RoutePlan.MOVED),
                -score.softScore(RoutePlan.ROUTES),
                -score.softScore(RoutePlan.COST) / (double) CollectionModel.COST_UNITS_PER_CENT / 100);
    }

    private CollectionPlan.Route route(VehicleDay route) {
        Vehicle vehicle = vehicles.get(route.vehicleId());
        List<CollectionPlan.Stop> stops = new ArrayList<>();
        long metres = 0;
        long litres = 0;
        long grams = 0;
        int devices = 0;
        Visit last = null;
        for (Visit visit : route.visits()) {
            stops.add(new CollectionPlan.Stop(visit.siteId(), visit.lotIds(), time(visit.arrival()),
                    time(visit.departure())));
            metres += visit.distanceIn();
            litres += visit.volume();
            grams += visit.weight();
            devices += visit.devices();
            last = visit;
        }
        metres += last.distanceHome();
        double km = metres / 1000.0;
        return new CollectionPlan.Route(route.vehicleId(), problem.from().plusDays(route.day()), stops,
                last.drop().id(), km, (last.routeEnd() - route.start()) / 3600.0, litres / 1000.0, grams / 1000.0,
                devices, km * vehicle.kgCo2ePerKm());
    }

    private LocalDateTime time(long seconds) {
        return problem.from().atStartOfDay().plusSeconds(seconds);
    }

    /** The first reason that alone keeps the lot out of every route; otherwise, the routes are full. */
    private String reason(PickupLot lot) {
        DonorSite site = sites.get(lot.siteId());
        if (lot.availableFrom().isAfter(problem.to())) {
            return "not ready before " + problem.to().plusDays(1);
        }
        List<Vehicle> allowed = problem.vehicles().stream()
                .filter(vehicle -> vehicle.grossWeightKg() <= site.maxGrossWeightKg()).toList();
        if (allowed.isEmpty()) {
            return "no vehicle may enter the site (limit " + Math.round(site.maxGrossWeightKg()) + " kg)";
        }
        if (allowed.stream().noneMatch(v -> v.capacityM3() >= lot.volumeM3() && v.capacityKg() >= lot.weightKg())) {
            return "larger than any vehicle allowed at the site";
        }
        boolean anyDay = false;
        LocalDate first = lot.availableFrom().isAfter(problem.from()) ? lot.availableFrom() : problem.from();
        for (LocalDate day = first; !day.isAfter(problem.to()); day = day.plusDays(1)) {
            LocalDate date = day;
            boolean driven = allowed.stream().anyMatch(v -> v.allowedDays().contains(date.getDayOfWeek()));
            anyDay |= driven && !site.openingHours().getOrDefault(date.getDayOfWeek(), List.of()).isEmpty();
        }
        if (!anyDay) {
            return "the site is closed on every day a vehicle could come";
        }
        long days = ChronoUnit.DAYS.between(first, problem.to()) + 1;
        return "no room left in the routes of the " + days + " day(s) it could be collected (capacity, opening hours,"
                + " shifts or workshop intake)";
    }
}
