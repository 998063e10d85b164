package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.inventory.LotId;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.boucle.marketplace.traceability.CustodyRefusedException.Refused;
import org.boucle.marketplace.traceability.CustodyRules.DeviceState;
import org.boucle.marketplace.traceability.CustodyRules.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Devices' custody events: recorded in bulk, all or nothing, by the organization that did the step (rules:
 * {@link CustodyRules}); read by coordinators, the device's donor and the organizations that recorded or held it;
 * each hash-chained to the device's previous event.
 */
@Service
public class CustodyEvents {

    static final int MAX_DEVICES = 1000;
    /** Clocks drift: a step a little ahead of ours is not in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A device, its last event and where it stands, as the rules and the pages need it. */
    private static final String DEVICES = """
            select a.id, concat_ws(' ', a.manufacturer, a.model) model, a.name, a.serial, a.asset_tag, a.category,
                   a.organization_id, o.name donor, e.step, e.holder_id, h.name holder, e.seq, e.hash, e.occurred_at,
                   exists (select 1 from custody_event w where w.device_id = a.id and w.step = 'DATA_WIPED'
                           and w.details ->> 'result' = 'SUCCESS') wiped,
                   exists (select 1 from custody_event g where g.device_id = a.id and g.step = 'GRADED') graded,
                   (:coordinator or a.organization_id = :org or exists (select 1 from custody_event r
                       where r.device_id = a.id and (r.organization_id = :org or r.holder_id = :org))) readable
              from asset a
              join organization o on o.id = a.organization_id
              left join lateral (select step, holder_id, seq, hash, occurred_at from custody_event
                                  where device_id = a.id order by seq desc limit 1) e on true
              left join organization h on h.id = case when e.step is null then a.organization_id else e.holder_id end
            """;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CustodyEvents(JdbcClient jdbc, MessageSource messages, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One step recorded for one device. */
    public record Recorded(String device, UUID deviceId, UUID eventId, int seq, String hash) {
    }

    /** What a bulk recording did. */
    public record Recording(CustodyStep step, int recorded, List<Recorded> events) {
    }

    /** What a scan found: the device, or why none can be shown. */
    public record Lookup(String scanned, CustodyDevice device, String error) {
    }

    /** The result of recomputing a device's chain. */
    public record Verification(boolean valid, int events, Broken brokenAt) {
    }

    /** The first event whose content or link to the previous one no longer matches its hash. */
    public record Broken(UUID eventId, int seq, CustodyStep step, String reason) {
    }

    /** A lot: the devices of a donor's site, forecast month and category (an upcoming lot's id, a listing's source lot). */
    public record Lot(String id, List<CustodyDevice> devices) {
    }

    /** A device, its state and whether the actor may read it. */
    private record Loaded(CustodyDevice device, DeviceState state, int seq, String hash, Instant lastOccurred,
            boolean readable) {
    }

    /**
     * Records one step for every device named, all or nothing: invalid fields answer
     * {@link InvalidCustodyRequestException}, devices that cannot take the step {@link CustodyRefusedException}.
     */
    public Recording record(Actor actor, NewCustodyEvents request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        JsonNode details = request.details() == null || request.details().isNull()
                ? JsonNodeFactory.instance.objectNode() : request.details();
        List<FieldProblem> problems = new ArrayList<>();
        List<String> devices = request.devices() == null ? List.of()
                : request.devices().stream().map(d -> d == null ? "" : d.strip()).toList();
        if (devices.isEmpty() || devices.stream().anyMatch(String::isEmpty)) {
            problems.add(new FieldProblem("devices", "Required: each device's id, serial number or asset tag"));
        } else if (devices.size() > MAX_DEVICES) {
            problems.add(new FieldProblem("devices", "At most " + MAX_DEVICES + " devices at once"));
        }
        if (request.step() == null) {
            problems.add(new FieldProblem("step", "Required"));
        }
        if (!details.isObject()) {
            problems.add(new FieldProblem("details", "An object"));
        } else if (request.step() != null) {
            problems.addAll(CustodyRules.detailProblems(request.step(), details));
        }
        if (request.siteId() != null && !ownSite(actor, request.siteId())) {
            problems.add(new FieldProblem("siteId", "Not a site of your organization"));
        }
        Instant occurred = request.occurredAt() == null ? now : request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (occurred.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("occurredAt", "In the future"));
        }
        UUID recipient = problems.isEmpty() ? recipient(request.step(), details, problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidCustodyRequestException(problems);
        }
        JsonNode canonicalDetails = CustodyHash.canonical(details);
        return transactions.execute(status -> recordAll(actor, request.step(), devices, request.siteId(), occurred, now,
                canonicalDetails, recipient));
    }

