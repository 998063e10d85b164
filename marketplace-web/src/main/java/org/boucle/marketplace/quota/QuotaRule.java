package org.boucle.marketplace.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A minimum share of a category's annual spend excluding VAT, for the years fromYear to toYear.
 *
 * @param toYear null: every year from fromYear on, until the rule set is replaced
 * @param minimumShare a fraction, 0.25 for 25 %
 * @param origins the origins whose spend counts toward the minimum, never {@link Origin#NEW}
 */
public record QuotaRule(String category, int fromYear, @JsonInclude(JsonInclude.Include.ALWAYS) Integer toYear,
        BigDecimal minimumShare, List<Origin> origins) {

    public QuotaRule {
        origins = origins.stream().sorted().distinct().toList();
    }

    public boolean appliesTo(int year) {
        return year >= fromYear && (toYear == null || year <= toYear);
    }

    public boolean counts(Origin origin) {
        return origins.contains(origin);
    }
}
