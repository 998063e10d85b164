package org.boucle.marketplace.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a public buyer stands in a year: one entry per minimum of the rule set that applies to the year. Amounts are
 * euros excluding VAT with 2 decimals, as orders give them; shares are fractions (0.2 for 20 %).
 *
 * @param ruleSet null when no rule set applies to the year (then there are no categories)
 * @param uncountedDonations donations received that count for nothing yet, their category having no value in the
 *     donation grid on their date
 */
public record QuotaStatus(UUID organizationId, String organizationName, int year,
        @JsonInclude(JsonInclude.Include.ALWAYS) QuotaRuleSet.Summary ruleSet, List<CategoryStatus> categories,
        List<UncountedDonation> uncountedDonations) {

    /**
     * One minimum: the category's spend of the year, the part from the origins that count, and what is missing.
     *
     * @param totalSpend every purchase of the category, whatever its origin
     * @param qualifyingSpend the purchases from {@code origins}
     * @param share qualifyingSpend / totalSpend; null when nothing was bought
     * @param met whether qualifyingSpend ≥ minimumShare × totalSpend (true when nothing was bought)
     * @param missingSpend the qualifying spend still needed, given the spend so far: max(0, (m·t − q) / (1 − m)),
     *     rounded up to the cent; null only for a 100 % minimum that other spend makes unreachable
     * @param spendByOrigin the category's spend per origin code (new, reuse, reutilisation, recycled_content)
     * @param byMonth the year month by month, cumulative: where the buyer stood at the end of each month
     * @param plannedSpend what the buyer plans to spend in the category this year, if it said
     * @param projection the year's end under that plan; null without a plan
     */
    public record CategoryStatus(String category, String name, List<Origin> origins, BigDecimal totalSpend,
            BigDecimal qualifyingSpend, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal share,
            BigDecimal minimumShare, boolean met, @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal missingSpend,
            Map<String, BigDecimal> spendByOrigin, List<Month> byMonth, BigDecimal plannedSpend, Projection projection) {
    }

    /** The spend from 1 January to the end of a month. */
    public record Month(int month, BigDecimal totalSpend, BigDecimal qualifyingSpend,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal share) {
    }

    /**
     * The year's end if the buyer spends its planned budget: the total is the plan (or what was already spent, if
     * more), and the qualifying spend needed is the minimum share of it.
     *
     * @param remainingBudget what is left of the plan
     * @param qualifyingNeeded how much of the remaining budget must come from the origins that count: max(0, m·T − q)
     *     with T = max(plan, spent so far), rounded up to the cent
     * @param shareOfRemainingNeeded qualifyingNeeded / remainingBudget; null when nothing remains
     * @param reachable whether the remaining budget can hold qualifyingNeeded
     * @param bestShare the share at the year's end if all the remaining budget went to the origins that count
     */
    public record Projection(BigDecimal remainingBudget, BigDecimal qualifyingNeeded,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal shareOfRemainingNeeded, boolean reachable,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal bestShare) {
    }

    /** Units received as donations whose category has no value in the grid on the donation's date. */
    public record UncountedDonation(String boucleCategory, String category, long units) {
    }
}
