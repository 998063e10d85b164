package org.boucle.marketplace.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Text;

/**
 * A legal text's rules, immutable once stored: the categories of its annex, the minimum shares per category and
 * range of years with the origins that count, and where Boucle's own product categories fall.
 *
 * @param inForceFrom the day it came into force; it applies to every year from that day's year on, until a later set
 * @param boucleCategories Boucle category (LAPTOP, TABLET...) to annex category code; absent ones count in none
 */
public record QuotaRuleSet(UUID id, String name, String legalReference, LocalDate inForceFrom,
        @JsonInclude(JsonInclude.Include.ALWAYS) String note, Instant createdAt, String createdBy,
        List<AnnexCategory> categories, List<QuotaRule> rules, Map<String, String> boucleCategories) {

    /** Rules by category, then by their first origin (réemploi before recycled content), then by year. */
    private static final Comparator<QuotaRule> ORDER = Comparator.comparing(QuotaRule::category)
            .thenComparing(rule -> rule.origins().isEmpty() ? Origin.NEW : rule.origins().get(0))
            .thenComparingInt(QuotaRule::fromYear);

    public QuotaRuleSet {
        categories = List.copyOf(categories);
        rules = rules.stream().sorted(ORDER).toList();
        boucleCategories = new TreeMap<>(boucleCategories);
    }

    /** A category of the annex: its code in Boucle and files, its name in the text. */
    public record AnnexCategory(String code, String name) {
    }

    /** The minimums that apply to a year, in the annex's order. */
    public List<QuotaRule> rulesFor(int year) {
        return rules.stream().filter(rule -> rule.appliesTo(year)).toList();
    }

    public Optional<AnnexCategory> category(String code) {
        return categories.stream().filter(category -> category.code().equals(code)).findFirst();
    }

    /** A category as a finance export may name it: its code in any case, or its name with any accents or case. */
    public Optional<AnnexCategory> categoryNamed(String typed) {
        String key = Text.key(typed);
        return categories.stream()
                .filter(category -> Text.key(category.code()).equals(key) || Text.key(category.name()).equals(key))
                .findFirst();
    }

    /** The Boucle categories that count in an annex category: what the catalogue offers toward it. */
    public List<String> boucleCategoriesOf(String code) {
        return boucleCategories.entrySet().stream().filter(entry -> entry.getValue().equals(code))
                .map(Map.Entry::getKey).toList();
    }

    /** The set without its lines, as a quota names the rules it was computed with. */
    public Summary summary() {
        return new Summary(id, name, legalReference, inForceFrom);
    }

    public record Summary(UUID id, String name, String legalReference, LocalDate inForceFrom) {
    }
}
