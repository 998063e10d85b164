package org.boucle.marketplace.allocation;

import java.time.Duration;
import java.time.ZoneId;
import org.boucle.engine.allocation.AllocationWeights;
import org.boucle.engine.allocation.Grade;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param territory the territory whose supply and demand a run allocates: one run at a time per territory
 * @param zone where "today" is, for availability and latest dates
 * @param maxTimeLimit the longest run a coordinator may ask for
 * @param heartbeat how often the instance solving a run records that it still does, and its latest best plan
 * @param heartbeatTimeout a running run whose heartbeat is older than this has crashed, and is marked failed
 * @param sweepInterval how often each instance looks for such runs
 * @param allocatedHold how long units of an accepted plan stay held for their recipient
 * @param upcomingLotGrade the grade an upcoming lot's units are expected to reach once refurbished (they are graded
 *        only at the workshop): demands asking better do not get them
 * @param weights how the plan trades its soft goals, in euro cents (see {@link AllocationWeights})
 * @param kgCo2ePerTonneKm transport emissions of the territory's collection vehicles
 */
@ConfigurationProperties("boucle.allocation")
public record AllocationProperties(@DefaultValue("grenoble-alpes-metropole") String territory,
        @DefaultValue("Europe/Paris") ZoneId zone, @DefaultValue("10m") Duration maxTimeLimit,
        @DefaultValue("1s") Duration heartbeat, @DefaultValue("30s") Duration heartbeatTimeout,
        @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue("7d") Duration allocatedHold, @DefaultValue("B") Grade upcomingLotGrade,
        @DefaultValue Weights weights, @DefaultValue("0.5") double kgCo2ePerTonneKm) {

    /** Defaults: the engine's ({@link AllocationWeights#DEFAULT}). */
    public record Weights(@DefaultValue("5000") long socialValueCents, @DefaultValue("100") int revenuePercent,
            @DefaultValue("5000") long fairnessCents, @DefaultValue("25") long carbonCentsPerKgCo2e,
            @DefaultValue("2000") long lotSplitCents) {

        AllocationWeights toEngine() {
            return new AllocationWeights(socialValueCents, revenuePercent, fairnessCents, carbonCentsPerKgCo2e,
                    lotSplitCents);
        }
    }
}
