package org.boucle.marketplace.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The arithmetic of a minimum share, on figures computed by hand. */
class QuotaFiguresTest {

    private static final BigDecimal TWENTY_PERCENT = new BigDecimal("0.2000");

    @Test
    void theMissingSpendIsWhatBringsTheShareToTheMinimumRoundedUpToTheCent() {
        // t = 11,000, q = 2,000, m = 20 %: share 2,000 / 11,000 = 0.181818… → 0.1818. Missing x with
        // (2,000 + x) / (11,000 + x) = 0.2: x = (0.2 × 11,000 − 2,000) / 0.8 = 200 / 0.8 = 250.00 exactly.
        BigDecimal q = new BigDecimal("2000.00");
        BigDecimal t = new BigDecimal("11000.00");
        assertThat(QuotaFigures.share(q, t)).isEqualByComparingTo("0.1818");
        assertThat(QuotaFigures.met(q, t, TWENTY_PERCENT)).isFalse();
        assertThat(QuotaFigures.missing(q, t, TWENTY_PERCENT)).isEqualByComparingTo("250.00");
        // And buying it is exactly enough: 2,250 / 11,250 = 0.2.
        assertThat(QuotaFigures.met(q.add(new BigDecimal("250.00")), t.add(new BigDecimal("250.00")), TWENTY_PERCENT))
                .isTrue();

        // t = 6,500, q = 300, m = 8 %: x = (520 − 300) / 0.92 = 239.1304… → 239.14 (up, never down).
        assertThat(QuotaFigures.missing(new BigDecimal("300.00"), new BigDecimal("6500.00"), new BigDecimal("0.0800")))
                .isEqualByComparingTo("239.14");
        // 239.13 would not be enough: 539.13 / 6,739.13 = 0.079999…
        assertThat(QuotaFigures.met(new BigDecimal("539.13"), new BigDecimal("6739.13"), new BigDecimal("0.0800")))
                .isFalse();
    }

    @Test
    void aMetMinimumMissesNothingAndNothingBoughtOwesNothing() {
        // 300 / 1,000 = 30 % ≥ 20 %.
        assertThat(QuotaFigures.missing(new BigDecimal("300.00"), new BigDecimal("1000.00"), TWENTY_PERCENT))
                .isEqualByComparingTo("0.00");
        // Exactly at the minimum: 200 / 1,000 = 20 %.
        assertThat(QuotaFigures.met(new BigDecimal("200.00"), new BigDecimal("1000.00"), TWENTY_PERCENT)).isTrue();
        assertThat(QuotaFigures.share(BigDecimal.ZERO, BigDecimal.ZERO.setScale(2))).isNull();
        assertThat(QuotaFigures.met(BigDecimal.ZERO, BigDecimal.ZERO, TWENTY_PERCENT)).isTrue();
        assertThat(QuotaFigures.missing(BigDecimal.ZERO, BigDecimal.ZERO, TWENTY_PERCENT)).isEqualByComparingTo("0.00");
    }

    @Test
    void aHundredPercentMinimumIsUnreachableOnceOtherSpendExists() {
        assertThat(QuotaFigures.missing(new BigDecimal("50.00"), new BigDecimal("100.00"), BigDecimal.ONE)).isNull();
        assertThat(QuotaFigures.missing(new BigDecimal("100.00"), new BigDecimal("100.00"), BigDecimal.ONE))
                .isEqualByComparingTo("0.00");
    }

    @Test
    void theProjectionSaysHowMuchOfTheRemainingBudgetMustQualify() {
        // Spent 11,000 of which 2,000 qualifying; plan 30,000; m = 20 %. Year end total 30,000: 6,000 qualifying
        // needed, 4,000 more, out of the 19,000 left: 4,000 / 19,000 = 0.210526… → 0.2105.
        QuotaStatus.Projection p = Quotas.projection(new BigDecimal("11000.00"), new BigDecimal("2000.00"),
                TWENTY_PERCENT, new BigDecimal("30000.00"));
        assertThat(p.remainingBudget()).isEqualByComparingTo("19000.00");
        assertThat(p.qualifyingNeeded()).isEqualByComparingTo("4000.00");
        assertThat(p.shareOfRemainingNeeded()).isEqualByComparingTo("0.2105");
        assertThat(p.reachable()).isTrue();
        // All the rest qualifying: (2,000 + 19,000) / 30,000 = 0.7.
        assertThat(p.bestShare()).isEqualByComparingTo("0.7000");

        // Spent 10,000 with nothing qualifying and a plan of 11,000: 2,200 needed but only 1,000 left; at best
        // 1,000 / 11,000 = 0.0909.
        QuotaStatus.Projection short_ = Quotas.projection(new BigDecimal("10000.00"), BigDecimal.ZERO.setScale(2),
                TWENTY_PERCENT, new BigDecimal("11000.00"));
        assertThat(short_.qualifyingNeeded()).isEqualByComparingTo("2200.00");
        assertThat(short_.reachable()).isFalse();
        assertThat(short_.bestShare()).isEqualByComparingTo("0.0909");

        // A plan below what is already spent: the year ends at least where it is; nothing remains.
        QuotaStatus.Projection over = Quotas.projection(new BigDecimal("5000.00"), new BigDecimal("1500.00"),
                TWENTY_PERCENT, new BigDecimal("4000.00"));
        assertThat(over.remainingBudget()).isEqualByComparingTo("0.00");
        assertThat(over.qualifyingNeeded()).isEqualByComparingTo("0.00");
        assertThat(over.shareOfRemainingNeeded()).isNull();
        assertThat(over.reachable()).isTrue();
    }
}
