package org.boucle.marketplace.quota;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose quota an actor may see: a public buyer its own, a coordinator any public buyer's. Any other organization's id
 * answers 404, as an id that does not exist, so that ids cannot be probed.
 */
@Component
class PublicBuyers {

    private final JdbcClient jdbc;

    PublicBuyers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Buyer(UUID id, String name) {
    }

    /**
     * @param requested the buyer asked for; null for the actor's own organization
     */
    Buyer resolve(Actor actor, UUID requested) {
        requireQuotaActor(actor);
        UUID id = requested == null ? actor.organizationId() : requested;
        if (!actor.mayAccess(id)) {
            throw new NotFoundException("public buyer", id);
        }
        return find(id).orElseThrow(() -> requested == null && actor.isCoordinator()
                ? new InvalidInputException("organizationId", "Coordinators name the public buyer (organizationId)")
                : new NotFoundException("public buyer", id));
    }

    /** Every public buyer of the territory, by name. */
    List<Buyer> all() {
        return jdbc.sql("""
                select o.id, o.name from organization o
                 where exists (select 1 from organization_role r where r.organization_id = o.id and r.role = 'PUBLIC_BUYER')
                 order by o.name, o.id""")
                .query((rs, n) -> new Buyer(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    static void requireQuotaActor(Actor actor) {
        if (!actor.isCoordinator() && !actor.hasRole(OrganizationRole.PUBLIC_BUYER)) {
            throw new AccessDeniedException("The reuse quota is for public buyers and coordinators");
        }
    }

    static void requireCoordinator(Actor actor) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators see the whole territory");
        }
    }

    private Optional<Buyer> find(UUID id) {
        return jdbc.sql("""
                select o.id, o.name from organization o
                 where o.id = ? and exists (select 1 from organization_role r
                                             where r.organization_id = o.id and r.role = 'PUBLIC_BUYER')""")
                .param(id).query((rs, n) -> new Buyer(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }
}
