package org.boucle.engine.allocation;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countDistinct;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import org.boucle.engine.allocation.Justifications.FundOverdrawn;
import org.boucle.engine.allocation.Justifications.IncompatibleUnits;
import org.boucle.engine.allocation.Justifications.LateUnits;
import org.boucle.engine.allocation.Justifications.LotSplit;
import org.boucle.engine.allocation.Justifications.OverServed;
import org.boucle.engine.allocation.Justifications.Revenue;
import org.boucle.engine.allocation.Justifications.Shortfall;
import org.boucle.engine.allocation.Justifications.SocialValue;
import org.boucle.engine.allocation.Justifications.Transport;
import org.boucle.engine.allocation.Justifications.UnaffordableUnits;

/**
 * The plan's constraints (see {@link AllocationConstraint}). Match weights are already in the score's units (units
 * or cents for hard, millionths of a euro for soft), the weights being applied once per supply and recipient pair in {@link Offer}.
 * Every aggregate is an incremental group (per recipient, per lot, or one for the fund), so a move costs a few
 * updates whatever the plan's size. Public only because the solver instantiates it.
 */
public final class AllocationConstraints implements ConstraintProvider {

    public AllocationConstraints() {
        // Stateless: the solver creates its own.
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                compatibleEquipment(factory),
                availableInTime(factory),
                priceCoversChain(factory),
                demandNotOverServed(factory),
                solidarityFundViability(factory),
                socialValue(factory),
                fairness(factory),
                valueToTheChain(factory),
                transportEmissions(factory),
                lotKeptTogether(factory)
        };
    }

    // forEach(SupplyUnit) only sees assigned units.

    Constraint compatibleEquipment(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .filter(unit -> !unit.recipient().equipmentFits(unit.batch().supply()))
                .penalizeLong(HardSoftLongScore.ONE_HARD, SupplyUnit::size)
                .justifyWith((unit, score) -> new IncompatibleUnits(unit.batch().supply().id(), unit.recipient().id(),
                        unit.size()))
                .asConstraint(AllocationConstraint.COMPATIBLE_EQUIPMENT.id());
    }

    Constraint availableInTime(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .filter(unit -> !unit.recipient().availableInTime(unit.batch().supply()))
                .penalizeLong(HardSoftLongScore.ONE_HARD, SupplyUnit::size)
                .justifyWith((unit, score) -> new LateUnits(unit.batch().supply().id(), unit.recipient().id(),
                        unit.size(), unit.batch().supply().availableOn(), unit.recipient().demand().latestDate()))
                .asConstraint(AllocationConstraint.AVAILABLE_IN_TIME.id());
    }

    Constraint priceCoversChain(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .filter(unit -> !unit.recipient().priceFits(unit.batch().supply()))
                .penalizeLong(HardSoftLongScore.ONE_HARD, SupplyUnit::size)
                .justifyWith((unit, score) -> {
                    SupplyBatch supply = unit.batch().supply();
                    return new UnaffordableUnits(supply.id(), unit.recipient().id(), unit.size(),
                            supply.marketPriceCents(), unit.recipient().demand().maxUnitPriceCents(),
                            supply.sharing().feesCents(supply.marketPriceCents()));
                })
                .asConstraint(AllocationConstraint.PRICE_COVERS_CHAIN.id());
    }

    Constraint demandNotOverServed(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .groupBy(SupplyUnit::recipient, sum(SupplyUnit::size))
                .filter((recipient, allocated) -> allocated > recipient.quantity())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (recipient, allocated) -> allocated - recipient.quantity())
                .justifyWith((recipient, allocated, score) -> new OverServed(recipient.id(), recipient.quantity(),
                        allocated))
                .asConstraint(AllocationConstraint.DEMAND_NOT_OVER_SERVED.id());
    }

    /** One group for the whole plan: its subsidies and the solidarity share of its sales. */
    Constraint solidarityFundViability(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .groupBy(sumLong(unit -> unit.size() * unit.offer().subsidyCents()),
                        sumLong(unit -> unit.size() * unit.offer().solidarityShareCents()))
                .join(SolidarityFund.class)
                .filter((subsidies, income, fund) -> subsidies > fund.balanceCents() + income)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (subsidies, income, fund) -> subsidies - income - fund.balanceCents())
                .justifyWith((subsidies, income, fund, score) -> new FundOverdrawn(subsidies, income,
                        fund.balanceCents()))
                .asConstraint(AllocationConstraint.SOLIDARITY_FUND_VIABILITY.id());
    }

    Constraint socialValue(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .filter(unit -> unit.recipient().isAssociation())
                .rewardLong(HardSoftLongScore.ONE_SOFT, unit -> unit.size() * unit.offer().socialValueMicros())
                .justifyWith((unit, score) -> new SocialValue(unit.batch().supply().id(), unit.recipient().id(),
                        unit.size(), unit.recipient().demand().socialPriority()))
                .asConstraint(AllocationConstraint.SOCIAL_VALUE.id());
    }

    /** Associations that receive nothing count too: complement adds them with 0 units. */
    Constraint fairness(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .filter(unit -> unit.recipient().isAssociation())
                .groupBy(SupplyUnit::recipient, sum(SupplyUnit::size))
                .complement(Recipient.class, recipient -> 0)
                .filter((recipient, allocated) -> recipient.isAssociation() && allocated < recipient.quantity())
                .penalizeLong(HardSoftLongScore.ONE_SOFT, Recipient::fairnessPenaltyMicros)
                .justifyWith((recipient, allocated, score) -> new Shortfall(recipient.id(), recipient.quantity(),
                        allocated))
                .asConstraint(AllocationConstraint.FAIRNESS.id());
    }

    Constraint valueToTheChain(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .filter(unit -> unit.offer().chainValueMicros() > 0)
                .rewardLong(HardSoftLongScore.ONE_SOFT, unit -> unit.size() * unit.offer().chainValueMicros())
                .justifyWith((unit, score) -> new Revenue(unit.batch().supply().id(), unit.recipient().id(),
                        unit.size(), unit.offer().paidCents()))
                .asConstraint(AllocationConstraint.VALUE_TO_THE_CHAIN.id());
    }

    Constraint transportEmissions(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .filter(unit -> unit.offer().transportCostMicros() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, unit -> unit.size() * unit.offer().transportCostMicros())
                .justifyWith((unit, score) -> new Transport(unit.batch().supply().id(), unit.recipient().id(),
                        unit.size(), unit.offer().km(), unit.size() * unit.offer().transportKgCo2e()))
                .asConstraint(AllocationConstraint.TRANSPORT_EMISSIONS.id());
    }

    Constraint lotKeptTogether(ConstraintFactory factory) {
        return factory.forEach(SupplyUnit.class)
                .filter(unit -> unit.batch().lot() != null)
                .groupBy(unit -> unit.batch().lot(), countDistinct(SupplyUnit::recipient))
                .filter((lot, recipients) -> recipients > 1)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, (lot, recipients) -> (recipients - 1) * lot.splitPenaltyMicros())
                .justifyWith((lot, recipients, score) -> new LotSplit(lot.id(), recipients))
                .asConstraint(AllocationConstraint.LOT_KEPT_TOGETHER.id());
    }
}
