package org.boucle.marketplace.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boucle.engine.allocation.ConstraintScore;
import org.boucle.engine.allocation.DemandExplanation;
import org.boucle.engine.allocation.PlanMetrics;

/**
 * An allocation run as the API and the page show it.
 *
 * @param score the plan's score, "hard/soft" (hard 0: feasible; soft: what the plan is worth, in millionths of a euro)
 * @param brokenRules how many units or cents break hard constraints (0: feasible)
 * @param planValue what the plan is worth under the weights, in euros: the soft score
 * @param progress each new best plan the run found, as it went
 */
public record RunView(UUID id, String status, int timeLimitSeconds, String startedBy, Instant startedAt,
        Instant finishedAt, String score, Boolean feasible, Long brokenRules, BigDecimal planValue, Metrics metrics, List<Assignment> assignments,
        List<ConstraintScore> constraints, List<DemandExplanation> explanations, List<ProgressPoint> progress,
        BigDecimal solidarityFundBalance, String failure, Instant acceptedAt, String acceptedBy) {

    public boolean running() {
        return "RUNNING".equals(status);
    }

    /** Units of a listing that go to a need: what it costs the recipient and the fund, and how far it travels. */
    public record Assignment(UUID supplyId, UUID demandId, int quantity, BigDecimal unitPrice, BigDecimal unitSubsidy,
            double km, UUID reservationId, String conflict) {
    }

    /** The plan's figures; money in euros excluding VAT, as in the order API. */
    public record Metrics(int unitsToAssociations, int unitsSold, BigDecimal revenue, BigDecimal subsidies,
            BigDecimal solidarityFundUsed, double transportKm, double co2eAvoidedKg) {

        static Metrics of(PlanMetrics metrics) {
            return metrics == null ? null : new Metrics(metrics.unitsToAssociations(), metrics.unitsSold(),
                    euros(metrics.revenueCents()), euros(metrics.subsidiesCents()),
                    euros(metrics.solidarityFundUsedCents()), Math.round(metrics.transportKm() * 10) / 10.0,
                    Math.round(metrics.co2eAvoidedKg() * 10) / 10.0);
        }
    }

    /** A new best plan, {@code elapsedMs} after the start. */
    public record ProgressPoint(long elapsedMs, long hard, long soft) {
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
