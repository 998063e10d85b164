package org.boucle.marketplace.quota;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What public buyers spent in a year, per month, annex category and origin, from three sources:
 * <ul>
 * <li>purchases imported from their finance exports, at their date;</li>
 * <li>orders paid on Boucle, at the day they were paid in the territory's time zone, for their amount excluding VAT,
 * as réemploi (refurbished stock and upcoming lots are both reused equipment). Only PAID orders count: a refunded or
 * cancelled order no longer does, whenever it was paid;</li>
 * <li>donations received on Boucle, on the day of their checkout, at the grid's value per unit on that day.</li>
 * </ul>
 * Boucle's categories fall in annex categories by the mapping of the year's rule set; those it maps nowhere count in
 * nothing.
 */
@Component
class QuotaSpending {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    QuotaSpending(JdbcClient jdbc, QuotaProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    /** Spend of one month of the year in one annex category from one origin, by one buyer. */
    record Spend(UUID organizationId, int month, String category, Origin origin, BigDecimal amount) {
    }

    /**
     * @param organizationId one buyer, or null for every public buyer
     */
    List<Spend> spend(int year, UUID ruleSetId, UUID organizationId) {
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        return jdbc.sql("""
                select p.organization_id, extract(month from p.purchase_date)::int, p.category, p.origin,
                       sum(p.amount_excl_vat)
                  from quota_purchase p
                 where p.purchase_date >= :firstDay and p.purchase_date < :nextFirstDay
                   and (cast(:organization as uuid) is null or p.organization_id = :organization)
                 group by 1, 2, 3, 4
                union all
                select o.buyer_id, extract(month from o.paid_at at time zone :zone)::int, m.category, 'reuse',
                       sum(o.total_excl_vat)
                  from customer_order o
                  join listing l on l.id = o.listing_id
                  join quota_category_mapping m on m.rule_set_id = :ruleSet and m.boucle_category = l.category
                 where o.status = 'PAID' and o.paid_at >= :start and o.paid_at < :end
                   and (cast(:organization as uuid) is null or o.buyer_id = :organization)
                   and exists (select 1 from organization_role r where r.organization_id = o.buyer_id
                                                                   and r.role = 'PUBLIC_BUYER')
                 group by 1, 2, 3
                union all
                select o.buyer_id, extract(month from o.created_at at time zone :zone)::int, m.category, 'reuse',
                       sum(o.quantity * v.unit_value)
                  from customer_order o
                  join listing l on l.id = o.listing_id
                  join quota_category_mapping m on m.rule_set_id = :ruleSet and m.boucle_category = l.category
                  join lateral (select v.unit_value from quota_donation_value v
                                 where v.boucle_category = l.category
                                   and v.valid_from <= (o.created_at at time zone :zone)::date
                                 order by v.valid_from desc limit 1) v on true
                 where o.status = 'DONATED' and o.created_at >= :start and o.created_at < :end
                   and (cast(:organization as uuid) is null or o.buyer_id = :organization)
                   and exists (select 1 from organization_role r where r.organization_id = o.buyer_id
                                                                   and r.role = 'PUBLIC_BUYER')
                 group by 1, 2, 3""")
                .param("firstDay", Date.valueOf(firstDay))
                .param("nextFirstDay", Date.valueOf(firstDay.plusYears(1)))
                .param("start", start(year))
                .param("end", start(year + 1))
                .param("zone", zone.getId())
                .param("ruleSet", ruleSetId)
                .param("organization", organizationId)
                .query((rs, n) -> new Spend(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        Origin.of(rs.getString(4)).orElseThrow(), rs.getBigDecimal(5)))
                .list();
    }

    /** One buyer's donations of the year that the grid gives no value to on their date. */
    List<QuotaStatus.UncountedDonation> uncountedDonations(int year, UUID ruleSetId, UUID organizationId) {
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        return jdbc.sql("""
                select l.category, m.category, sum(o.quantity)
                  from customer_order o
                  join listing l on l.id = o.listing_id
                  join quota_category_mapping m on m.rule_set_id = :ruleSet and m.boucle_category = l.category
                 where o.status = 'DONATED' and o.buyer_id = :organization
                   and o.created_at >= :start and o.created_at < :end
                   and not exists (select 1 from quota_donation_value v
                                    where v.boucle_category = l.category
                                      and v.valid_from <= (o.created_at at time zone :zone)::date)
                 group by 1, 2
                 order by 1""")
                .param("start", start(year))
                .param("end", start(year + 1))
                .param("zone", zone.getId())
                .param("ruleSet", ruleSetId)
                .param("organization", organizationId)
                .query((rs, n) -> new QuotaStatus.UncountedDonation(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The first instant of a year in the territory: 1 January, midnight in Paris, is 23:00 UTC the day before. */
    private Timestamp start(int year) {
        return Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
    }
}
