package org.boucle.engine.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The target for the demo: a week of about 60 pickups with 5 vehicles planned in at most 10 s. */
class DemoTerritoryTest {

    @Test
    void plansAWeekOfSixtyPickupsWithinTenSeconds() {
        CollectionProblem problem = DemoTerritory.generate(42, 60);
        List<CollectionProgress> progress = new CopyOnWriteArrayList<>();
        CollectionPlan plan;
        try (CollectionPlanner planner = new CollectionPlanner()) {
            plan = planner.start(problem, Duration.ofSeconds(10), progress::add).plan().join();
        }

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.unserved()).isEmpty();
        assertThat(progress.stream().filter(p -> p.feasible() && p.unservedLots() == 0).findFirst().orElseThrow().elapsed())
                .isLessThan(Duration.ofSeconds(10));
        // Every route keeps to its vehicle's capacity; the solver's constraints say so too, the report checks it again.
        for (CollectionPlan.Route route : plan.routes()) {
            Vehicle vehicle = problem.vehicles().stream().filter(v -> v.id().equals(route.vehicleId())).findFirst()
                    .orElseThrow();
            assertThat(route.loadM3()).isLessThanOrEqualTo(vehicle.capacityM3());
            assertThat(route.loadKg()).isLessThanOrEqualTo(vehicle.capacityKg());
        }
        System.out.printf("Demo territory: %d routes, %.1f km, %d devices, first complete plan at %s%n",
                plan.routes().size(), plan.routes().stream().mapToDouble(CollectionPlan.Route::distanceKm).sum(),
                plan.routes().stream().mapToInt(CollectionPlan.Route::devices).sum(), progress.stream()
                        .filter(p -> p.feasible() && p.unservedLots() == 0).findFirst().orElseThrow().elapsed());
    }
}