    private Recording recordAll(Actor actor, CustodyStep step, List<String> references, UUID siteId, Instant occurred,
            Instant now, JsonNode details, UUID recipient) {
        List<Refused> refused = new ArrayList<>();
        Map<Integer, UUID> resolved = resolve(actor, step, references, refused);
        List<UUID> ids = resolved.values().stream().distinct().sorted().toList();
        if (!ids.isEmpty()) {
            // Locked in one order, so that two recordings of overlapping devices wait for each other, never deadlock.
            jdbc.sql("select id from asset where id in (:ids) order by id for no key update").param("ids", ids)
                    .query(UUID.class).list();
        }
        Map<UUID, Loaded> states = new HashMap<>();
        load(actor, "a.id in (:ids)", Map.of("ids", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids))
                .forEach(loaded -> states.put(loaded.device().id(), loaded));
        Map<UUID, Integer> planned = new LinkedHashMap<>();
        resolved.forEach((index, id) -> {
            if (planned.containsKey(id)) {
                return;
            }
            Loaded loaded = states.get(id);
            Optional<Refusal> refusal = CustodyRules.check(loaded.state(), step, actor.organizationId(), actor.roles(),
                    loaded.readable());
            if (refusal.isEmpty() && loaded.lastOccurred() != null && occurred.isBefore(loaded.lastOccurred())) {
                refusal = Optional.of(new Refusal("before-previous"));
            }
            if (refusal.isPresent()) {
                refused.add(new Refused(index, references.get(index), id, refusal.get().code(),
                        message("custody.refused." + refusal.get().code(), stepArguments(refusal.get().arguments()))));
            } else {
                planned.put(id, index);
            }
        });
        if (!refused.isEmpty()) {
            refused.sort(Comparator.comparingInt(Refused::index));
            throw new CustodyRefusedException(refused);
        }
        List<Recorded> recorded = new ArrayList<>();
        planned.forEach((id, index) -> {
            Loaded loaded = states.get(id);
            CustodyHash.Content content = new CustodyHash.Content(UUID.randomUUID(), id, loaded.seq() + 1, step,
                    actor.userId(), actor.displayName(), actor.organizationId(), siteId, occurred, now,
                    CustodyRules.holderAfter(loaded.state(), step, actor.organizationId(), recipient), loaded.hash(),
                    details);
            String hash = CustodyHash.of(content);
            jdbc.sql("""
                    insert into custody_event (id, device_id, seq, step, user_id, user_name, organization_id, site_id,
                                               occurred_at, recorded_at, details, holder_id, previous_hash, hash)
                    values (:id, :device, :seq, :step, :user, :userName, :organization, :site, :occurred, :recorded,
                            cast(:details as jsonb), :holder, :previous, :hash)""")
                    .param("id", content.id()).param("device", id).param("seq", content.seq())
                    .param("step", step.name()).param("user", content.userId()).param("userName", content.userName())
                    .param("organization", content.organizationId()).param("site", siteId)
                    .param("occurred", Timestamp.from(occurred)).param("recorded", Timestamp.from(now))
                    .param("details", CustodyHash.write(details)).param("holder", content.holderId())
                    .param("previous", loaded.hash()).param("hash", hash)
                    .update();
            recorded.add(new Recorded(references.get(index), id, content.id(), content.seq(), hash));
        });
        return new Recording(step, recorded.size(), recorded);
    }

