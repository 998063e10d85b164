package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import java.time.LocalDate;

/** Why each constraint matched, as records the score analysis carries and the explanation reads. */
final class Justifications {

    private Justifications() {
    }

    /** A justification about one demand: the explanation sums them per demand. */
    interface AboutDemand extends ConstraintJustification {
        String demandId();
    }

    record IncompatibleUnits(String supplyId, String demandId, int units) implements AboutDemand {
    }

    record LateUnits(String supplyId, String demandId, int units, LocalDate availableOn, LocalDate latestDate)
            implements AboutDemand {
    }

    record UnaffordableUnits(String supplyId, String demandId, int units, long priceCents, long maxUnitPriceCents,
            long feesCents) implements AboutDemand {
    }

    record OverServed(String demandId, int requested, int allocated) implements AboutDemand {
    }

    /** The plan's subsidies against what finances them. */
    record FundOverdrawn(long subsidiesCents, long solidarityIncomeCents, long balanceCents)
            implements ConstraintJustification {
    }

    record SocialValue(String supplyId, String demandId, int units, int socialPriority) implements AboutDemand {
    }

    record Shortfall(String demandId, int requested, int allocated) implements AboutDemand {
    }

    record Revenue(String supplyId, String demandId, int units, long unitPaidCents) implements AboutDemand {
    }

    record Transport(String supplyId, String demandId, int units, double km, double kgCo2e) implements AboutDemand {
    }

    record LotSplit(String lotId, int recipients) implements ConstraintJustification {
    }
}
