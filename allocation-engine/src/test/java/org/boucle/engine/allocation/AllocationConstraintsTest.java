package org.boucle.engine.allocation;

import static org.boucle.engine.allocation.Fixtures.association;
import static org.boucle.engine.allocation.Fixtures.availableOn;
import static org.boucle.engine.allocation.Fixtures.buyer;
import static org.boucle.engine.allocation.Fixtures.inLot;
import static org.boucle.engine.allocation.Fixtures.laptops;
import static org.boucle.engine.allocation.Fixtures.problem;
import static org.boucle.engine.allocation.Fixtures.screens;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.time.LocalDate;
import java.util.List;
import org.boucle.engine.allocation.Justifications.FundOverdrawn;
import org.boucle.engine.allocation.Justifications.LotSplit;
import org.boucle.engine.allocation.Justifications.OverServed;
import org.boucle.engine.allocation.Justifications.Shortfall;
import org.boucle.engine.geo.GeoPoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each constraint alone, penalised and not. Soft figures are in micro-euros: 1 cent = 10,000. The fixtures' laptops
 * cost 200 €; a buyer paying it leaves the fund 5 % (10 €), and covers the fees (25 + 0.88 + 6 + 10 € = 41.88 €). An
 * association paying nothing is subsidised the fixed fees, 25.88 € a unit.
 */
class AllocationConstraintsTest {

    private static final long MICROS_PER_CENT = 10_000;

    private final ConstraintVerifier<AllocationConstraints, AllocationSolution> verifier =
            ConstraintVerifier.build(new AllocationConstraints(), AllocationSolution.class, SupplyUnit.class);

    @Nested
    class CompatibleEquipment {

        @Test
        void penalisesEachUnitOfAnotherCategoryOrAWorseGrade() {
            Plans plans = new Plans(problem(0, List.of(screens("screens", 3), laptops("worn", 2, Grade.C, 20_000),
                    laptops("fine", 1)), buyer("buyer", 10, 30_000)))
                    .give("screens", 3, "buyer").give("worn", 2, "buyer").give("fine", 1, "buyer");
            // 3 screens for laptops, 2 grade C laptops for grade B at least: 5 units; the grade B laptop fits.
            verifier.verifyThat(AllocationConstraints::compatibleEquipment).given(plans.facts()).penalizesBy(5);
        }

        @Test
        void acceptsBetterSpecsAndGrade() {
            Plans plans = new Plans(problem(0, List.of(laptops("new", 2, Grade.A, 20_000)), buyer("buyer", 2, 30_000)))
                    .give("new", 2, "buyer");
            verifier.verifyThat(AllocationConstraints::compatibleEquipment).given(plans.facts()).penalizesBy(0);
        }
    }

    @Nested
    class AvailableInTime {

        @Test
        void penalisesUnitsAvailableAfterTheLatestDate() {
            Plans plans = new Plans(problem(0, List.of(availableOn(laptops("late", 3), LocalDate.of(2027, 2, 2))),
                    buyer("buyer", 3, 30_000))).give("late", 3, "buyer");
            verifier.verifyThat(AllocationConstraints::availableInTime).given(plans.facts()).penalizesBy(3);
        }

        @Test
        void acceptsUnitsAvailableOnTheLatestDate() {
            Plans plans = new Plans(problem(0, List.of(availableOn(laptops("just", 3), Fixtures.DUE)),
                    buyer("buyer", 3, 30_000))).give("just", 3, "buyer");
            verifier.verifyThat(AllocationConstraints::availableInTime).given(plans.facts()).penalizesBy(0);
        }
    }

    @Nested
    class PriceCoversChain {

        @Test
        void penalisesAPriceAboveTheBuyersBudgetOrBelowTheChainsFees() {
            // 200 € against a 150 € budget: 2 units. 20 € against its fees, 25 + 0.88 + 0.60 + 1 = 27.48 €: 1 unit.
            Plans plans = new Plans(problem(0, List.of(laptops("dear", 2), laptops("cheap", 1, Grade.B, 2_000)),
                    buyer("buyer", 3, 15_000))).give("dear", 2, "buyer").give("cheap", 1, "buyer");
            verifier.verifyThat(AllocationConstraints::priceCoversChain).given(plans.facts()).penalizesBy(3);
        }

