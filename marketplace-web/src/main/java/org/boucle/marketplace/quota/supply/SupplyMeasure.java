package org.boucle.marketplace.quota.supply;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Measures décret n° 2023-266's objective from what Boucle knows of each device: the donor's inventory, the orders of
 * its upcoming lots, and the dispositions it declared. One row per device (or per unit an order sold that the
 * inventory no longer shows), so that no device is ever counted twice, whichever sources know of it.
 *
 * <p>A device left the park on the date of its known destination (a declared disposition, else the Boucle order that
 * took it), else on the day its inventory noticed: gone from the export, or deleted in the source tool (the import
 * that changed it so; one that was already deleted when first imported left before Boucle knew of it, at a date
 * nobody gave, and counts in no year until it is declared). Boucle's
 * orders are matched to devices of the lot they were published from (same donor, site, category and forecast
 * month), those already gone from the inventory first, then the oldest. A later source of custody events (collection,
 * workshop intake) is one more kind of known destination in {@code device}.
 *
 * <p>Days are French calendar days: the year runs from 1 January, 00:00 in Paris.
 */
@Component
class SupplyMeasure {

    private static final String DEVICES = """
            with counted_order as (
                -- Orders that sent units of the donors' upcoming lots to reuse: a refunded or cancelled one no longer does.
                select o.id, o.listing_id, o.quantity,
                       ((case when o.status = 'DONATED' then o.created_at else o.paid_at end) at time zone 'Europe/Paris')::date as day,
                       case when o.status = 'DONATED' then 'donation'
                            when exists (select 1 from organization_role r
                                          where r.organization_id = o.buyer_id and r.role = 'PUBLIC_BUYER') then 'transfer_public_body'
                            else 'sale' end as channel
                  from customer_order o join listing l on l.id = o.listing_id
                 where l.kind = 'UPCOMING_LOT' and l.seller_id = any(cast(:organizations as uuid[]))
                   and o.status in ('PAID', 'DONATED')
            ), order_range as (
                -- Each order takes the next units of its lot: ranks upto - quantity + 1 to upto.
                select c.*, sum(c.quantity) over (partition by c.listing_id order by c.day, c.id) as upto from counted_order c
            ), lot_device as (
                select a.id as asset_id, l.id as listing_id,
                       row_number() over (partition by l.id
                           order by a.missing_since is null and not a.deleted_in_source, a.missing_since, a.purchase_date, a.id) as rank
                  from listing l
                  join asset a on a.organization_id = l.seller_id and a.site_id = l.site_id and a.category = l.category
                   and to_char(a.forecast_date, 'YYYY-MM') = split_part(l.source_lot_id, ':', 3)
                 where l.kind = 'UPCOMING_LOT' and l.seller_id = any(cast(:organizations as uuid[]))
                   and exists (select 1 from counted_order c where c.listing_id = l.id)
                   and not exists (select 1 from quota_supply_disposition x where x.asset_id = a.id)
            ), lot_size as (
                select listing_id, count(*) as devices from lot_device group by listing_id
            ), boucle_device as (
                select d.asset_id, r.day, r.channel
                  from lot_device d join order_range r on r.listing_id = d.listing_id
                   and d.rank > r.upto - r.quantity and d.rank <= r.upto
            ), device as (
                select a.organization_id, a.id as asset_id, a.purchase_date, 1 as units,
                       coalesce(x.channel, b.channel) as channel,
                       coalesce(x.disposed_on, b.day, (a.missing_since at time zone 'Europe/Paris')::date,
                                case when not a.deleted_in_source then null
                                     when a.updated_at > a.created_at then (a.updated_at at time zone 'Europe/Paris')::date
                                     else '-infinity'::date end) as left_on,
                       x.asset_id is null and b.asset_id is not null as through_boucle
                  from asset a
                  left join quota_supply_disposition x on x.asset_id = a.id
                  left join boucle_device b on b.asset_id = a.id
                 where a.organization_id = any(cast(:organizations as uuid[])) and a.category = any(cast(:categories as varchar[]))
                union all
                -- Units an order took beyond the devices its lot still holds (its devices' forecast moved since): devices
                -- of unknown age that left on the order's day.
                select l.seller_id, null, null, (r.upto - greatest(r.upto - r.quantity, coalesce(s.devices, 0)))::int,
                       r.channel, r.day, true
                  from order_range r join listing l on l.id = r.listing_id
                  left join lot_size s on s.listing_id = r.listing_id
                 where r.upto > coalesce(s.devices, 0) and l.category = any(cast(:categories as varchar[]))
            ), measured as (
                select d.*,
                       (d.purchase_date is null or d.purchase_date < :january1) and (d.left_on is null or d.left_on >= :january1)
                           as in_stock,
                       d.left_on >= :january1 and d.left_on < :nextJanuary1 as left_this_year,
                       -- The decree's age is at the date of the reform: the day it left, or 1 January for a device still there.
                       d.purchase_date is not null and d.purchase_date + make_interval(years => :maxAge)
                           < case when d.left_on >= :january1 and d.left_on < :nextJanuary1 then d.left_on else :january1 end
                           as over_age
                  from device d
            )
            """;

    private static final String RETIRED = "in_stock and not over_age and coalesce(left_this_year, false)";

