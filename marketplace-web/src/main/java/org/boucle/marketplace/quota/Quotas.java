package org.boucle.marketplace.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.quota.QuotaStatus.CategoryStatus;
import org.boucle.marketplace.quota.QuotaStatus.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where public buyers stand against their minimums, one by one or across the territory, and their planned budgets. */
@Service
public class Quotas {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 9999;

    private final QuotaRules rules;
    private final QuotaSpending spending;
    private final PublicBuyers buyers;
    private final JdbcClient jdbc;
    private final QuotaProperties properties;
    private final Clock clock;

    Quotas(QuotaRules rules, QuotaSpending spending, PublicBuyers buyers, JdbcClient jdbc, QuotaProperties properties,
            Clock clock) {
        this.rules = rules;
        this.spending = spending;
        this.buyers = buyers;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Today in the territory. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    public int currentYear() {
        return today().getYear();
    }

    /**
     * @param organizationId null for the actor's own organization
     * @param year null for the current year
     */
    public QuotaStatus status(Actor actor, UUID organizationId, Integer year) {
        PublicBuyers.Buyer buyer = buyers.resolve(actor, organizationId);
        int y = year(year);
        Optional<QuotaRuleSet> ruleSet = rules.forYear(y);
        if (ruleSet.isEmpty()) {
            return new QuotaStatus(buyer.id(), buyer.name(), y, null, List.of(), List.of());
        }
        QuotaRuleSet set = ruleSet.get();
        List<QuotaSpending.Spend> spend = spending.spend(y, set.id(), buyer.id());
        Map<String, BigDecimal> budget = budget(buyer.id(), y);
        List<CategoryStatus> categories = set.rulesFor(y).stream()
                .map(rule -> status(set, rule, spend, true, budget.get(rule.category()))).toList();
        return new QuotaStatus(buyer.id(), buyer.name(), y, set.summary(), categories,
                spending.uncountedDonations(y, set.id(), buyer.id()));
    }

    /** Every public buyer in a year, and the territory's totals (coordinators). */
    public TerritoryQuota territory(Actor actor, Integer year) {
        PublicBuyers.requireCoordinator(actor);
        int y = year(year);
        Optional<QuotaRuleSet> ruleSet = rules.forYear(y);
        if (ruleSet.isEmpty()) {
            return new TerritoryQuota(y, null, List.of(), List.of());
        }
        QuotaRuleSet set = ruleSet.get();
        Map<UUID, List<QuotaSpending.Spend>> byBuyer = spending.spend(y, set.id(), null).stream()
                .collect(Collectors.groupingBy(QuotaSpending.Spend::organizationId));
        List<QuotaRule> lines = set.rulesFor(y);
        List<TerritoryQuota.Buyer> rows = new ArrayList<>();
        for (PublicBuyers.Buyer buyer : buyers.all()) {
            List<QuotaSpending.Spend> spend = byBuyer.getOrDefault(buyer.id(), List.of());
            rows.add(new TerritoryQuota.Buyer(buyer.id(), buyer.name(),
                    lines.stream().map(rule -> status(set, rule, spend, false, null)).toList()));
        }
        List<TerritoryQuota.Total> totals = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            QuotaRule rule = lines.get(i);
            BigDecimal total = ZERO;
            BigDecimal qualifying = ZERO;
            BigDecimal missing = ZERO;
            int met = 0;
            int missed = 0;
            for (TerritoryQuota.Buyer row : rows) {
                CategoryStatus status = row.categories().get(i);
                total = total.add(status.totalSpend());
                qualifying = qualifying.add(status.qualifyingSpend());
                if (status.totalSpend().signum() == 0) {
                    continue;
                }
                if (status.met()) {
                    met++;
                } else {
                    missed++;
                    missing = status.missingSpend() == null ? missing : missing.add(status.missingSpend());
                }
            }
            totals.add(new TerritoryQuota.Total(rule.category(), name(set, rule.category()), rule.origins(),
                    rule.minimumShare(), total, qualifying, QuotaFigures.share(qualifying, total), met, missed, missing));
        }
        return new TerritoryQuota(y, set.summary(), rows, totals);
    }