        @Test
        void keepsDonationsForAssociationsEvenWhenTheyCostTheChainNothing() {
            SupplyBatch donated = new SupplyBatch("donated", null, Fixtures.GRENOBLE, Fixtures.AVAILABLE, "LAPTOP",
                    Fixtures.LAPTOP_SPECS, Grade.B, 2, 0, new ValueSharing(0, 0, 0, 0), 2.2, 180);
            Plans toBuyer = new Plans(problem(0, List.of(donated), buyer("buyer", 2, 15_000))).give("donated", 2, "buyer");
            verifier.verifyThat(AllocationConstraints::priceCoversChain).given(toBuyer.facts()).penalizesBy(2);
            Plans toAssociation = new Plans(problem(0, List.of(donated), association("asso", 2, 1)))
                    .give("donated", 2, "asso");
            verifier.verifyThat(AllocationConstraints::priceCoversChain).given(toAssociation.facts()).penalizesBy(0);
        }

        @Test
        void letsAssociationsBeSubsidised() {
            Plans plans = new Plans(problem(0, List.of(laptops("cheap", 1, Grade.B, 2_000)), association("asso", 1, 1)))
                    .give("cheap", 1, "asso");
            verifier.verifyThat(AllocationConstraints::priceCoversChain).given(plans.facts()).penalizesBy(0);
        }
    }

    @Nested
    class DemandNotOverServed {

        @Test
        void penalisesUnitsBeyondTheRequest() {
            Plans plans = new Plans(problem(0, List.of(laptops("a", 3), laptops("b", 2)), buyer("buyer", 4, 30_000)))
                    .give("a", 3, "buyer").give("b", 2, "buyer");
            verifier.verifyThat(AllocationConstraints::demandNotOverServed).given(plans.facts())
                    .justifiesWith(new OverServed("buyer", 4, 5))
                    .penalizesBy(1);
        }

        @Test
        void acceptsExactlyTheRequest() {
            Plans plans = new Plans(problem(0, List.of(laptops("a", 3), laptops("b", 2)), buyer("buyer", 5, 30_000)))
                    .give("a", 3, "buyer").give("b", 2, "buyer");
            verifier.verifyThat(AllocationConstraints::demandNotOverServed).given(plans.facts()).penalizesBy(0);
        }
    }

    @Nested
    class SolidarityFundViability {

        @Test
        void penalisesSubsidiesBeyondTheBalanceAndTheSalesShare() {
            // 4 donated units: 4 × 25.88 € = 103.52 € of subsidies; the fund holds 100 €: 3.52 € short.
            Plans plans = new Plans(problem(10_000, List.of(laptops("stock", 4)), association("asso", 4, 1)))
                    .give("stock", 4, "asso");
            verifier.verifyThat(AllocationConstraints::solidarityFundViability).given(plans.facts())
                    .justifiesWith(new FundOverdrawn(10_352, 0, 10_000))
                    .penalizesBy(352);
        }

        @Test
        void countsTheSolidarityShareOfThePlansSales() {
            // The same subsidies, but three sales at 200 € bring the fund 3 × 10 €: 130 € cover 103.52 €.
            Plans plans = new Plans(problem(10_000, List.of(laptops("stock", 4), laptops("sold", 3)),
                    association("asso", 4, 1), buyer("buyer", 3, 30_000)))
                    .give("stock", 4, "asso").give("sold", 3, "buyer");
            verifier.verifyThat(AllocationConstraints::solidarityFundViability).given(plans.facts()).penalizesBy(0);
        }
    }

    @Nested
    class SocialValue {

        @Test
        void rewardsPriorityTimesUnitsToAssociations() {
            // Priority 3 × 50 € × 4 units = 600 €; the buyer's units count nothing here.
            Plans plans = new Plans(problem(0, List.of(laptops("stock", 4), laptops("sold", 2)),
                    association("asso", 4, 3), buyer("buyer", 2, 30_000)))
                    .give("stock", 4, "asso").give("sold", 2, "buyer");
            verifier.verifyThat(AllocationConstraints::socialValue).given(plans.facts())
                    .justifiesWith(new Justifications.SocialValue("stock", "asso", 2, 3))
                    .rewardsWith(600 * 100 * MICROS_PER_CENT);
        }

        @Test
        void rewardsNothingForBuyers() {
            Plans plans = new Plans(problem(0, List.of(laptops("sold", 2)), buyer("buyer", 2, 30_000)))
                    .give("sold", 2, "buyer");
            verifier.verifyThat(AllocationConstraints::socialValue).given(plans.facts()).rewardsWith(0);
        }
    }

    @Nested
    class Fairness {

        @Test
        void penalisesEachAssociationsSquaredShortfallRatioTimesItsRequest() {
            // 50 € × requested × (shortfall / requested)²: "half" gets 1 of 4, 50 × 4 × (3/4)² = 112.50 €; "none"
            // gets nothing of 2, 50 × 2 × 1 = 100 €. The buyer, unserved, counts nothing here.
            Plans plans = new Plans(problem(0, List.of(laptops("stock", 1)), association("half", 4, 1),
                    association("none", 2, 1), buyer("buyer", 3, 30_000)))
                    .give("stock", 1, "half");
            verifier.verifyThat(AllocationConstraints::fairness).given(plans.facts())
                    .justifiesWith(new Shortfall("half", 4, 1), new Shortfall("none", 2, 0))
                    .penalizesBy((11_250 + 10_000) * MICROS_PER_CENT);
        }

