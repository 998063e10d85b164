package org.boucle.engine.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boucle.engine.collection.Territory.MONDAY;
import static org.boucle.engine.collection.Territory.hours;
import static org.boucle.engine.collection.Territory.km;
import static org.boucle.engine.collection.Territory.lot;
import static org.boucle.engine.collection.Territory.problem;
import static org.boucle.engine.collection.Territory.site;
import static org.boucle.engine.collection.Territory.van;
import static org.boucle.engine.collection.Territory.vehicle;
import static org.boucle.engine.collection.Territory.workshop;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollectionPlannerTest {

    private final CollectionPlanner planner = new CollectionPlanner();

    /**
     * Site a (5 km) receives 09:00–10:00 only, b (3 km) 14:00–17:00, the narrow site (4 km) no truck. One van does it
     * all: a and the narrow site in the morning in either order, then b, then the workshop (2 km) and home: 10 km, the
     * least any route through the three sites and the workshop can drive. The truck stays at the depot, and a lot ready
     * only on Tuesday waits.
     */
    private final CollectionProblem handSolved = problem(1,
            List.of(vehicle("truck", 7_500, LocalTime.of(8, 0), LocalTime.of(17, 0)), van("van")),
            List.of(new DonorSite("a", km(5), hours(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(10, 0))),
                    DonorSite.NO_ACCESS_LIMIT),
                    new DonorSite("b", km(3), hours(new TimeWindow(LocalTime.of(14, 0), LocalTime.of(17, 0))),
                            DonorSite.NO_ACCESS_LIMIT),
                    new DonorSite("narrow", km(4), Territory.OFFICE_HOURS, 3_500)),
            List.of(lot("a1", "a", 10), lot("b1", "b", 10), lot("n1", "narrow", 10), lot("n2", "narrow", 20),
                    new PickupLot("tuesday", "b", 5, 0.25, 25, MONDAY.plusDays(1), MONDAY.plusDays(30))),
            List.of(workshop(100)), List.of());

    @AfterEach
    void close() {
        planner.close();
    }

    @Test
    void findsTheHandSolvedOptimum() {
        CollectionPlan plan = planner.solve(handSolved, Duration.ofSeconds(3));

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.routes()).hasSize(1);
        CollectionPlan.Route route = plan.routes().get(0);
        assertThat(route.vehicleId()).isEqualTo("van");
        assertThat(route.day()).isEqualTo(MONDAY);
        assertThat(route.workshopId()).isEqualTo("workshop");
        assertThat(route.stops()).extracting(CollectionPlan.Stop::siteId)
                .isIn(List.of("a", "narrow", "b"), List.of("narrow", "a", "b"));
        assertThat(route.distanceKm()).isEqualTo(10.0);
        assertThat(route.devices()).isEqualTo(50);
        assertThat(route.loadM3()).isEqualTo(2.5);
        assertThat(route.loadKg()).isEqualTo(250.0);
        assertThat(route.kgCo2e()).isEqualTo(2.5);
        CollectionPlan.Stop b = route.stops().get(2);
        assertThat(b.lotIds()).containsExactly("b1");
        assertThat(b.departure()).isEqualTo(LocalDateTime.of(MONDAY, LocalTime.of(14, 15)));
        assertThat(plan.unserved()).containsExactly(new CollectionPlan.Unserved("tuesday", "not ready before 2026-12-01"));
        assertThat(plan.score().routes()).isEqualTo(1);
        assertThat(plan.score().unservedLots()).isEqualTo(1);
    }

    @Test
    void reportsProgressAndStopsOnDemand() throws Exception {
        List<CollectionProgress> progress = new CopyOnWriteArrayList<>();
        CollectionRun run = planner.start(handSolved, Duration.ofMinutes(10), progress::add);
        Thread.sleep(500);
        run.stop();

        CollectionPlan plan = run.plan().get(10, TimeUnit.SECONDS);
        assertThat(plan.feasible()).isTrue();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).unservedLots()).isEqualTo(1);
    }

    @Test
    void explainsWhyLotsAreLeft() {
        CollectionProblem problem = problem(1, List.of(vehicle("truck", 7_500, LocalTime.of(8, 0), LocalTime.of(17, 0))),
                List.of(new DonorSite("narrow", km(4), Territory.OFFICE_HOURS, 3_500),
                        new DonorSite("closed", km(3), java.util.Map.of(), DonorSite.NO_ACCESS_LIMIT), site("open", 6)),
                List.of(lot("n1", "narrow", 10), lot("c1", "closed", 10), lot("huge", "open", 10, 30, 100)),
                List.of(workshop(100)), List.of());

        CollectionPlan plan = planner.solve(problem, Duration.ofSeconds(1));

        assertThat(plan.routes()).isEmpty();
        assertThat(plan.unserved()).containsExactlyInAnyOrder(
                new CollectionPlan.Unserved("n1", "no vehicle may enter the site (limit 3500 kg)"),
                new CollectionPlan.Unserved("c1", "the site is closed on every day a vehicle could come"),
                new CollectionPlan.Unserved("huge", "larger than any vehicle allowed at the site"));
    }

    @Test
    void keepsAcceptedStopsWhereTheyWere() {
        // Either van would do; the pickups accepted on "other" stay there.
        CollectionProblem replanned = problem(1, List.of(van("van"), van("other")), List.of(site("s", 3)),
                List.of(lot("s1", "s", 5)), List.of(workshop(100)), List.of(new AcceptedStop("s1", "other", MONDAY)));

        CollectionPlan plan = planner.solve(replanned, Duration.ofSeconds(1));

        assertThat(plan.routes()).singleElement().extracting(CollectionPlan.Route::vehicleId).isEqualTo("other");
        assertThat(plan.score().acceptedMoved()).isZero();
    }

    @Test
    void refusesAnHorizonBeyondAFortnight() {
        assertThatThrownBy(() -> problem(15, List.of(van("van")), List.of(), List.of(), List.of(workshop(1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 14 days");
    }
}
