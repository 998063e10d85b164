package org.boucle.marketplace.notification;

import java.time.Instant;
import java.util.UUID;

/** Something the platform tells an organization; {@code link} leads to what it is about. */
public record Notification(UUID id, String title, String body, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