        @Test
        void leavesFullyServedAssociationsAlone() {
            Plans plans = new Plans(problem(0, List.of(laptops("stock", 2)), association("asso", 2, 1)))
                    .give("stock", 2, "asso");
            verifier.verifyThat(AllocationConstraints::fairness).given(plans.facts()).penalizesBy(0);
        }
    }

    @Nested
    class ValueToTheChain {

        @Test
        void rewardsWhatRecipientsPay() {
            // 3 sales at 200 €, and an association paying 40 € for a unit: 640 €.
            Demand contributing = new Demand("asso", DemandKind.ASSOCIATION, "LAPTOP", 1, Specs.NONE, Grade.C,
                    Fixtures.DUE, Fixtures.GRENOBLE, 4_000, 100, 1);
            Plans plans = new Plans(problem(0, List.of(laptops("sold", 3), laptops("given", 1)),
                    buyer("buyer", 3, 30_000), contributing))
                    .give("sold", 3, "buyer").give("given", 1, "asso");
            verifier.verifyThat(AllocationConstraints::valueToTheChain).given(plans.facts())
                    .rewardsWith(64_000 * MICROS_PER_CENT);
        }

        @Test
        void rewardsNothingForDonations() {
            Plans plans = new Plans(problem(0, List.of(laptops("given", 2)), association("asso", 2, 1)))
                    .give("given", 2, "asso");
            verifier.verifyThat(AllocationConstraints::valueToTheChain).given(plans.facts()).rewardsWith(0);
        }
    }

    @Nested
    class TransportEmissions {

        @Test
        void penalisesTonneKilometresAtTheCarbonValue() {
            // A tenth of a degree of latitude north: 6,371.0088 km × π / 1,800 = 11.1195 km as the crow flies, × 1.3 on
            // the road. A 2.2 kg laptop: km × 0.0022 t × 0.5 kg CO2e/t·km, at 25 cents a kg, per unit, for 2 units.
            GeoPoint north = new GeoPoint(Fixtures.GRENOBLE.latitude() + 0.1, Fixtures.GRENOBLE.longitude());
            Plans plans = new Plans(problem(0, List.of(Fixtures.at(laptops("far", 2), north)), buyer("buyer", 2, 30_000)))
                    .give("far", 2, "buyer");
            double km = 6371.0088 * Math.PI / 1800 * 1.3;
            long perUnit = Math.round(km * 0.0022 * 0.5 * 25 * MICROS_PER_CENT);
            verifier.verifyThat(AllocationConstraints::transportEmissions).given(plans.facts())
                    .penalizesBy(2 * perUnit);
        }

        @Test
        void costsNothingOnSite() {
            Plans plans = new Plans(problem(0, List.of(laptops("here", 2)), buyer("buyer", 2, 30_000)))
                    .give("here", 2, "buyer");
            verifier.verifyThat(AllocationConstraints::transportEmissions).given(plans.facts()).penalizesBy(0);
        }
    }

    @Nested
    class LotKeptTogether {

        @Test
        void penalisesEachRecipientOfALotBeyondTheFirst() {
            // The lot's two batches go to two recipients: one more than one, 20 €. Stock outside any lot counts nothing.
            Plans plans = new Plans(problem(0, List.of(inLot(laptops("lot-A", 2), "lot"),
                    inLot(laptops("lot-B", 2, Grade.C, 15_000), "lot"), laptops("stock", 1)),
                    buyer("buyer", 3, 30_000), association("asso", 3, 1)))
                    .give("lot-A", 2, "buyer").give("lot-B", 2, "asso").give("stock", 1, "asso");
            verifier.verifyThat(AllocationConstraints::lotKeptTogether).given(plans.facts())
                    .justifiesWith(new LotSplit("lot", 2))
                    .penalizesBy(2_000 * MICROS_PER_CENT);
        }

        @Test
        void acceptsALotToOneRecipient() {
            Plans plans = new Plans(problem(0, List.of(inLot(laptops("lot-A", 2), "lot"),
                    inLot(laptops("lot-B", 2, Grade.C, 15_000), "lot")), association("asso", 4, 1)))
                    .give("lot-A", 2, "asso").give("lot-B", 2, "asso");
            verifier.verifyThat(AllocationConstraints::lotKeptTogether).given(plans.facts()).penalizesBy(0);
        }
    }
}
