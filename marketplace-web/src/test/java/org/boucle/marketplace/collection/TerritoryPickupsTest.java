package org.boucle.marketplace.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boucle.engine.collection.CollectionPlan;
import org.boucle.engine.collection.CollectionPlanner;
import org.boucle.engine.collection.CollectionProblem;
import org.boucle.engine.collection.PickupLot;
import org.boucle.engine.collection.Vehicle;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo territory's next working week of pickups, read from the donors' forecasts, their sites and the fleet, and
 * planned by the routing engine: every lot is collected or said why not, and no route breaks its vehicle's limits.
 */
@BoucleTest
class TerritoryPickupsTest {

    @Autowired
    TerritoryPickups pickups;

    @Autowired
    CollectionPlanner planner;

    @Test
    void theDemoTerritorysWeekIsPlannedWithinEveryVehiclesLimits() {
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        CollectionProblem problem = pickups.problem(monday, monday.plusDays(4));
        assertThat(problem.lots()).hasSizeGreaterThan(30);
        assertThat(problem.vehicles()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(problem.workshops()).isNotEmpty();
        assertThat(problem.lots()).allSatisfy(lot -> {
            assertThat(lot.volumeM3()).isPositive();
            assertThat(lot.weightKg()).isPositive();
        });

        CollectionPlan plan = planner.solve(problem, Duration.ofSeconds(5));

        assertThat(plan.feasible()).isTrue();
        Map<String, Vehicle> vehicles = problem.vehicles().stream()
                .collect(Collectors.toMap(Vehicle::id, Function.identity()));
        Set<String> collected = new HashSet<>();
        plan.routes().forEach(route -> {
            Vehicle vehicle = vehicles.get(route.vehicleId());
            assertThat(vehicle.allowedDays()).contains(route.day().getDayOfWeek());
            assertThat(route.loadKg()).isLessThanOrEqualTo(vehicle.capacityKg() + 1e-6);
            assertThat(route.loadM3()).isLessThanOrEqualTo(vehicle.capacityM3() + 1e-6);
            route.stops().forEach(stop -> {
                assertThat(stop.arrival().toLocalTime()).isAfterOrEqualTo(vehicle.shiftStart());
                collected.addAll(stop.lotIds());
            });
        });
        plan.unserved().forEach(unserved -> assertThat(unserved.reason()).isNotBlank());
        Set<String> all = problem.lots().stream().map(PickupLot::id).collect(Collectors.toSet());
        Set<String> accounted = new HashSet<>(collected);
        plan.unserved().forEach(unserved -> accounted.add(unserved.lotId()));
        assertThat(accounted).isEqualTo(all);
        assertThat(collected).isNotEmpty();
    }
}