    private final NamedParameterJdbcTemplate jdbc;

    SupplyMeasure(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's figures of each organization (none for an organization without any device). */
    Map<UUID, Tally> measure(Collection<UUID> organizations, int year, SupplyRule rule) {
        Map<UUID, Tally> tallies = new HashMap<>();
        MapSqlParameterSource params = params(organizations, year, rule);
        jdbc.query(DEVICES + """
                select organization_id,
                       coalesce(sum(units) filter (where in_stock), 0) as stock,
                       coalesce(sum(units) filter (where in_stock and over_age), 0) as excluded,
                       coalesce(sum(units) filter (where in_stock and purchase_date is null), 0) as unknown_age
                  from measured group by organization_id""", params, rs -> {
            tallies.computeIfAbsent(rs.getObject("organization_id", UUID.class), id -> new Tally())
                    .stock(rs.getLong("stock"), rs.getLong("excluded"), rs.getLong("unknown_age"));
        });
        jdbc.query(DEVICES + "select organization_id, channel, extract(month from left_on)::int as month, through_boucle, "
                + "sum(units) as units from measured where " + RETIRED + " group by 1, 2, 3, 4", params, rs -> {
            tallies.computeIfAbsent(rs.getObject("organization_id", UUID.class), id -> new Tally())
                    .retired(rs.getString("channel"), rs.getInt("month"), rs.getBoolean("through_boucle"), rs.getLong("units"));
        });
        return tallies;
    }

    /** The devices retired during the year whose destination nobody knows yet: what remains to declare. */
    List<RetiredDevice> withoutDestination(UUID organization, int year, SupplyRule rule) {
        return jdbc.query(DEVICES + """
                select a.id, a.asset_tag, a.serial, a.category, a.manufacturer, a.model, s.name as site, a.purchase_date,
                       m.left_on
                  from measured m join asset a on a.id = m.asset_id left join site s on s.id = a.site_id
                 where m.channel is null and"""
                + " " + RETIRED + " order by m.left_on, a.asset_tag, a.serial, a.id", params(List.of(organization), year, rule),
                (rs, n) -> new RetiredDevice(rs.getObject("id", UUID.class), rs.getString("asset_tag"),
                        rs.getString("serial"), rs.getString("category"), rs.getString("manufacturer"),
                        rs.getString("model"), rs.getString("site"), localDate(rs.getDate("purchase_date")),
                        localDate(rs.getDate("left_on"))));
    }

    private static MapSqlParameterSource params(Collection<UUID> organizations, int year, SupplyRule rule) {
        return new MapSqlParameterSource()
                .addValue("organizations", organizations.stream().map(UUID::toString).toArray(String[]::new))
                .addValue("categories", rule.categories().toArray(String[]::new))
                .addValue("january1", Date.valueOf(LocalDate.of(year, 1, 1)))
                .addValue("nextJanuary1", Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .addValue("maxAge", rule.maxAgeYears());
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** What the queries found for one organization, before the rule is applied. */
    static final class Tally {

        private long stock;
        private long excluded;
        private long unknownAge;
        private long retired;
        private long reused;
        private long throughBoucle;
        private final Map<String, Long> byChannel = new HashMap<>();
        private final long[] retiredByMonth = new long[12];
        private final long[] reusedByMonth = new long[12];

        private void stock(long stock, long excluded, long unknownAge) {
            this.stock = stock;
            this.excluded = excluded;
            this.unknownAge = unknownAge;
        }

        private void retired(String channel, int month, boolean boucle, long units) {
            boolean reuse = channel != null && Channel.of(channel).orElseThrow().reuse();
            retired += units;
            retiredByMonth[month - 1] += units;
            if (reuse) {
                reused += units;
                reusedByMonth[month - 1] += units;
            }
            if (boucle) {
                throughBoucle += units;
            }
            byChannel.merge(channel == null ? SupplyFigures.UNKNOWN : channel, units, Long::sum);
        }

        long stock() {
            return stock;
        }

        long excluded() {
            return excluded;
        }

        long unknownAge() {
            return unknownAge;
        }

        long retired() {
            return retired;
        }

        long reused() {
            return reused;
        }

        long throughBoucle() {
            return throughBoucle;
        }

        long channel(String code) {
            return byChannel.getOrDefault(code, 0L);
        }

        long retiredIn(int month) {
            return retiredByMonth[month - 1];
        }

        long reusedIn(int month) {
            return reusedByMonth[month - 1];
        }

        /** The sum of several organizations' tallies: the territory's. */
        static Tally sum(Collection<Tally> tallies) {
            Tally total = new Tally();
            for (Tally t : tallies) {
                total.stock += t.stock;
                total.excluded += t.excluded;
                total.unknownAge += t.unknownAge;
                total.retired += t.retired;
                total.reused += t.reused;
                total.throughBoucle += t.throughBoucle;
                t.byChannel.forEach((channel, units) -> total.byChannel.merge(channel, units, Long::sum));
                for (int i = 0; i < 12; i++) {
                    total.retiredByMonth[i] += t.retiredByMonth[i];
                    total.reusedByMonth[i] += t.reusedByMonth[i];
                }
            }
            return total;
        }
    }
}
