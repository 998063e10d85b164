package org.boucle.marketplace.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.boucle.engine.collection.CollectionPlan;
import org.boucle.engine.collection.CollectionPlanner;
import org.boucle.engine.collection.CollectionProblem;
import org.boucle.engine.collection.DonorSite;
import org.boucle.engine.collection.HaversineTravel;
import org.boucle.engine.collection.PickupLot;
import org.boucle.engine.collection.ServiceTime;
import org.boucle.engine.collection.TimeWindow;
import org.boucle.engine.collection.TravelMatrix;
import org.boucle.engine.collection.Vehicle;
import org.boucle.engine.collection.Workshop;
import org.boucle.engine.geo.GeoPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The road network read from an OpenStreetMap extract: a U-shaped street whose two ends are 1.1 km apart as the crow
 * flies but 2.9 km by road. Distances and times follow the road, both ways, and a plan's route is costed by them.
 */
class RoadNetworkTravelTest {

    private static final GeoPoint A = new GeoPoint(45.1900, 5.7200);
    private static final GeoPoint B = new GeoPoint(45.1900, 5.7300);
    private static final GeoPoint C = new GeoPoint(45.2000, 5.7300);
    private static final GeoPoint D = new GeoPoint(45.2000, 5.7200);

    @TempDir
    static Path graphs;

    private static RoadNetworkTravel roads;

    @BeforeAll
    static void readTheExtract() throws Exception {
        Path extract = Path.of(RoadNetworkTravelTest.class.getResource("/road-network/u-street.osm").toURI());
        roads = new RoadNetworkTravel(extract, graphs.resolve("graph"), HaversineTravel.DEFAULT);
    }

    @AfterAll
    static void close() {
        roads.close();
    }

    @Test
    void legsFollowTheRoadNotTheCrowsFlight() {
        double byRoad = A.kilometresTo(B) + B.kilometresTo(C) + C.kilometresTo(D);
        TravelMatrix.Leg leg = roads.leg(A, D);

        assertThat(leg.metres() / 1000.0).isCloseTo(byRoad, within(0.05));
        assertThat(leg.metres() / 1000.0).isGreaterThan(2 * A.kilometresTo(D));
        // A residential street: between 10 and 60 km/h on average.
        double kmPerHour = leg.metres() / 1000.0 / (leg.seconds() / 3600.0);
        assertThat(kmPerHour).isBetween(10.0, 60.0);
        assertThat(roads.leg(D, A).metres()).isCloseTo(leg.metres(), within(5L));
        assertThat(roads.leg(A, A).metres()).isZero();
    }

    @Test
    void aRouteIsCostedOnTheRoads() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        Map<DayOfWeek, List<TimeWindow>> open = Map.of(DayOfWeek.MONDAY,
                List.of(new TimeWindow(LocalTime.of(8, 0), LocalTime.of(18, 0))));
        CollectionProblem problem = new CollectionProblem(monday, monday,
                List.of(new Vehicle("van", A, 12, 1000, 3500, LocalTime.of(8, 0), LocalTime.of(17, 0), 50, 3000, 0.2,
                        Set.of(DayOfWeek.MONDAY))),
                List.of(new DonorSite("site", D, open, DonorSite.NO_ACCESS_LIMIT)),
                List.of(new PickupLot("lot", "site", 10, 0.5, 50, monday, monday)),
                List.of(new Workshop("workshop", A, 100)), ServiceTime.DEFAULT, roads, List.of());

        CollectionPlan plan;
        try (CollectionPlanner planner = new CollectionPlanner()) {
            plan = planner.solve(problem, Duration.ofSeconds(1));
        }

        assertThat(plan.routes()).hasSize(1);
        // Depot A to D and back to the workshop at A: twice the U.
        assertThat(plan.routes().get(0).distanceKm()).isCloseTo(2 * roads.leg(A, D).metres() / 1000.0, within(0.1));
    }
}
