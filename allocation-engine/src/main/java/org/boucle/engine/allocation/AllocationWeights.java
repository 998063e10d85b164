package org.boucle.engine.allocation;

/**
 * How the plan trades its soft goals against each other, in euro cents, so that a coordinator can read the soft score
 * as what the plan is worth to the territory ({@link PlanScore}). Hard constraints always come first; within the soft
 * level the weights below are the only trade-off.
 *
 * @param socialValueCents what one unit given to an association of social priority 1 is worth (priority 3: three times
 *        as much). Default 50 €.
 * @param revenuePercent how much of each euro paid by buyers and associations counts: 100 means a euro of revenue
 *        (shared by the rules between the actors) is worth a euro. Default 100.
 * @param fairnessCents the penalty for an association's shortfall: requested units × (shortfall / requested)². An
 *        association that gets nothing of 10 units costs 10 × this; half served, a quarter of that. Being squared, its
 *        first units weigh about twice this each and its last ones almost nothing, so the least-served association
 *        goes first. Default 50 €.
 * @param carbonCentsPerKgCo2e the value of a kilogram of CO2e emitted by transport. Default 25 cents (250 € per
 *        tonne, the order of France's shadow price of carbon for 2030).
 * @param lotSplitCents the penalty for each recipient of a donor's lot beyond the first (one more pick-up and
 *        delivery to organise). Default 20 €.
 */
public record AllocationWeights(long socialValueCents, int revenuePercent, long fairnessCents, long carbonCentsPerKgCo2e,
        long lotSplitCents) {

    public static final AllocationWeights DEFAULT = new AllocationWeights(5_000, 100, 5_000, 25, 2_000);

    /** Beyond this, a weight would overflow the score on territories of hundreds of thousands of units. */
    private static final long MAX_CENTS = 10_000_000;
    private static final int MAX_PERCENT = 1_000;

    public AllocationWeights {
        for (long weight : new long[] {socialValueCents, fairnessCents, carbonCentsPerKgCo2e, lotSplitCents}) {
            if (weight < 0 || weight > MAX_CENTS) {
                throw new IllegalArgumentException("every weight in cents is within [0, " + MAX_CENTS + "]: " + this);
            }
        }
        if (revenuePercent < 0 || revenuePercent > MAX_PERCENT) {
            throw new IllegalArgumentException("the revenue weight is within [0, " + MAX_PERCENT + "] %: " + revenuePercent);
        }
    }
}
