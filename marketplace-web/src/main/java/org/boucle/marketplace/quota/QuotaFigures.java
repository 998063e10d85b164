package org.boucle.marketplace.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of a minimum share. With total spend t, qualifying spend q and minimum m (a fraction), the minimum is
 * met when q ≥ m·t; the qualifying spend still missing is the x for which (q + x) / (t + x) = m, x = (m·t − q) / (1 − m),
 * rounded up to the cent so that buying it is always enough. Nothing bought means nothing owed: with t = 0 the share
 * is undefined (null), the minimum is met and nothing is missing. A minimum of 100 % cannot be reached by adding
 * qualifying spend once some other spend exists: nothing is missing then, it is unreachable (null).
 */
final class QuotaFigures {

    /** Shares are fractions with 4 decimals: 0.1818 is 18.18 %. */
    static final int SHARE_SCALE = 4;

    private QuotaFigures() {
    }

    static BigDecimal share(BigDecimal qualifying, BigDecimal total) {
        return total.signum() == 0 ? null : qualifying.divide(total, SHARE_SCALE, RoundingMode.HALF_UP);
    }

    static boolean met(BigDecimal qualifying, BigDecimal total, BigDecimal minimum) {
        return qualifying.compareTo(minimum.multiply(total)) >= 0;
    }

    static BigDecimal missing(BigDecimal qualifying, BigDecimal total, BigDecimal minimum) {
        if (met(qualifying, total, minimum)) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal rest = BigDecimal.ONE.subtract(minimum);
        if (rest.signum() == 0) {
            return null;
        }
        return minimum.multiply(total).subtract(qualifying).divide(rest, 2, RoundingMode.CEILING);
    }
}
