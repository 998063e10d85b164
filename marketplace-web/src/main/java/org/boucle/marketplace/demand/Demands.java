package org.boucle.marketplace.demand;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Needs posted by buyers and associations, and what accepted allocation plans gave them. */
@Service
public class Demands {

    private final JdbcClient jdbc;
    private final Clock clock;

    Demands(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Open needs with units left to serve whose latest date is {@code today} or later, oldest first. */
    public List<OpenDemand> open(LocalDate today) {
        return jdbc.sql("""
                select d.id, d.organization_id, o.name, d.kind, d.category, d.quantity - d.quantity_allocated,
                       d.min_ram_gb, d.min_storage_gb, d.min_cpu_generation, d.min_screen_inches, d.min_grade,
                       d.latest_date, d.delivery_site_id, s.latitude, s.longitude, round(d.max_unit_price * 100),
                       d.population_served, case d.kind when 'ASSOCIATION' then coalesce(d.social_priority, 1) else 0 end
                  from demand d
                  join organization o on o.id = d.organization_id
                  join site s on s.id = d.delivery_site_id
                 where d.status = 'OPEN' and d.quantity > d.quantity_allocated and d.latest_date >= ?
                 order by d.created_at, d.id""")
                .param(Date.valueOf(today))
                .query((rs, n) -> new OpenDemand(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getInt(9), rs.getDouble(10), rs.getString(11), rs.getDate(12).toLocalDate(),
                        rs.getObject(13, UUID.class), rs.getDouble(14), rs.getDouble(15), rs.getLong(16), rs.getInt(17),
                        rs.getInt(18)))
                .list();
    }

    /** Units still to serve for an open need (0 if it is no longer open), locked until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int lockRemaining(UUID demandId) {
        return jdbc.sql("select quantity - quantity_allocated from demand where id = ? and status = 'OPEN' for update")
                .param(demandId).query(Integer.class).optional().orElse(0);
    }

    /**
     * Counts units an accepted plan reserved for a need; the need is fulfilled once nothing is left to serve.
     *
     * @return false when the need has fewer units left than that (it changed since the plan was made)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordAllocated(UUID demandId, int units) {
        return jdbc.sql("""
                update demand set quantity_allocated = quantity_allocated + :units, updated_at = :now,
                                  status = case when quantity_allocated + :units = quantity then 'FULFILLED' else status end
                 where id = :id and status = 'OPEN' and quantity - quantity_allocated >= :units""")
                .param("units", units).param("id", demandId).param("now", java.sql.Timestamp.from(clock.instant()))
                .update() == 1;
    }
}
