package org.boucle.marketplace.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the platform tells organizations, kept until read and after. */
@Service
public class Notifications {

    private static final int RECENT = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tells an organization something; joins the caller's transaction, so it is sent only if what it says happened. */
    public void notify(UUID organizationId, String title, String body, String link) {
        jdbc.sql("insert into notification (id, organization_id, title, body, link, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), organizationId, title, body, link, Timestamp.from(clock.instant()))
                .update();
    }

    /** The actor's organization's latest notifications, newest first. */
    public List<Notification> recent(Actor actor) {
        return jdbc.sql("""
                select id, title, body, link, created_at, read_at from notification
                 where organization_id = ? order by created_at desc, id limit ?""")
                .params(actor.organizationId(), RECENT)
                .query((rs, n) -> new Notification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Marks every notification of the actor's organization read. */
    public void markAllRead(Actor actor) {
        jdbc.sql("update notification set read_at = ? where organization_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), actor.organizationId())
                .update();
    }
}
