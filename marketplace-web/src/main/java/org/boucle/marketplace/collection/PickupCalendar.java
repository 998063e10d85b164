package org.boucle.marketplace.collection;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A donor's pickups as an iCalendar feed. Calendar applications cannot log in: the feed's address carries a secret
 * token, one per donor organization, which the donor may replace (the old address then stops working).
 */
@Service
class PickupCalendar {

    /** Pickups this old still show in the feed: calendars keep some history. */
    private static final int HISTORY_DAYS = 180;
    private static final int TOKEN_BYTES = 32;

    private final JdbcClient jdbc;
    private final Pickups pickups;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PickupCalendar(JdbcClient jdbc, Pickups pickups, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.pickups = pickups;
        this.messages = messages;
        this.clock = clock;
    }

    /** Where a calendar application subscribes to the donor's pickups: the same address, over https or webcal. */
    public record CalendarLink(String https, String webcal) {
    }

    /** The feed's address as this request's client reaches the application (forwarded headers are honoured). */
    static CalendarLink link(String token) {
        String https = ServletUriComponentsBuilder.fromCurrentContextPath().path("/collection/pickups/{token}.ics")
                .buildAndExpand(token).toUriString();
        return new CalendarLink(https, https.replaceFirst("^https?://", "webcal://"));
    }

    /** The donor organization's token, created on first use. */
    @Transactional
    public String token(Actor actor) {
        requireDonor(actor);
        jdbc.sql("insert into pickup_calendar (organization_id, token, created_at) values (?, ?, ?)"
                        + " on conflict (organization_id) do nothing")
                .params(actor.organizationId(), newToken(), Timestamp.from(clock.instant())).update();
        return jdbc.sql("select token from pickup_calendar where organization_id = ?").param(actor.organizationId())
                .query(String.class).single();
    }

    /** A new token for the donor organization: calendars subscribed with the old one stop receiving its pickups. */
    @Transactional
    public String rotate(Actor actor) {
        requireDonor(actor);
        String token = newToken();
        jdbc.sql("""
                insert into pickup_calendar (organization_id, token, created_at) values (?, ?, ?)
                on conflict (organization_id) do update set token = excluded.token, created_at = excluded.created_at""")
                .params(actor.organizationId(), token, Timestamp.from(clock.instant())).update();
        return token;
    }

    /** The feed of the organization the token belongs to; 404 for a token that is not (or no longer) one. */
    public String feed(String token) {
        record Owner(UUID id, String name) {
        }
        Owner owner = jdbc.sql("""
                select o.id, o.name from pickup_calendar c join organization o on o.id = c.organization_id
                 where c.token = ?""")
                .param(token).query(Owner.class).optional()
                .orElseThrow(() -> new NotFoundException("calendar", "token"));
        LocalDate from = pickups.today().minusDays(HISTORY_DAYS);
        List<Pickup> list = jdbc.sql(Pickups.SELECT + " where p.donor_id = :donor and p.day >= :from"
                        + " order by p.day, p.arrival")
                .param("donor", owner.id()).param("from", from).query(pickups::map).list();
        return write(owner.name(), list, clock.instant());
    }

    /** The calendar, in French: its readers are the donor's staff, whatever their application's language. */
    String write(String donor, List<Pickup> list, Instant now) {
        ICalendarWriter ics = new ICalendarWriter()
                .raw("BEGIN", "VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//Boucle//Enlevements//FR")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", "Boucle — enlèvements de " + donor)
                .raw("X-WR-TIMEZONE", pickups.zone().getId())
                // Calendar applications read the feed again after this long.
                .raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
                .raw("X-PUBLISHED-TTL", "PT1H");
        for (Pickup pickup : list) {
            boolean cancelled = pickup.status() == PickupStatus.CANCELLED || pickup.status() == PickupStatus.MOVED;
            Instant changed = pickup.statusAt() == null ? pickup.createdAt() : pickup.statusAt();
            ics.raw("BEGIN", "VEVENT")
                    .text("UID", pickup.id() + "@boucle")
                    .utc("DTSTAMP", now)
                    .utc("CREATED", pickup.createdAt())
                    .utc("LAST-MODIFIED", changed)
                    // A pickup changes once at most (from scheduled): that change is its one revision.
                    .raw("SEQUENCE", pickup.scheduled() ? "0" : "1")
                    .utc("DTSTART", pickups.instant(pickup.arrival()))
                    .utc("DTEND", pickups.instant(pickup.departure()))
                    .text("SUMMARY", summary(pickup))
                    .text("LOCATION", pickup.site().name() + ", " + pickup.site().address())
                    .raw("GEO", pickup.site().latitude() + ";" + pickup.site().longitude())
                    .text("DESCRIPTION", description(pickup))
                    .raw("STATUS", cancelled ? "CANCELLED" : "CONFIRMED")
                    .raw("TRANSP", "OPAQUE")
                    .raw("END", "VEVENT");
        }
        return ics.raw("END", "VCALENDAR").build();
    }

    private static String summary(Pickup pickup) {
        String what = "Enlèvement Boucle — " + pickup.devices() + " appareil" + (pickup.devices() > 1 ? "s" : "");
        return switch (pickup.status()) {
            case CANCELLED -> "Annulé : " + what;
            case MOVED -> "Déplacé : " + what;
            case COLLECTED -> what + " (collecté)";
            case SCHEDULED -> what;
        };
    }

    private String description(Pickup pickup) {
        StringBuilder text = new StringBuilder();
        text.append("Collecteur : ").append(pickup.collectorName()).append(", véhicule ").append(pickup.vehicleName())
                .append('\n');
        text.append("Lots :\n").append(pickup.lots().stream()
                .map(lot -> "- " + messages.getMessage("category." + lot.category(), null, lot.category(), Locale.FRENCH)
                        + (lot.devices() == null ? "" : " : " + lot.devices() + " appareil" + (lot.devices() > 1 ? "s" : "")))
                .collect(Collectors.joining("\n")));
        text.append("\nDéposés à l’atelier ").append(pickup.workshopName());
        if (pickup.statusNote() != null && !pickup.scheduled()) {
            text.append('\n').append(pickup.status() == PickupStatus.COLLECTED ? "Collecte confirmée par " : "Motif : ")
                    .append(pickup.statusNote());
        }
        return text.toString();
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireDonor(Actor actor) {
        if (!actor.hasRole(OrganizationRole.DONOR)) {
            throw new AccessDeniedException("The pickups calendar is a donor's");
        }
    }
}
