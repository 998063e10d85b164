package org.boucle.marketplace.traceability;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The territory's daily anchors: the hashes of the events recorded one calendar day, in their order, digested
 * (SHA-256) and signed (Ed25519). Changing, adding or removing an event of an anchored day changes its digest.
 */
@Service
public class CustodyAnchors {

    private static final Logger log = LoggerFactory.getLogger(CustodyAnchors.class);

    private final JdbcClient jdbc;
    private final CustodySigningKey key;
    private final Clock clock;
    private final ZoneId zone;

    CustodyAnchors(JdbcClient jdbc, CustodySigningKey key, Clock clock, CustodyProperties properties) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** A day's anchor as stored. */
    public record Anchor(LocalDate day, int events, String digest, String signature, String publicKey,
            Instant anchoredAt) {
    }

    /** An anchor checked against the events stored now. */
    public record AnchorVerification(LocalDate day, boolean valid, int anchoredEvents, int events,
            boolean digestMatches, boolean signatureValid, boolean signedByPlatformKey) {
    }

    /** Yesterday's log, every night; an instance that finds it anchored already does nothing. */
    @Scheduled(cron = "${boucle.custody.anchor-cron:0 30 0 * * *}", zone = "${boucle.custody.zone:Europe/Paris}")
    public void anchorYesterday() {
        Anchor anchor = anchor(LocalDate.now(clock.withZone(zone)).minusDays(1));
        log.info("Custody log of {} anchored: {} events, digest {}", anchor.day(), anchor.events(), anchor.digest());
    }

    /** Anchors a past day for a coordinator (a day the nightly job missed). */
    public Anchor anchor(Actor actor, LocalDate day) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators anchor the custody log");
        }
        if (!day.isBefore(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("day", "Only a past day can be anchored: today's log is still open");
        }
        return anchor(day);
    }

    /** Anchors a day once; anchoring it again answers the anchor stored. */
    Anchor anchor(LocalDate day) {
        List<String> hashes = hashes(day);
        byte[] digest = CustodyHash.digest(day.toString(), hashes);
        jdbc.sql("""
                insert into custody_anchor (day, events, digest, signature, public_key, anchored_at)
                values (?, ?, ?, ?, ?, ?) on conflict (day) do nothing""")
                .params(Date.valueOf(day), hashes.size(), HexFormat.of().formatHex(digest), key.sign(digest),
                        key.publicKey(), Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .update();
        return find(day).orElseThrow();
    }

    public Anchor get(LocalDate day) {
        return find(day).orElseThrow(() -> new NotFoundException("anchor", day));
    }

    /**
     * Recomputes the day's digest from the events stored now and checks the signature with the anchor's key, which
     * must be one of the platform's.
     */
    public AnchorVerification verify(LocalDate day) {
        Anchor anchor = get(day);
        List<String> hashes = hashes(day);
        byte[] digest = CustodyHash.digest(day.toString(), hashes);
        boolean digestMatches = HexFormat.of().formatHex(digest).equals(anchor.digest());
        boolean signatureValid = CustodySigningKey.verify(anchor.publicKey(), HexFormat.of().parseHex(anchor.digest()),
                anchor.signature());
        // Whoever can write to the database could re-sign a day with a key of their own.
        boolean platformKey = key.trusted(anchor.publicKey());
        return new AnchorVerification(day, digestMatches && signatureValid && platformKey, anchor.events(),
                hashes.size(), digestMatches, signatureValid, platformKey);
    }

    /**
     * The day's events' hashes, recomputed from their content: an event altered in place no longer matches the
     * anchor even if whoever altered it also rewrote its stored hash.
     */
    private List<String> hashes(LocalDate day) {
        return jdbc.sql("select " + CustodyHash.COLUMNS
                + " from custody_event where recorded_at >= ? and recorded_at < ? order by recorded_at, id")
                .params(Timestamp.from(day.atStartOfDay(zone).toInstant()),
                        Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> CustodyHash.of(CustodyHash.content(rs)))
                .list();
    }

    private Optional<Anchor> find(LocalDate day) {
        return jdbc.sql("select day, events, digest, signature, public_key, anchored_at from custody_anchor where day = ?")
                .param(Date.valueOf(day))
                .query((rs, n) -> new Anchor(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }
}
