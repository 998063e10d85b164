package org.boucle.marketplace.allocation;

import java.util.UUID;
import org.boucle.marketplace.demand.Demands;
import org.boucle.marketplace.reservation.HoldsEnded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Units an accepted plan held for a need and that the recipient let go (released, or let expire) go back to the need,
 * in the transaction that ended the hold: the next run serves it again.
 */
@Component
class AllocatedHolds {

    private final JdbcClient jdbc;
    private final Demands demands;

    AllocatedHolds(JdbcClient jdbc, Demands demands) {
        this.jdbc = jdbc;
        this.demands = demands;
    }

    @EventListener
    void ended(HoldsEnded holds) {
        jdbc.sql("select demand_id, quantity from allocation_assignment where reservation_id in (:ids)")
                .param("ids", holds.reservationIds())
                .query((rs, n) -> new Counted(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list()
                .forEach(counted -> demands.releaseAllocated(counted.demandId(), counted.units()));
    }

    private record Counted(UUID demandId, int units) {
    }
}
