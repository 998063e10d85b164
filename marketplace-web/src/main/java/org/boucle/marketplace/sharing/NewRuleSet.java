package org.boucle.marketplace.sharing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A new version of the rules, as a coordinator asks for it. Codes are kept as text so that every bad value is
 * reported with its field, all at once.
 *
 * @param category null for every category of the kind
 * @param effectiveFrom now or later; null for now
 */
public record NewRuleSet(String listingKind, String category, Instant effectiveFrom, String note, List<Line> rules) {

    /** One line: role, basis (PER_UNIT, PER_KG, PERCENT) and value (euros, euros per kg, or percent). */
    public record Line(String role, String basis, BigDecimal value) {
    }
}
