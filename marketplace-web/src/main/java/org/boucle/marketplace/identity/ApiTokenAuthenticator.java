package org.boucle.marketplace.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a presented API token into the actor it stands for. It runs before every API call, so it is one plain
 * query with no ORM session or transaction around it; a revoked or expired token fails on the very next call.
 */
@Component
class ApiTokenAuthenticator {

    // Recording every use would write on every API call; a minute's precision is enough to spot stale tokens.
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokenAuthenticator(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Actor> authenticate(String token) {
        if (!token.startsWith(Accounts.TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Holder> holder = jdbc.sql("""
                select t.id, t.last_used_at, u.id, u.email, u.display_name, o.id, o.name,
                       array(select r.role from user_account_role r where r.user_id = u.id)
                  from api_token t
                  join user_account u on u.id = t.user_id
                  join organization o on o.id = u.organization_id
                 where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)
                   and u.enabled""")
                .params(Accounts.tokenHash(token), Timestamp.from(now))
                .query((rs, n) -> {
                    EnumSet<OrganizationRole> roles = EnumSet.noneOf(OrganizationRole.class);
                    Arrays.stream((String[]) rs.getArray(8).getArray()).map(OrganizationRole::valueOf).forEach(roles::add);
                    Timestamp lastUsed = rs.getTimestamp(2);
                    return new Holder(rs.getObject(1, UUID.class), lastUsed == null ? null : lastUsed.toInstant(),
                            new Actor(rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                                    rs.getObject(6, UUID.class), rs.getString(7), roles));
                })
                .optional();
        holder.filter(h -> h.lastUsedAt() == null || h.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now))
                .ifPresent(h -> jdbc.sql("update api_token set last_used_at = ? where id = ?")
                        .params(Timestamp.from(now), h.tokenId()).update());
        return holder.map(Holder::actor);
    }

    private record Holder(UUID tokenId, Instant lastUsedAt, Actor actor) {
    }
}