    /**
     * Records what a buyer plans to spend in a category in a year (null or nothing: no plan), for its projection.
     *
     * @return the plan as stored
     */
    public BigDecimal plan(Actor actor, UUID organizationId, Integer year, String category, BigDecimal plannedSpend) {
        PublicBuyers.Buyer buyer = buyers.resolve(actor, organizationId);
        if (year == null) {
            throw new InvalidInputException("year", "Give the year of the budget");
        }
        int y = year(year);
        QuotaRuleSet set = rules.forYear(y).orElseThrow(() -> new InvalidInputException("year",
                "No quota rules apply to " + y));
        if (set.rulesFor(y).stream().noneMatch(rule -> rule.category().equals(category))) {
            throw new InvalidInputException("category", "Not a category with a minimum in " + y + " ("
                    + set.rulesFor(y).stream().map(QuotaRule::category).distinct().collect(Collectors.joining(", "))
                    + ")");
        }
        if (plannedSpend == null) {
            jdbc.sql("delete from quota_budget where organization_id = ? and year = ? and category = ?")
                    .params(buyer.id(), y, category).update();
            return null;
        }
        if (plannedSpend.signum() < 0 || plannedSpend.compareTo(MAX_AMOUNT) > 0
                || plannedSpend.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("plannedSpend", "An amount in euros of at least 0, with at most 2 decimals");
        }
        jdbc.sql("""
                insert into quota_budget (organization_id, year, category, planned_spend, updated_at, updated_by_name)
                values (?, ?, ?, ?, ?, ?)
                on conflict (organization_id, year, category)
                do update set planned_spend = excluded.planned_spend, updated_at = excluded.updated_at,
                              updated_by_name = excluded.updated_by_name""")
                .params(buyer.id(), y, category, plannedSpend, Timestamp.from(clock.instant()),
                        actor.displayName() == null ? actor.email() : actor.displayName())
                .update();
        return plannedSpend.setScale(2, RoundingMode.UNNECESSARY);
    }

    private Map<String, BigDecimal> budget(UUID organizationId, int year) {
        Map<String, BigDecimal> budget = new HashMap<>();
        jdbc.sql("select category, planned_spend from quota_budget where organization_id = ? and year = ?")
                .params(organizationId, year)
                .query(rs -> {
                    budget.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return budget;
    }

    private static CategoryStatus status(QuotaRuleSet set, QuotaRule rule, List<QuotaSpending.Spend> spend,
            boolean detailed, BigDecimal planned) {
        Map<Origin, BigDecimal> byOrigin = new EnumMap<>(Origin.class);
        BigDecimal[] monthTotal = new BigDecimal[13];
        BigDecimal[] monthQualifying = new BigDecimal[13];
        for (int m = 1; m <= 12; m++) {
            monthTotal[m] = ZERO;
            monthQualifying[m] = ZERO;
        }
        for (QuotaSpending.Spend s : spend) {
            if (!s.category().equals(rule.category())) {
                continue;
            }
            byOrigin.merge(s.origin(), s.amount(), BigDecimal::add);
            monthTotal[s.month()] = monthTotal[s.month()].add(s.amount());
            if (rule.counts(s.origin())) {
                monthQualifying[s.month()] = monthQualifying[s.month()].add(s.amount());
            }
        }
        BigDecimal total = ZERO;
        BigDecimal qualifying = ZERO;
        List<QuotaStatus.Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            total = total.add(monthTotal[m]);
            qualifying = qualifying.add(monthQualifying[m]);
            months.add(new QuotaStatus.Month(m, total, qualifying, QuotaFigures.share(qualifying, total)));
        }
        Map<String, BigDecimal> spendByOrigin = new LinkedHashMap<>();
        for (Origin origin : Origin.values()) {
            spendByOrigin.put(origin.code(), byOrigin.getOrDefault(origin, ZERO).setScale(2, RoundingMode.UNNECESSARY));
        }
        BigDecimal m = rule.minimumShare();
        return new CategoryStatus(rule.category(), name(set, rule.category()), rule.origins(), total, qualifying,
                QuotaFigures.share(qualifying, total), m, QuotaFigures.met(qualifying, total, m),
                QuotaFigures.missing(qualifying, total, m), spendByOrigin, detailed ? months : null,
                detailed ? planned : null, detailed && planned != null ? projection(total, qualifying, m, planned) : null);
    }

    /** The year's end if the total reaches the plan: see {@link Projection}. */
    static Projection projection(BigDecimal total, BigDecimal qualifying, BigDecimal minimum, BigDecimal planned) {
        BigDecimal yearEnd = planned.max(total);
        BigDecimal remaining = yearEnd.subtract(total);
        BigDecimal needed = minimum.multiply(yearEnd).subtract(qualifying).max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.CEILING);
        BigDecimal shareOfRemaining = remaining.signum() == 0 ? null
                : needed.divide(remaining, QuotaFigures.SHARE_SCALE, RoundingMode.HALF_UP);
        return new Projection(remaining, needed, shareOfRemaining, needed.compareTo(remaining) <= 0,
                QuotaFigures.share(qualifying.add(remaining), yearEnd));
    }

    private static String name(QuotaRuleSet set, String category) {
        return set.category(category).map(QuotaRuleSet.AnnexCategory::name).orElse(category);
    }

    private int year(Integer year) {
        if (year == null) {
            return currentYear();
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidInputException("year", "A year between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return year;
    }
}
