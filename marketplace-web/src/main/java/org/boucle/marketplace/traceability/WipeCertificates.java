package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Data-wipe certificates: issued on first request for a device's last successful wipe, signed with the custody key,
 * stored and served again as they are. The device's donor, the workshop that wiped it and coordinators download them;
 * anyone holding a certificate's code verifies it.
 */
@Service
public class WipeCertificates {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** Successful wipes, with the device as its donor knows it and the workshop that wiped it. */
    private static final String WIPES = """
            select e.id, e.device_id, e.seq, e.hash, e.occurred_at, e.organization_id, o.name workshop,
                   e.details::text details, a.organization_id donor_id, a.category, a.manufacturer, a.model, a.serial,
                   a.asset_tag, c.code
              from custody_event e
              join asset a on a.id = e.device_id
              left join organization o on o.id = e.organization_id
              left join wipe_certificate c on c.event_id = e.id
             where e.step = 'DATA_WIPED' and e.details ->> 'result' = 'SUCCESS'
               and e.seq = (select max(w.seq) from custody_event w where w.device_id = e.device_id
                             and w.step = 'DATA_WIPED' and w.details ->> 'result' = 'SUCCESS')
            """;

    private final JdbcClient jdbc;
    private final CustodySigningKey key;
    private final CustodyEvents events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WipeCertificates(JdbcClient jdbc, CustodySigningKey key, CustodyEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.events = events;
        this.clock = clock;
    }

    /** A device's last successful wipe, as a certificate would state it; code once issued. */
    public record Wipe(UUID eventId, UUID deviceId, int seq, String hash, Instant wipedAt, UUID workshopId,
            String workshop, JsonNode details, UUID donorId, String category, String manufacturer, String model,
            String serial, String assetTag, String code) {

        boolean downloadableBy(Actor actor) {
            return actor.isCoordinator() || actor.organizationId().equals(donorId)
                    || actor.organizationId().equals(workshopId);
        }
    }

    /** What the public verification finds for a code. */
    public record Verification(String code, boolean known, WipeCertificate certificate, boolean signatureValid,
            boolean chainValid, String signedContent, String signature, String publicKey) {
    }

    /** The certificate of a device's last successful wipe, issued now if it was not yet; 404 for others. */
    public WipeCertificate forDevice(Actor actor, UUID deviceId) {
        return wipe(actor, deviceId).map(this::issue).orElseThrow(() -> new NotFoundException("wipe-certificate", deviceId));
    }

    /** Whether the actor may download a certificate for the device: it was wiped and the actor may see it. */
    public Optional<Wipe> wipe(Actor actor, UUID deviceId) {
        return jdbc.sql(WIPES + " and e.device_id = ?").param(deviceId).query(WipeCertificates::wipe).optional()
                .filter(wipe -> wipe.downloadableBy(actor));
    }

    /** The certificates of the lot's wiped devices the actor may download, issued now where needed; 404 if none. */
    public List<WipeCertificate> forLot(Actor actor, String lotId) {
        List<WipeCertificate> certificates = lotWipes(actor, lotId).stream().map(this::issue).toList();
        if (certificates.isEmpty()) {
            throw new NotFoundException("wipe-certificate", lotId);
        }
        return certificates;
    }

    /** The lot's wiped devices whose certificate the actor may download. */
    public List<Wipe> lotWipes(Actor actor, String lotId) {
        List<UUID> devices = events.lot(actor, lotId).devices().stream().map(CustodyDevice::id).toList();
        return jdbc.sql(WIPES + " and e.device_id in (:devices) order by a.serial, a.asset_tag, a.id")
                .param("devices", devices).query(WipeCertificates::wipe).list().stream()
                .filter(wipe -> wipe.downloadableBy(actor)).toList();
    }

    /** The certificates of every wiped device a donor gave, by device, issued now where needed. */
    public Map<UUID, WipeCertificate> forDonor(UUID donorId) {
        Map<UUID, WipeCertificate> certificates = new HashMap<>();
        jdbc.sql(WIPES + " and a.organization_id = ?").param(donorId).query(WipeCertificates::wipe).list()
                .forEach(wipe -> certificates.put(wipe.deviceId(), issue(wipe)));
        return certificates;
    }

    /** The wiped devices the actor's organization gave or wiped, latest first. */
    public List<Wipe> ofOrganization(Actor actor) {
        return jdbc.sql(WIPES + " and (a.organization_id = :org or e.organization_id = :org) order by e.occurred_at desc, e.id limit 1000")
                .param("org", actor.organizationId()).query(WipeCertificates::wipe).list();
    }

