package org.boucle.engine.collection;

import static org.boucle.engine.collection.Territory.MONDAY;
import static org.boucle.engine.collection.Territory.hours;
import static org.boucle.engine.collection.Territory.km;
import static org.boucle.engine.collection.Territory.lot;
import static org.boucle.engine.collection.Territory.problem;
import static org.boucle.engine.collection.Territory.site;
import static org.boucle.engine.collection.Territory.van;
import static org.boucle.engine.collection.Territory.vehicle;
import static org.boucle.engine.collection.Territory.workshop;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each constraint alone, penalised and not, on {@link Territory}'s straight road. Costs are in 1/3,600,000 of a cent:
 * 0.50 €/km is 180,000 a metre, 30 €/h is 3,000,000 a second.
 */
class RouteConstraintsTest {

    private static final String VAN_MONDAY = "van@2026-11-30";

    private final ConstraintVerifier<RouteConstraints, RoutePlan> verifier =
            ConstraintVerifier.build(new RouteConstraints(), RoutePlan.class, VehicleDay.class, Visit.class);

    @Nested
    class VolumeCapacity {

        @Test
        void penalisesTheLitresOverTheVan() {
            // 7.5 m³ + 5 m³ in a 10 m³ van: 2,500 l over.
            RoutePlan plan = new Routes(problem(List.of(van("van")), List.of(site("a", 3), site("b", 5)),
                    List.of(lot("big", "a", 150), lot("small", "b", 100, 5, 100)))).route(VAN_MONDAY, "big", "small").plan();
            verifier.verifyThat(RouteConstraints::volumeCapacity).givenSolution(plan).penalizesBy(2_500);
        }

