package org.boucle.marketplace.quota;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rule set as a coordinator submits it. Codes are kept as text so that every bad value is reported with its
 * field, all at once.
 *
 * @param boucleCategories Boucle category to annex category code; may be empty
 */
public record NewQuotaRuleSet(String name, String legalReference, LocalDate inForceFrom, String note,
        List<Category> categories, List<Rule> rules, Map<String, String> boucleCategories) {

    public record Category(String code, String name) {
    }

    /** toYear null: from fromYear on. minimumShare: a fraction (0.25 for 25 %), at most 4 decimals. */
    public record Rule(String category, Integer fromYear, Integer toYear, BigDecimal minimumShare, List<String> origins) {
    }
}