    /**
     * Each reference's device: its id, else its serial number or asset tag. A serial several donors share names the
     * one this organization holds or may take over; otherwise it is ambiguous.
     */
    private Map<Integer, UUID> resolve(Actor actor, CustodyStep step, List<String> references, List<Refused> refused) {
        Map<String, List<Loaded>> candidates = candidates(actor, references);
        Map<Integer, UUID> resolved = new LinkedHashMap<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            List<Loaded> matches = candidates.getOrDefault(reference, List.of());
            if (matches.size() > 1) {
                matches = matches.stream().filter(m -> takes(actor, step, m)).toList();
            }
            if (matches.size() == 1) {
                resolved.put(i, matches.get(0).device().id());
            } else {
                String code = candidates.getOrDefault(reference, List.of()).isEmpty() ? "unknown-device" : "ambiguous-device";
                refused.add(new Refused(i, reference, null, code, message("custody.refused." + code, reference)));
            }
        }
        return resolved;
    }

    /** Whether the organization holds the device, or may take it over with this step. */
    private static boolean takes(Actor actor, CustodyStep step, Loaded device) {
        CustodyStep last = device.state().last();
        return actor.organizationId().equals(device.state().currentHolder())
                || (step == CustodyStep.COLLECTED && last == CustodyStep.ANNOUNCED && actor.hasRole(OrganizationRole.COLLECTOR))
                || (step == CustodyStep.RECEIVED && last == CustodyStep.COLLECTED && actor.hasRole(OrganizationRole.WORKSHOP));
    }

    private Map<String, List<Loaded>> candidates(Actor actor, List<String> references) {
        List<UUID> ids = references.stream().map(CustodyRules::uuid).filter(Objects::nonNull).toList();
        List<String> texts = references.stream().distinct().toList();
        Map<String, List<Loaded>> candidates = new HashMap<>();
        for (Loaded loaded : load(actor, "(a.id in (:ids) or a.serial in (:texts) or a.asset_tag in (:texts))",
                Map.of("ids", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids, "texts", texts))) {
            CustodyDevice device = loaded.device();
            for (String key : new String[] {device.id().toString(), device.serial(), device.assetTag()}) {
                if (key != null && texts.contains(key)) {
                    List<Loaded> list = candidates.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!list.contains(loaded)) {
                        list.add(loaded);
                    }
                }
            }
        }
        // References by id are matched whatever their case.
        for (String reference : texts) {
            UUID id = CustodyRules.uuid(reference);
            if (id != null && !candidates.containsKey(reference)) {
                candidates.put(reference, candidates.getOrDefault(id.toString(), List.of()));
            }
        }
        return candidates;
    }

    /** What a scanner typed: the device and where it stands, if the actor may see it or take it over. */
    public Lookup lookup(Actor actor, String scanned) {
        String reference = scanned == null ? "" : scanned.strip();
        if (reference.isEmpty()) {
            return new Lookup(reference, null, message("custody.refused.unknown-device", reference));
        }
        List<Loaded> visible = candidates(actor, List.of(reference)).getOrDefault(reference, List.of()).stream()
                .filter(m -> m.readable() || takes(actor, CustodyStep.COLLECTED, m) || takes(actor, CustodyStep.RECEIVED, m))
                .toList();
        if (visible.size() == 1) {
            return new Lookup(reference, visible.get(0).device(), null);
        }
        String code = visible.isEmpty() ? "unknown-device" : "ambiguous-device";
        return new Lookup(reference, null, message("custody.refused." + code, reference));
    }

    /** A device the actor may read; 404 otherwise. */
    public CustodyDevice device(Actor actor, UUID deviceId) {
        return readable(actor, deviceId).device();
    }

    /** A device's events, oldest first. */
    public List<CustodyEvent> history(Actor actor, UUID deviceId) {
        readable(actor, deviceId);
        return jdbc.sql("""
                select e.id, e.device_id, e.seq, e.step, e.occurred_at, e.recorded_at, e.user_id, e.user_name,
                       e.organization_id, o.name, e.site_id, s.name, e.holder_id, h.name, e.details::text,
                       e.previous_hash, e.hash
                  from custody_event e
                  left join organization o on o.id = e.organization_id
                  left join site s on s.id = e.site_id
                  left join organization h on h.id = e.holder_id
                 where e.device_id = ? order by e.seq""")
                .param(deviceId)
                .query((rs, n) -> new CustodyEvent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        CustodyStep.valueOf(rs.getString(4)), instant(rs, 5), instant(rs, 6), rs.getObject(7, UUID.class),
                        rs.getString(8), rs.getObject(9, UUID.class), rs.getString(10), rs.getObject(11, UUID.class),
                        rs.getString(12), rs.getObject(13, UUID.class), rs.getString(14),
                        CustodyHash.read(rs.getString(15)), rs.getString(16), rs.getString(17)))
                .list();
    }

    /**
     * Recomputes every event's hash from its stored content and checks each one's link to the previous: the first
     * event that fails is named.
     */
    public Verification verify(Actor actor, UUID deviceId) {
        readable(actor, deviceId);
        return chain(deviceId);
    }

    /** The verification of a device's chain, for whoever already may know of it (a wipe certificate's reader). */
    Verification chain(UUID deviceId) {
        List<Stored> events = jdbc.sql("select " + CustodyHash.COLUMNS + " from custody_event where device_id = ? order by seq")
                .param(deviceId)
                .query((rs, n) -> new Stored(CustodyHash.content(rs), rs.getString("hash")))
                .list();
        String previous = null;
        int expected = 1;
        for (Stored event : events) {
            CustodyHash.Content content = event.content();
            String reason = null;
            if (content.seq() != expected) {
                reason = "missing-event";
            } else if (!Objects.equals(content.previousHash(), previous)) {
                reason = "broken-link";
            } else if (!CustodyHash.of(content).equals(event.hash())) {
                reason = "content-changed";
            }
            if (reason != null) {
                return new Verification(false, events.size(), new Broken(content.id(), content.seq(), content.step(), reason));
            }
            previous = event.hash();
            expected = content.seq() + 1;
        }
        return new Verification(true, events.size(), null);
    }

    /** An event as stored, with the hash stored next to it. */
    private record Stored(CustodyHash.Content content, String hash) {
    }

    /** The devices of a lot (a {@link LotId}) the actor may read; 404 if none. */
    public Lot lot(Actor actor, String lotId) {
        LotId lot = LotId.parse(lotId).orElseThrow(() -> new NotFoundException("lot", lotId));
        Map<String, Object> params = new HashMap<>();
        params.put("donor", lot.donorId());
        params.put("site", lot.siteId());
        params.put("month", lot.month().toString());
        params.put("category", lot.category());
        List<CustodyDevice> devices = load(actor, """
                a.organization_id = :donor and a.site_id is not distinct from cast(:site as uuid)
                and to_char(a.forecast_date, 'YYYY-MM') = :month and a.category = :category""", params).stream()
                .filter(Loaded::readable).map(Loaded::device).toList();
        if (devices.isEmpty()) {
            throw new NotFoundException("lot", lotId);
        }
        return new Lot(lotId, devices);
    }

    /** The sites of the actor's organization, where its steps happen. */
    public List<Site> sites(Actor actor) {
        return jdbc.sql("select id, name from site where organization_id = ? order by name")
                .param(actor.organizationId()).query(Site.class).list();
    }

    /** A site of the actor's organization. */
    public record Site(UUID id, String name) {
    }

    private Loaded readable(Actor actor, UUID deviceId) {
        return load(actor, "a.id = :id", Map.of("id", deviceId)).stream().filter(Loaded::readable).findFirst()
                .orElseThrow(() -> new NotFoundException("device", deviceId));
    }

    private boolean ownSite(Actor actor, UUID siteId) {
        return jdbc.sql("select count(*) from site where id = ? and organization_id = ?")
                .params(siteId, actor.organizationId()).query(Long.class).single() > 0;
    }

    /** A sale's buyer or a gift's recipient in Boucle, if the details name one (it must exist). */
    private UUID recipient(CustodyStep step, JsonNode details, List<FieldProblem> problems) {
        String field = step == CustodyStep.SOLD ? "buyerOrganizationId"
                : step == CustodyStep.DONATED ? "recipientOrganizationId" : null;
        UUID recipient = field == null ? null : CustodyRules.uuid(details.path(field).asText());
        if (recipient != null && jdbc.sql("select count(*) from organization where id = ?").param(recipient)
                .query(Long.class).single() == 0) {
            problems.add(new FieldProblem("details." + field, "No such organization"));
        }
        return recipient;
    }

    private List<Loaded> load(Actor actor, String condition, Map<String, ?> params) {
        return jdbc.sql(DEVICES + " where " + condition + " order by a.id")
                .params(params)
                .param("coordinator", actor.isCoordinator()).param("org", actor.organizationId())
                .query((rs, n) -> {
                    String last = rs.getString("step");
                    CustodyStep step = last == null ? null : CustodyStep.valueOf(last);
                    UUID donor = rs.getObject("organization_id", UUID.class);
                    UUID holder = step == null ? donor : rs.getObject("holder_id", UUID.class);
                    String model = rs.getString("model");
                    String name = model == null || model.isBlank() ? rs.getString("name") : model;
                    CustodyDevice device = new CustodyDevice(rs.getObject("id", UUID.class), name, rs.getString("serial"),
                            rs.getString("asset_tag"), rs.getString("category"), donor, rs.getString("donor"), step,
                            holder, rs.getString("holder"));
                    return new Loaded(device, new DeviceState(donor, step, rs.getObject("holder_id", UUID.class),
                            rs.getBoolean("wiped"), rs.getBoolean("graded")), rs.getInt("seq"), rs.getString("hash"),
                            rs.getObject("occurred_at") == null ? null : instant(rs, rs.findColumn("occurred_at")),
                            rs.getBoolean("readable"));
                })
                .list();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Steps named in a refusal, in the reader's language. */
    private Object[] stepArguments(Object[] arguments) {
        Object[] shown = arguments.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof CustodyStep step) {
                shown[i] = message("custody.step." + step.name());
            }
        }
        return shown;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
