package org.boucle.marketplace.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A scope's impact for a year: the total, each organization's (one when asked for one), per category, per month, and
 * the factors it was computed with.
 */
public record Impact(ImpactScope scope, int year, UUID organizationId, ImpactFigures total,
        List<ImpactFigures> organizations, List<CategoryFigures> categories, List<MonthFigures> months,
        List<Factor> factors) {

    /** A category's devices and what they weigh and avoided. */
    public record CategoryFigures(String category, long reused, long recycled, BigDecimal kgDiverted,
            BigDecimal kgCo2eAvoided) {
    }

    /** Devices that left the chain in a month (YYYY-MM). */
    public record MonthFigures(String month, long reused, long recycled) {
    }

    /**
     * What one device of a category weighs and what manufacturing a new one emits.
     *
     * @param kgCo2e absent when no factor is known for the category
     */
    public record Factor(String category, BigDecimal weightKg, BigDecimal kgCo2e, String source) {
    }
}
