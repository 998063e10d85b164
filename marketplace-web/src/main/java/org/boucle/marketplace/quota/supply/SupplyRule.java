package org.boucle.marketplace.quota.supply;

import java.math.BigDecimal;
import java.util.List;

/**
 * The objective in force for a year, as the decree sets it.
 *
 * @param yearTo null while no later rule replaces it
 * @param minimumShare the share of the year's retired devices that must go to reuse, between 0 and 1
 * @param maxAgeYears devices older than this when retired are left out of the calculation
 * @param categories the inventory categories the decree covers
 */
public record SupplyRule(String ruleSet, String legalReference, int yearFrom, Integer yearTo, BigDecimal minimumShare,
        int maxAgeYears, List<String> categories) {

    boolean covers(int year) {
        return yearFrom <= year && (yearTo == null || year <= yearTo);
    }
}
