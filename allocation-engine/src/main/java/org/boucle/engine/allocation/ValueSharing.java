package org.boucle.engine.allocation;

/**
 * What each actor of the chain must recover for one unit, under the sharing rules in force for its listing: the
 * fixed fees (per unit and per kg already turned into cents per unit) and the percentages of what the recipient pays.
 * The seller takes what is left; when the fees exceed the price paid, the difference is a subsidy that only the
 * solidarity fund may pay. Mirrors the marketplace's rule sets, computed per unit (the ledger splits the exact sale
 * when it is reserved, so its cents may differ by rounding).
 *
 * @param platformBasisPoints the platform's share of the price, in hundredths of a percent (300: 3 %)
 * @param solidarityBasisPoints the solidarity fund's share of the price, in hundredths of a percent
 */
public record ValueSharing(long workshopCents, long collectorCents, long donorCents, int platformBasisPoints,
        int solidarityBasisPoints) {

    private static final int WHOLE = 10_000;

    public ValueSharing {
        if (workshopCents < 0 || collectorCents < 0 || donorCents < 0 || platformBasisPoints < 0
                || solidarityBasisPoints < 0 || platformBasisPoints + solidarityBasisPoints > WHOLE) {
            throw new IllegalArgumentException("fees must be at least 0 and the percentages at most 100 % together: "
                    + "workshop " + workshopCents + ", collector " + collectorCents + ", donor " + donorCents
                    + " cents, platform " + platformBasisPoints + " and solidarity " + solidarityBasisPoints
                    + " basis points");
        }
    }

    /** Every actor's fees, the fund's share included, when the recipient pays {@code paidCents} for the unit. */
    public long feesCents(long paidCents) {
        return workshopCents + collectorCents + donorCents + paidCents * platformBasisPoints / WHOLE
                + solidarityShareCents(paidCents);
    }

    /** What the solidarity fund receives from a unit paid {@code paidCents}. */
    public long solidarityShareCents(long paidCents) {
        return paidCents * solidarityBasisPoints / WHOLE;
    }

    /** What the fund must pay so that nobody works at a loss on a unit paid {@code paidCents}. */
    public long subsidyCents(long paidCents) {
        return Math.max(0, feesCents(paidCents) - paidCents);
    }
}
