package org.boucle.marketplace.impact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.boucle.marketplace.impact.Impact.CategoryFigures;
import org.boucle.marketplace.impact.Impact.Factor;
import org.boucle.marketplace.impact.Impact.MonthFigures;
import org.boucle.marketplace.impact.ImpactFigures.PublicReuse;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationSummary;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.quota.supply.SupplyFigures;
import org.boucle.marketplace.quota.supply.SupplyQuota;
import org.boucle.marketplace.traceability.CustodyProperties;
import org.boucle.marketplace.traceability.CustodyStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The measured impact of the reuse chain, from the devices' custody: a device counts in the year its last step
 * happened, once that step is final. SOLD and DONATED give it a second life (reused); RECYCLED and DISMANTLED end it
 * as materials or parts (recycled). A device still at a workshop, listed or reserved is not counted yet: listing a
 * device does not yet reuse it, and counting it would claim an avoided manufacture that may not happen.
 *
 * <p>Each reused device is taken to replace the manufacture of a new one of its category (one for one): it avoids the
 * category's kg CO2e from {@code impact_factor} (ADEME) and keeps its standard weight ({@code category_standard}) out
 * of the waste stream. Coordinators see every scope; an organization sees its own impact in the scopes of its roles.
 */
@Service
public class Impacts {

    /** The final steps, by name: a device's outcome. */
    private static final List<String> REUSE = names(CustodyStep::reuses);
    private static final List<String> OUT_OF_CHAIN = names(step -> step.reuses() || step.recycles());

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final SupplyQuota quota;
    private final ZoneId zone;
    private final Clock clock;

    Impacts(JdbcClient jdbc, Organizations organizations, SupplyQuota quota, CustodyProperties custody, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.quota = quota;
        this.zone = custody.zone();
        this.clock = clock;
    }

    /** The scope asked for, or the actor's natural one: the territory for coordinators, else its first role's. */
    public ImpactScope scope(Actor actor, String scope) {
        if (scope != null && !scope.isBlank()) {
            return ImpactScope.of(scope).orElseThrow(() -> new InvalidInputException("scope",
                    "One of territory, donor, workshop, association"));
        }
        if (actor.isCoordinator()) {
            return ImpactScope.TERRITORY;
        }
        return scopes(actor).stream().findFirst().orElseThrow(() -> new AccessDeniedException(
                "Impact is measured for donors, workshops, associations and coordinators"));
    }

    /** The scopes the actor may look at. */
    public List<ImpactScope> scopes(Actor actor) {
        if (actor.isCoordinator()) {
            return List.of(ImpactScope.values());
        }
        return List.of(ImpactScope.values()).stream().filter(s -> s != ImpactScope.TERRITORY && actor.hasRole(s.role()))
                .toList();
    }

