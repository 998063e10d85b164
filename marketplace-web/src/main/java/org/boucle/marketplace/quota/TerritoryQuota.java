package org.boucle.marketplace.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Every public buyer of the territory in a year, and the territory's totals per minimum.
 *
 * @param buyers by name; each with its categories as {@link QuotaStatus} gives them, without the months and budget
 */
public record TerritoryQuota(int year, @JsonInclude(JsonInclude.Include.ALWAYS) QuotaRuleSet.Summary ruleSet,
        List<Buyer> buyers, List<Total> totals) {

    public record Buyer(UUID organizationId, String name, List<QuotaStatus.CategoryStatus> categories) {
    }

    /**
     * One minimum across the territory.
     *
     * @param buyersMet buyers with spend in the category that meet the minimum
     * @param buyersMissed buyers with spend in the category that miss it
     * @param missingSpend the sum of the missing buyers' missing spend
     */
    public record Total(String category, String name, List<Origin> origins, BigDecimal minimumShare,
            BigDecimal totalSpend, BigDecimal qualifyingSpend, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal share,
            int buyersMet, int buyersMissed, BigDecimal missingSpend) {
    }
}