    /** What a code certifies, whether its signature holds and whether the device's chain still verifies at that event. */
    public Verification verify(String code) {
        String normalized = normalize(code);
        Optional<Stored> stored = jdbc.sql("select content, signature, public_key from wipe_certificate where code = ?")
                .param(normalized).query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
        if (stored.isEmpty()) {
            return new Verification(normalized, false, null, false, false, null, null, null);
        }
        Stored row = stored.get();
        // The key stored next to it must be one of Boucle's own: a forger could replace both.
        boolean signed = key.signedByPlatform(row.publicKey(), row.content().getBytes(StandardCharsets.UTF_8),
                row.signature());
        WipeCertificate certificate;
        try {
            certificate = WipeCertificate.read(row.content());
        } catch (RuntimeException unreadable) {
            return new Verification(normalized, true, null, false, false, row.content(), row.signature(), row.publicKey());
        }
        boolean codeMatches = normalized.equals(certificate.code());
        return new Verification(normalized, true, certificate, signed && codeMatches, chainHolds(certificate),
                row.content(), row.signature(), row.publicKey());
    }

    /** The certified event is still in the device's chain, with the same hash, and the chain verifies up to it. */
    private boolean chainHolds(WipeCertificate certificate) {
        Optional<String> hash = jdbc.sql("select hash from custody_event where id = ? and device_id = ?")
                .params(certificate.event().id(), certificate.device().id()).query(String.class).optional();
        if (hash.isEmpty() || !hash.get().equals(certificate.event().hash())) {
            return false;
        }
        CustodyEvents.Verification chain = events.chain(certificate.device().id());
        return chain.valid() || chain.brokenAt().seq() > certificate.event().seq();
    }

    private record Stored(String content, String signature, String publicKey) {
    }

    /** The stored certificate of the wipe, or a new one: signed, stored, and the first one stored wins a race. */
    private WipeCertificate issue(Wipe wipe) {
        Optional<WipeCertificate> existing = stored(wipe.eventId());
        if (existing.isPresent()) {
            return existing.get();
        }
        List<WipeCertificate.Medium> media = new ArrayList<>();
        wipe.details().path("media").forEach(m -> media.add(new WipeCertificate.Medium(m.path("serial").asText(),
                m.hasNonNull("type") ? m.path("type").asText() : null)));
        WipeCertificate certificate = new WipeCertificate(UUID.randomUUID(), code(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                new WipeCertificate.Device(wipe.deviceId(), wipe.category(), wipe.manufacturer(), wipe.model(),
                        wipe.serial(), wipe.assetTag()),
                media, wipe.details().path("method").asText(), wipe.details().path("tool").asText(),
                wipe.details().path("operator").asText(), wipe.details().path("result").asText(), wipe.wipedAt(),
                new WipeCertificate.Workshop(wipe.workshopId(), wipe.workshop()),
                new WipeCertificate.Event(wipe.eventId(), wipe.seq(), wipe.hash()));
        String content = certificate.canonical();
        jdbc.sql("""
                insert into wipe_certificate (id, code, device_id, event_id, issued_at, content, signature, public_key)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(certificate.id(), certificate.code(), wipe.deviceId(), wipe.eventId(),
                        Timestamp.from(certificate.issuedAt()), content,
                        key.sign(content.getBytes(StandardCharsets.UTF_8)), key.publicKey())
                .update();
        return stored(wipe.eventId()).orElseThrow();
    }

    private Optional<WipeCertificate> stored(UUID eventId) {
        return jdbc.sql("select content from wipe_certificate where event_id = ?").param(eventId).query(String.class)
                .optional().map(WipeCertificate::read);
    }

    /** 128 random bits in base32 (RFC 4648 alphabet, no padding): 26 characters, easy to read out and type. */
    private String code() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        StringBuilder code = new StringBuilder(26);
        int buffer = 0;
        int count = 0;
        for (byte b : bits) {
            buffer = (buffer << 8) | (b & 0xff);
            count += 8;
            while (count >= 5) {
                code.append(BASE32[(buffer >> (count - 5)) & 31]);
                count -= 5;
            }
        }
        code.append(BASE32[(buffer << (5 - count)) & 31]);
        return code.toString();
    }

    /** A code as typed: case, spaces and dashes do not matter. */
    static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static Wipe wipe(ResultSet rs, int n) throws SQLException {
        return new Wipe(rs.getObject("id", UUID.class), rs.getObject("device_id", UUID.class), rs.getInt("seq"),
                rs.getString("hash"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("organization_id", UUID.class), rs.getString("workshop"),
                CustodyHash.read(rs.getString("details")), rs.getObject("donor_id", UUID.class), rs.getString("category"),
                rs.getString("manufacturer"), rs.getString("model"), rs.getString("serial"), rs.getString("asset_tag"),
                rs.getString("code"));
    }
}