    /** The organizations of a scope a coordinator may pick, by name. */
    public List<OrganizationSummary> choices(Actor actor, ImpactScope scope) {
        if (!actor.isCoordinator() || scope == ImpactScope.TERRITORY) {
            return List.of();
        }
        return jdbc.sql("""
                select o.id, o.name from organization o
                 where exists (select 1 from organization_role r where r.organization_id = o.id and r.role = ?)
                 order by lower(o.name)""").param(scope.role().name())
                .query((rs, n) -> new OrganizationSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                        Set.of(scope.role())))
                .list();
    }

    public int currentYear() {
        return LocalDate.now(clock.withZone(zone)).getYear();
    }

    /**
     * A scope's impact for a year (the current one when not given). Without an organization, a coordinator gets every
     * organization of the scope that has an impact, and anyone else their own organization's.
     */
    public Impact impact(Actor actor, ImpactScope scope, UUID organizationId, Integer year) {
        int measured = year(year);
        UUID organization = organization(actor, scope, organizationId);
        Map<String, Factor> factors = factors();
        Tally total = new Tally();
        Map<UUID, Tally> byOrganization = new LinkedHashMap<>();
        Map<String, Tally> byCategory = new TreeMap<>();
        Map<Integer, long[]> byMonth = new HashMap<>();
        for (Row row : rows(scope, organization, measured)) {
            Factor factor = factors.get(row.category());
            total.add(row, factor);
            if (row.key() != null) {
                byOrganization.computeIfAbsent(row.key(), k -> new Tally()).add(row, factor);
            }
            byCategory.computeIfAbsent(row.category(), k -> new Tally()).add(row, factor);
            byMonth.computeIfAbsent(row.month(), k -> new long[2])[row.step().reuses() ? 0 : 1] += row.devices();
        }
        if (organization != null) {
            byOrganization.putIfAbsent(organization, new Tally());
        }
        Map<UUID, String> names = names(byOrganization.keySet());
        Map<UUID, PublicReuse> publicReuse = publicReuse(actor, scope, byOrganization.keySet(), measured);
        List<ImpactFigures> rows = byOrganization.entrySet().stream()
                .map(e -> e.getValue().figures(e.getKey(), names.get(e.getKey()), publicReuse.get(e.getKey())))
                .sorted(Comparator.comparing(ImpactFigures::organizationName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        ImpactFigures totalFigures = organization != null ? rows.get(0)
                : total.figures(null, null, scope == ImpactScope.TERRITORY ? territoryReuse(actor, measured) : null);
        List<CategoryFigures> categories = byCategory.entrySet().stream()
                .map(e -> new CategoryFigures(e.getKey(), e.getValue().reused(), e.getValue().recycled(),
                        e.getValue().kgDiverted, e.getValue().kgCo2e))
                .toList();
        List<MonthFigures> months = new ArrayList<>(12);
        for (int month = 1; month <= 12; month++) {
            long[] counts = byMonth.getOrDefault(month, new long[2]);
            months.add(new MonthFigures(String.format("%d-%02d", measured, month), counts[0], counts[1]));
        }
        return new Impact(scope, measured, organization, totalFigures, rows, categories, months,
                List.copyOf(factors.values()));
    }

    /** Devices that left the chain in the year, counted by organization of the scope, category, final step and month. */
    private record Row(UUID key, String category, CustodyStep step, int month, long devices) {
    }

    private List<Row> rows(ImpactScope scope, UUID organization, int year) {
        // The final step is a device's last: nothing is recorded after it, so each device has at most one.
        String key;
        String join = "";
        String condition;
        switch (scope) {
            case TERRITORY -> {
                key = "null::uuid";
                condition = "true";
            }
            case DONOR -> {
                key = "a.organization_id";
                condition = organization == null ? "true" : "a.organization_id = :org";
            }
            case WORKSHOP -> {
                key = "r.organization_id";
                join = "join custody_event r on r.device_id = f.device_id and r.step = 'RECEIVED'";
                condition = organization == null ? "true" : "r.organization_id = :org";
            }
            case ASSOCIATION -> {
                key = "f.holder_id";
                condition = "f.step in (:reuse) and exists (select 1 from organization_role ar"
                        + " where ar.organization_id = f.holder_id and ar.role = 'ASSOCIATION')"
                        + (organization == null ? "" : " and f.holder_id = :org");
            }
            default -> throw new IllegalStateException(scope.name());
        }
        var sql = jdbc.sql("""
                select %s as key, a.category, f.step,
                       extract(month from f.occurred_at at time zone :zone)::int as month, count(*) as devices
                  from custody_event f
                  join asset a on a.id = f.device_id
                  %s
                 where f.step in (:final)
                   and f.occurred_at >= :from and f.occurred_at < :until and %s
                 group by 1, 2, 3, 4""".formatted(key, join, condition))
                .param("zone", zone.getId()).param("final", OUT_OF_CHAIN)
                .param("from", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant()))
                .param("until", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant()));
        if (organization != null) {
            sql = sql.param("org", organization);
        }
        if (scope == ImpactScope.ASSOCIATION) {
            sql = sql.param("reuse", REUSE);
        }
        return sql.query((rs, n) -> new Row(rs.getObject("key", UUID.class), rs.getString("category"),
                CustodyStep.valueOf(rs.getString("step")), rs.getInt("month"), rs.getLong("devices"))).list();
    }

    /** Each category's standard weight and impact factor, as the tables hold them now. */
    private Map<String, Factor> factors() {
        Map<String, Factor> factors = new LinkedHashMap<>();
        jdbc.sql("""
                select s.category, s.weight_kg, f.kg_co2e, f.source from category_standard s
                  left join impact_factor f on f.category = s.category order by s.category""")
                .query((rs, n) -> new Factor(rs.getString("category"), rs.getBigDecimal("weight_kg"),
                        rs.getBigDecimal("kg_co2e"), rs.getString("source")))
                .list().forEach(f -> factors.put(f.category(), f));
        return factors;
    }

    /** The organization asked for, once the actor may see it and it holds the scope's role; null for all of them. */
    private UUID organization(Actor actor, ImpactScope scope, UUID organizationId) {
        if (scope == ImpactScope.TERRITORY) {
            if (!actor.isCoordinator()) {
                throw new AccessDeniedException("The territory's impact is for coordinators");
            }
            if (organizationId != null) {
                throw new InvalidInputException("organizationId", "The territory's impact is not an organization's");
            }
            return null;
        }
        if (organizationId == null && actor.isCoordinator()) {
            return null;
        }
        UUID organization = organizationId == null ? actor.organizationId() : organizationId;
        organizations.requireAccessible(organization, actor);
        if (!organizations.summary(organization).roles().contains(scope.role())) {
            throw new InvalidInputException("organizationId", "This organization is not a "
                    + scope.code() + ": its impact is measured in the scopes of its roles");
        }
        return organization;
    }

    private int year(Integer year) {
        int current = currentYear();
        if (year == null) {
            return current;
        }
        if (year > current) {
            throw new InvalidInputException("year", year + " has not begun yet");
        }
        if (year < 2000) {
            throw new InvalidInputException("year", "Before Boucle");
        }
        return year;
    }

    private Map<UUID, String> names(Set<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, name from organization where id in (:ids)").param("ids", ids)
                    .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list()
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
        }
        return names;
    }

    /** Décret n° 2023-266's figures of the public donors among the organizations, where an objective applies. */
    private Map<UUID, PublicReuse> publicReuse(Actor actor, ImpactScope scope, Set<UUID> ids, int year) {
        Map<UUID, PublicReuse> figures = new HashMap<>();
        if (scope != ImpactScope.DONOR || !decreeApplies(year)) {
            return figures;
        }
        for (UUID id : ids) {
            if (SupplyQuota.concerns(organizations.summary(id).roles())) {
                figures.put(id, publicReuse(quota.figures(actor, id, year)));
            }
        }
        return figures;
    }

    /** The territory's public bodies together. */
    private PublicReuse territoryReuse(Actor actor, int year) {
        return decreeApplies(year) ? publicReuse(quota.territory(actor, year).total()) : null;
    }

    private boolean decreeApplies(int year) {
        return quota.rules().stream()
                .anyMatch(rule -> rule.yearFrom() <= year && (rule.yearTo() == null || year <= rule.yearTo()));
    }

    private static PublicReuse publicReuse(SupplyFigures figures) {
        return new PublicReuse(figures.retired(), figures.retiredToReuse(), figures.share(), figures.minimumShare(),
                figures.met());
    }

    private static List<String> names(Predicate<CustodyStep> steps) {
        return Arrays.stream(CustodyStep.values()).filter(steps).map(CustodyStep::name).toList();
    }

    /** Devices and what they weigh and avoided, as rows are added. */
    private static final class Tally {
        private long sold;
        private long donated;
        private long recycledWeee;
        private long dismantled;
        private long reusedWithoutFactor;
        private BigDecimal kgDiverted = BigDecimal.ZERO;
        private BigDecimal kgRecycled = BigDecimal.ZERO;
        private BigDecimal kgCo2e = BigDecimal.ZERO;

        void add(Row row, Factor factor) {
            long devices = row.devices();
            BigDecimal count = BigDecimal.valueOf(devices);
            BigDecimal weight = factor == null ? BigDecimal.ZERO : factor.weightKg().multiply(count);
            switch (row.step()) {
                case SOLD -> sold += devices;
                case DONATED -> donated += devices;
                case RECYCLED -> recycledWeee += devices;
                default -> dismantled += devices;
            }
            if (row.step().reuses()) {
                kgDiverted = kgDiverted.add(weight);
                if (factor == null || factor.kgCo2e() == null) {
                    reusedWithoutFactor += devices;
                } else {
                    kgCo2e = kgCo2e.add(factor.kgCo2e().multiply(count));
                }
            } else {
                kgRecycled = kgRecycled.add(weight);
            }
        }

        long reused() {
            return sold + donated;
        }

        long recycled() {
            return recycledWeee + dismantled;
        }

        ImpactFigures figures(UUID organizationId, String name, PublicReuse publicReuse) {
            long out = reused() + recycled();
            BigDecimal share = out == 0 ? null
                    : BigDecimal.valueOf(reused()).divide(BigDecimal.valueOf(out), 4, RoundingMode.DOWN);
            return new ImpactFigures(organizationId, name, reused(), sold, donated, recycled(), recycledWeee, dismantled,
                    share, kgDiverted, kgRecycled, kgCo2e, reusedWithoutFactor, publicReuse);
        }
    }
}
