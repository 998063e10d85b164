package org.boucle.marketplace.inventory;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What the territory will retire, where and when. Donors see their own inventory; coordinators the whole territory;
 * other actors the territory's volumes by month, category and commune, never a donor's or a site's.
 */
@Service
public class Forecasts {

    public enum Grouping { MONTH, CATEGORY, SITE, DONOR, COMMUNE }

    private static final Set<Grouping> PLACES = EnumSet.of(Grouping.SITE, Grouping.DONOR, Grouping.COMMUNE);
    /** Devices still in the park: not gone from their export, not deleted in their source. */
    private static final String IN_PARK = "a.missing_since is null and not a.deleted_in_source";

    private final NamedParameterJdbcTemplate jdbc;
    private final Organizations organizations;
    private final Clock clock;

    Forecasts(NamedParameterJdbcTemplate jdbc, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Parses {@code month,category[,site|donor|commune]}. */
    public static Set<Grouping> grouping(String groupBy) {
        Set<Grouping> grouping = new LinkedHashSet<>();
        for (String part : (groupBy == null || groupBy.isBlank() ? "month,category" : groupBy).split(",")) {
            try {
                grouping.add(Grouping.valueOf(part.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("groupBy", "Unknown grouping '" + part.strip()
                        + "'; use month, category and at most one of site, donor, commune");
            }
        }
        if (grouping.stream().filter(PLACES::contains).count() > 1) {
            throw new InvalidInputException("groupBy", "Group by at most one of site, donor, commune");
        }
        return grouping;
    }

    public YearMonth thisMonth() {
        return YearMonth.from(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    public List<ForecastRow> forecast(Actor actor, UUID organizationId, YearMonth from, YearMonth to, Set<Grouping> grouping) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "to must not be before from");
        }
        Scope scope = scope(actor, organizationId);
        if (!scope.detailed() && (grouping.contains(Grouping.SITE) || grouping.contains(Grouping.DONOR))) {
            throw new AccessDeniedException("Per donor and per site forecasts are for the donor itself and coordinators");
        }
        List<String> select = new ArrayList<>();
        List<String> group = new ArrayList<>();
        if (grouping.contains(Grouping.MONTH)) {
            select.add("to_char(a.forecast_date, 'YYYY-MM') as month");
            group.add("1");
        } else {
            select.add("null as month");
        }
        select.add(grouping.contains(Grouping.CATEGORY) ? "a.category" : "null as category");
        select.add(grouping.contains(Grouping.SITE) ? "s.name as site, s.id as site_id" : "null as site, null as site_id");
        select.add(grouping.contains(Grouping.DONOR) ? "o.name as donor, o.id as donor_id" : "null as donor, null as donor_id");
        select.add(grouping.contains(Grouping.COMMUNE) ? "c.name as commune, c.insee_code" : "null as commune, null as insee_code");
        for (int i = 2; i <= 8; i++) {
            group.add(Integer.toString(i));
        }
        String sql = "select " + String.join(", ", select) + ", count(*) as quantity " + FROM
                + " where " + IN_PARK + " and a.forecast_date >= :from and a.forecast_date < :until" + scope.condition()
                + " group by " + String.join(", ", group) + " order by 1, 2, 3, 5, 7";
        MapSqlParameterSource params = scope.params()
                .addValue("from", Date.valueOf(from.atDay(1)))
                .addValue("until", Date.valueOf(to.plusMonths(1).atDay(1)));
        return jdbc.query(sql, params, (rs, n) -> new ForecastRow(rs.getString("month"), rs.getString("category"),
                rs.getString("site"), rs.getObject("site_id", UUID.class), rs.getString("donor"),
                rs.getObject("donor_id", UUID.class), rs.getString("commune"), rs.getString("insee_code"),
                rs.getLong("quantity")));
    }

    /** Upcoming lots for a donor (or, for a coordinator, the territory) between two months. */
    public List<UpcomingLot> lots(Actor actor, UUID organizationId, YearMonth from, YearMonth to) {
        Scope scope = scope(actor, organizationId);
        if (!scope.detailed()) {
            throw new AccessDeniedException("A donor's upcoming lots are seen by the donor and coordinators until it publishes them");
        }
        return lots(scope, from, to);
    }

    /** Every upcoming lot of the territory: for the marketplace and the optimisers, which act for the whole territory. */
    public List<UpcomingLot> territoryLots(YearMonth from, YearMonth to) {
        return lots(new Scope(true, "", new MapSqlParameterSource()), from, to);
    }

    private List<UpcomingLot> lots(Scope scope, YearMonth from, YearMonth to) {
        String sql = """
                select o.id donor_id, o.name donor, s.id site_id, s.name site, c.name commune, s.latitude, s.longitude,
                       to_char(a.forecast_date, 'YYYY-MM') as month, a.category, count(*) quantity,
                       mode() within group (order by concat_ws(' ', a.manufacturer, a.model)) typical_model,
                       percentile_cont(0.5) within group (order by (a.forecast_date - a.purchase_date) / 365.25) median_age
                """ + FROM + " where " + IN_PARK + " and a.forecast_date >= :from and a.forecast_date < :until" + scope.condition()
                + " group by o.id, o.name, s.id, s.name, c.name, s.latitude, s.longitude, 8, a.category"
                + " order by 8, o.name, s.name, a.category";
        MapSqlParameterSource params = scope.params()
                .addValue("from", Date.valueOf(from.atDay(1)))
                .addValue("until", Date.valueOf(to.plusMonths(1).atDay(1)));
        return jdbc.query(sql, params, (rs, n) -> {
            UUID donor = rs.getObject("donor_id", UUID.class);
            UUID site = rs.getObject("site_id", UUID.class);
            String month = rs.getString("month");
            String category = rs.getString("category");
            Number age = (Number) rs.getObject("median_age");
            return new UpcomingLot(new LotId(donor, site, YearMonth.parse(month), category).toString(), donor,
                    rs.getString("donor"), site, rs.getString("site"), rs.getString("commune"),
                    (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), month, category,
                    rs.getLong("quantity"), blankToNull(rs.getString("typical_model")),
                    age == null ? null : Math.round(age.doubleValue() * 10) / 10.0);
        });
    }

    /**
     * The devices of an upcoming lot still in the park, whoever asks: for the collector that takes the lot, which may not
     * read the donor's inventory. Empty for an id that names no lot.
     *
     * @param lotId a {@link LotId}, as {@link #territoryLots} writes it
     */
    public List<UUID> lotDevices(String lotId) {
        Optional<LotId> parsed = LotId.parse(lotId);
        if (parsed.isEmpty()) {
            return List.of();
        }
        LotId lot = parsed.get();
        MapSqlParameterSource params = new MapSqlParameterSource("donor", lot.donorId()).addValue("site", lot.siteId())
                .addValue("from", Date.valueOf(lot.month().atDay(1)))
                .addValue("until", Date.valueOf(lot.month().plusMonths(1).atDay(1)))
                .addValue("category", lot.category());
        return jdbc.queryForList("select a.id from asset a where " + IN_PARK
                + " and a.organization_id = :donor and a.site_id is not distinct from cast(:site as uuid)"
                + " and a.forecast_date >= :from and a.forecast_date < :until and a.category = :category"
                + " order by a.id", params, UUID.class);
    }

    /** Devices in service by category and age band. */
    public List<ParkRow> park(Actor actor, UUID organizationId) {
        Scope scope = scope(actor, organizationId);
        String sql = """
                select a.category, case when a.purchase_date is null then 'unknown'
                    when age(:today, a.purchase_date) < interval '2 years' then '0-2'
                    when age(:today, a.purchase_date) < interval '4 years' then '2-4'
                    when age(:today, a.purchase_date) < interval '6 years' then '4-6'
                    when age(:today, a.purchase_date) < interval '8 years' then '6-8' else '8+' end as band,
                    count(*) quantity
                """ + FROM + " where " + IN_PARK + scope.condition() + " group by 1, 2 order by 1, 2";
        return jdbc.query(sql, scope.params().addValue("today", Date.valueOf(LocalDate.now(clock.withZone(ZoneOffset.UTC)))),
                (rs, n) -> new ParkRow(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static final String FROM = """
            from asset a join organization o on o.id = a.organization_id
            left join site s on s.id = a.site_id left join commune c on c.insee_code = s.commune_code""";

    /** Whose assets a query covers, and whether it may name donors and sites. */
    private record Scope(boolean detailed, String condition, MapSqlParameterSource params) {
    }

    private Scope scope(Actor actor, UUID organizationId) {
        if (organizationId != null) {
            organizations.requireAccessible(organizationId, actor);
            return new Scope(true, " and a.organization_id = :organization",
                    new MapSqlParameterSource("organization", organizationId));
        }
        if (actor.isCoordinator()) {
            return new Scope(true, "", new MapSqlParameterSource());
        }
        if (actor.hasRole(OrganizationRole.DONOR)) {
            return new Scope(true, " and a.organization_id = :organization",
                    new MapSqlParameterSource("organization", actor.organizationId()));
        }
        return new Scope(false, "", new MapSqlParameterSource());
    }
}
