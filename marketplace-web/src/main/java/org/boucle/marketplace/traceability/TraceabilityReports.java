package org.boucle.marketplace.traceability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.traceability.TraceabilityReport.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Traceability reports for large accounts: the donor's members and coordinators read them; anyone else gets 404. A
 * device is in the report of the period its custody began in (its first step, the announcement), so that a period's
 * report keeps the same devices as they move on. Wiped devices' certificates are issued as the report lists them.
 */
@Service
public class TraceabilityReports {

    private final JdbcClient jdbc;
    private final WipeCertificates certificates;
    private final WipeCertificateProperties properties;
    private final CustodyProperties custody;
    private final Clock clock;

    TraceabilityReports(JdbcClient jdbc, WipeCertificates certificates, WipeCertificateProperties properties,
            CustodyProperties custody, Clock clock) {
        this.jdbc = jdbc;
        this.certificates = certificates;
        this.properties = properties;
        this.custody = custody;
        this.clock = clock;
    }

    /** The devices a donor (the actor's organization when not given) gave between two days, inclusive. */
    public TraceabilityReport report(Actor actor, UUID donorId, LocalDate from, LocalDate to) {
        UUID donor = donorId == null ? actor.organizationId() : donorId;
        if (!actor.mayAccess(donor)) {
            throw new NotFoundException("donor", donor);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "Before from");
        }
        String name = jdbc.sql("select name from organization where id = ?").param(donor).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("donor", donor));
        Map<UUID, WipeCertificate> wiped = certificates.forDonor(donor);
        List<TraceabilityReport.Device> devices = jdbc.sql("""
                select a.id, a.category, concat_ws(' ', a.manufacturer, a.model) model, a.name, a.serial, a.asset_tag,
                       first.occurred_at given_at, last.step, last.occurred_at last_at, s.name site, last.holder_id,
                       h.name holder
                  from asset a
                  join custody_event first on first.device_id = a.id and first.seq = 1
                  join lateral (select step, occurred_at, holder_id, site_id from custody_event
                                 where device_id = a.id order by seq desc limit 1) last on true
                  left join site s on s.id = last.site_id
                  left join organization h on h.id = last.holder_id
                 where a.organization_id = :donor and first.occurred_at >= :from and first.occurred_at < :until
                 order by first.occurred_at, a.serial, a.asset_tag, a.id""")
                .param("donor", donor)
                .param("from", Timestamp.from(from == null ? Instant.EPOCH : from.atStartOfDay(custody.zone()).toInstant()))
                .param("until", Timestamp.from(to == null ? Instant.parse("9999-01-01T00:00:00Z")
                        : to.plusDays(1).atStartOfDay(custody.zone()).toInstant()))
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    CustodyStep step = CustodyStep.valueOf(rs.getString("step"));
                    String model = rs.getString("model");
                    return new TraceabilityReport.Device(id, rs.getString("category"),
                            model == null || model.isBlank() ? rs.getString("name") : model, rs.getString("serial"),
                            rs.getString("asset_tag"), rs.getObject("given_at", OffsetDateTime.class).toInstant(), step,
                            rs.getObject("last_at", OffsetDateTime.class).toInstant(), rs.getString("site"),
                            rs.getObject("holder_id", UUID.class), rs.getString("holder"), outcome(step),
                            wipe(wiped.get(id)));
                })
                .list();
        long reused = devices.stream().filter(d -> d.outcome() == Outcome.REUSED).count();
        long recycled = devices.stream().filter(d -> d.outcome() == Outcome.RECYCLED).count();
        BigDecimal share = reused + recycled == 0 ? null
                : BigDecimal.valueOf(reused).divide(BigDecimal.valueOf(reused + recycled), 4, RoundingMode.DOWN);
        return new TraceabilityReport(donor, name, from, to, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                devices.size(), reused, recycled, devices.size() - reused - recycled, share, devices);
    }

    static Outcome outcome(CustodyStep step) {
        return step.reuses() ? Outcome.REUSED : step.recycles() ? Outcome.RECYCLED : Outcome.IN_CHAIN;
    }

    private TraceabilityReport.Wipe wipe(WipeCertificate certificate) {
        return certificate == null ? null : new TraceabilityReport.Wipe(certificate.wipedAt(),
                certificate.workshop().name(), certificate.method(), certificate.tool(), certificate.operator(),
                certificate.code(), properties.verificationUrl(certificate.code()));
    }
}
