package org.boucle.engine.allocation;

/**
 * What the actors of the chain must recover for one unit, under the sharing rules in force for its listing: fixed fees
 * (per unit and per kg already turned into cents per unit) and percentages of what the recipient pays. The seller
 * takes what is left; when the fees exceed the price paid, the difference is a subsidy that only the solidarity fund
 * may pay. Mirrors the marketplace's rule sets, where any role may be paid either way, computed per unit (the ledger
 * splits the exact sale when it is reserved, so its cents may differ by rounding).
 *
 * @param fixedFeesCents the workshop's, collector's, donor's and platform's fixed fees together
 * @param feeBasisPoints their percentages of the price together, in hundredths of a percent (300: 3 %)
 * @param solidarityFixedCents the solidarity fund's fixed fee, if its rules give it one
 * @param solidarityBasisPoints the solidarity fund's share of the price, in hundredths of a percent
 */
public record ValueSharing(long fixedFeesCents, int feeBasisPoints, long solidarityFixedCents, int solidarityBasisPoints) {

    private static final int WHOLE = 10_000;

    public ValueSharing {
        if (fixedFeesCents < 0 || feeBasisPoints < 0 || solidarityFixedCents < 0 || solidarityBasisPoints < 0
                || feeBasisPoints + solidarityBasisPoints > WHOLE) {
            throw new IllegalArgumentException("fees must be at least 0 and the percentages at most 100 % together: "
                    + "fixed " + fixedFeesCents + " cents and " + feeBasisPoints + " basis points, solidarity fund "
                    + solidarityFixedCents + " cents and " + solidarityBasisPoints + " basis points");
        }
    }

    /** Every actor's fees, the fund's share included, when the recipient pays {@code paidCents} for the unit. */
    public long feesCents(long paidCents) {
        return fixedFeesCents + paidCents * feeBasisPoints / WHOLE + solidarityShareCents(paidCents);
    }

    /** What the solidarity fund receives from a unit paid {@code paidCents}. */
    public long solidarityShareCents(long paidCents) {
        return solidarityFixedCents + paidCents * solidarityBasisPoints / WHOLE;
    }

    /** What the fund must pay so that nobody works at a loss on a unit paid {@code paidCents}. */
    public long subsidyCents(long paidCents) {
        return Math.max(0, feesCents(paidCents) - paidCents);
    }
}