        @Test
        void acceptsAFullVan() {
            RoutePlan plan = new Routes(problem(List.of(van("van")), List.of(site("a", 3), site("b", 5)),
                    List.of(lot("big", "a", 150), lot("small", "b", 50, 2.5, 100)))).route(VAN_MONDAY, "big", "small").plan();
            verifier.verifyThat(RouteConstraints::volumeCapacity).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class WeightCapacity {

        @Test
        void penalisesTheGramsOverTheVan() {
            RoutePlan plan = new Routes(problem(List.of(van("van")), List.of(site("a", 3), site("b", 5)),
                    List.of(lot("heavy", "a", 10, 1, 800), lot("more", "b", 10, 1, 250)))).route(VAN_MONDAY, "heavy", "more")
                    .plan();
            verifier.verifyThat(RouteConstraints::weightCapacity).givenSolution(plan).penalizesBy(50_000);
        }

        @Test
        void acceptsAFullVan() {
            RoutePlan plan = new Routes(problem(List.of(van("van")), List.of(site("a", 3), site("b", 5)),
                    List.of(lot("heavy", "a", 10, 1, 800), lot("more", "b", 10, 1, 200)))).route(VAN_MONDAY, "heavy", "more")
                    .plan();
            verifier.verifyThat(RouteConstraints::weightCapacity).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class TimeWindows {

        private final DonorSite morningsOnly = new DonorSite("mornings", km(5),
                hours(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(12, 0))), DonorSite.NO_ACCESS_LIMIT);

        @Test
        void penalisesTheSecondsPastTheLastPossibleStart() {
            // Leaves at 11:50, arrives at 12:00; 10 devices take 15 min, so the last start was 11:45: 900 s late.
            RoutePlan plan = new Routes(problem(List.of(vehicle("van", 3_500, LocalTime.of(11, 50), LocalTime.of(17, 0))),
                    List.of(morningsOnly), List.of(lot("lot", "mornings", 10)))).route(VAN_MONDAY, "lot").plan();
            verifier.verifyThat(RouteConstraints::timeWindows).givenSolution(plan).penalizesBy(900);
        }

        @Test
        void penalisesAClosedDayAsTheWholeShift() {
            DonorSite closed = new DonorSite("closed", km(5), Map.of(), DonorSite.NO_ACCESS_LIMIT);
            RoutePlan plan = new Routes(problem(List.of(van("van")), List.of(closed), List.of(lot("lot", "closed", 10))))
                    .route(VAN_MONDAY, "lot").plan();
            verifier.verifyThat(RouteConstraints::timeWindows).givenSolution(plan).penalizesBy(9 * 3_600 + 1);
        }

        @Test
        void acceptsWaitingForTheOpening() {
            RoutePlan plan = new Routes(problem(List.of(van("van")), List.of(morningsOnly),
                    List.of(lot("lot", "mornings", 10)))).route(VAN_MONDAY, "lot").plan();
            verifier.verifyThat(RouteConstraints::timeWindows).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class ShiftEnd {

        private final DonorSite allDay = new DonorSite("all-day", km(10),
                hours(new TimeWindow(LocalTime.of(8, 0), LocalTime.of(18, 0))), DonorSite.NO_ACCESS_LIMIT);

        @Test
        void penalisesTheSecondsBackAfterTheShift() {
            // 08:00 + 20 min there, 15 min service, 16 min to the workshop, 20 min unloading, 4 min home: 09:15.
            RoutePlan plan = new Routes(problem(List.of(vehicle("van", 3_500, LocalTime.of(8, 0), LocalTime.of(9, 0))),
                    List.of(allDay), List.of(lot("lot", "all-day", 10)))).route(VAN_MONDAY, "lot").plan();
            verifier.verifyThat(RouteConstraints::shiftEnd).givenSolution(plan).penalizesBy(900);
        }

        @Test
        void acceptsBeingBackBeforeTheEnd() {
            RoutePlan plan = new Routes(problem(List.of(vehicle("van", 3_500, LocalTime.of(8, 0), LocalTime.of(9, 15))),
                    List.of(allDay), List.of(lot("lot", "all-day", 10)))).route(VAN_MONDAY, "lot").plan();
            verifier.verifyThat(RouteConstraints::shiftEnd).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class SiteAccess {

        private final DonorSite narrow = new DonorSite("narrow", km(4), Territory.OFFICE_HOURS, 3_500);

        @Test
        void penalisesEachLotOnATruckTooHeavyForTheSite() {
            RoutePlan plan = new Routes(problem(List.of(vehicle("truck", 7_500, LocalTime.of(8, 0), LocalTime.of(17, 0))),
                    List.of(narrow), List.of(lot("a", "narrow", 5), lot("b", "narrow", 5))))
                    .route("truck@2026-11-30", "a+1").plan();
            verifier.verifyThat(RouteConstraints::siteAccess).givenSolution(plan).penalizesBy(2);
        }

        @Test
        void acceptsAVanOfTheLimit() {
            RoutePlan plan = new Routes(problem(List.of(van("van")), List.of(narrow),
                    List.of(lot("a", "narrow", 5), lot("b", "narrow", 5)))).route(VAN_MONDAY, "a+1").plan();
            verifier.verifyThat(RouteConstraints::siteAccess).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class LotReady {

        private final CollectionProblem twoDays = problem(2, List.of(van("van")), List.of(site("a", 3)),
                List.of(new PickupLot("tuesday", "a", 5, 0.25, 25, MONDAY.plusDays(1), MONDAY.plusDays(30))),
                List.of(workshop(100)), List.of());

        @Test
        void penalisesALotCollectedBeforeItIsReady() {
            RoutePlan plan = new Routes(twoDays).route(VAN_MONDAY, "tuesday").plan();
            verifier.verifyThat(RouteConstraints::lotReady).givenSolution(plan).penalizesBy(1);
        }

        @Test
        void acceptsTheDayItIsReady() {
            RoutePlan plan = new Routes(twoDays).route("van@2026-12-01", "tuesday").plan();
            verifier.verifyThat(RouteConstraints::lotReady).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class WorkshopIntake {

        private CollectionProblem twoVans(int intake) {
            return problem(1, List.of(van("van"), van("other")), List.of(site("a", 3), site("b", 5)),
                    List.of(lot("ten", "a", 10), lot("also-ten", "b", 10)), List.of(workshop(intake)), List.of());
        }

        @Test
        void penalisesTheDevicesOverADaysIntake() {
            RoutePlan plan = new Routes(twoVans(15)).route(VAN_MONDAY, "ten").route("other@2026-11-30", "also-ten")
                    .plan();
            verifier.verifyThat(RouteConstraints::workshopIntake).givenSolution(plan).penalizesBy(5);
        }

        @Test
        void acceptsAFullIntake() {
            RoutePlan plan = new Routes(twoVans(20)).route(VAN_MONDAY, "ten").route("other@2026-11-30", "also-ten")
                    .plan();
            verifier.verifyThat(RouteConstraints::workshopIntake).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class UnservedLots {

        private final CollectionProblem oneUrgent = problem(List.of(van("van")), List.of(site("a", 3), site("b", 5)),
                List.of(new PickupLot("urgent", "a", 5, 0.25, 25, MONDAY, MONDAY), lot("later", "b", 5)));

        @Test
        void penalisesUrgentLotsTenTimesMore() {
            RoutePlan plan = new Routes(oneUrgent).plan();
            verifier.verifyThat(RouteConstraints::unservedLots).givenSolution(plan).penalizesBy(11);
        }

        @Test
        void acceptsEveryLotCollected() {
            RoutePlan plan = new Routes(oneUrgent).route(VAN_MONDAY, "urgent", "later").plan();
            verifier.verifyThat(RouteConstraints::unservedLots).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class AcceptedStopMoved {

        private final CollectionProblem accepted = problem(1, List.of(van("van"), van("other")),
                List.of(site("a", 3), site("b", 5)), List.of(lot("given", "a", 5), lot("also-given", "b", 5)),
                List.of(workshop(100)), List.of(new AcceptedStop("given", "van", MONDAY),
                        new AcceptedStop("also-given", "van", MONDAY)));

        @Test
        void penalisesLotsOnAnotherRouteOrLeftOut() {
            RoutePlan plan = new Routes(accepted).route("other@2026-11-30", "given").plan();
            verifier.verifyThat(RouteConstraints::acceptedStopMoved).givenSolution(plan).penalizesBy(2);
        }

        @Test
        void acceptsLotsKeptOnTheirRoute() {
            RoutePlan plan = new Routes(accepted).route(VAN_MONDAY, "also-given", "given").plan();
            verifier.verifyThat(RouteConstraints::acceptedStopMoved).givenSolution(plan).penalizesBy(0);
        }
    }

    @Nested
    class RoutesDriven {

        private final CollectionProblem twoVans = problem(List.of(van("van"), van("other")),
                List.of(site("a", 3), site("b", 5)), List.of(lot("a1", "a", 5), lot("b1", "b", 5)));

        @Test
        void penalisesEachVehicleDayOnTheRoad() {
            RoutePlan plan = new Routes(twoVans).route(VAN_MONDAY, "a1", "b1").plan();
            verifier.verifyThat(RouteConstraints::routesDriven).givenSolution(plan).penalizesBy(1);
        }

        @Test
        void acceptsVehiclesLeftAtTheDepot() {
            verifier.verifyThat(RouteConstraints::routesDriven).givenSolution(new Routes(twoVans).plan()).penalizesBy(0);
        }
    }

    @Nested
    class TravelCost {

        private final CollectionProblem twoSites = problem(List.of(van("van")), List.of(site("a", 5), site("b", 8)),
                List.of(lot("a1", "a", 5), lot("b1", "b", 5)));

        @Test
        void penalisesTheWayToEachStop() {
            // 8 km at 0.50 € and 960 s at 30 €/h: 4 € + 8 € = 1,200 cents.
            RoutePlan plan = new Routes(twoSites).route(VAN_MONDAY, "a1", "b1").plan();
            verifier.verifyThat(RouteConstraints::travelCost).givenSolution(plan).penalizesBy(1_200 * 3_600_000L);
        }

        @Test
        void costsNothingWithoutStops() {
            verifier.verifyThat(RouteConstraints::travelCost).givenSolution(new Routes(twoSites).plan()).penalizesBy(0);
        }
    }

    @Nested
    class ReturnCost {

        private final CollectionProblem twoSites = problem(List.of(van("van")), List.of(site("a", 5), site("b", 8)),
                List.of(lot("a1", "a", 5), lot("b1", "b", 5)));

        @Test
        void penalisesTheWayHomeThroughTheWorkshop() {
            // 6 km to the workshop and 2 km home: 4 €; 960 s driving and 1,200 s unloading at 30 €/h: 18 €.
            RoutePlan plan = new Routes(twoSites).route(VAN_MONDAY, "a1", "b1").plan();
            verifier.verifyThat(RouteConstraints::returnCost).givenSolution(plan).penalizesBy(2_200 * 3_600_000L);
        }

        @Test
        void costsNothingWithoutStops() {
            verifier.verifyThat(RouteConstraints::returnCost).givenSolution(new Routes(twoSites).plan()).penalizesBy(0);
        }
    }
}
