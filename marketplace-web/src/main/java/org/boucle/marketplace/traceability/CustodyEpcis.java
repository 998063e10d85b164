package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Custody events as an EPCIS 2.0 JSON-LD document (GS1), so that a donor's or a workshop's own traceability system can
 * read them. Devices, organizations and sites are named {@code urn:uuid:<id>}; each step maps to a CBV business step
 * and disposition, or to Boucle's vocabulary ({@code boucle:}, {@value #VOCABULARY}) where the CBV has none (data
 * wiping, donating). Handovers carry the previous and next holder as possessing parties; dismantling is a
 * TransformationEvent. The event's custody hash travels as {@code boucle:hash}.
 */
@Service
public class CustodyEpcis {

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    static final String VOCABULARY = "urn:boucle:epcis:";
    private static final String GS1_BIZSTEP = "https://ref.gs1.org/cbv/BizStep-";
    /** Step: CBV business step and disposition (or Boucle's). */
    private static final Map<CustodyStep, String[]> CBV = Map.ofEntries(
            Map.entry(CustodyStep.ANNOUNCED, new String[] {"decommissioning", "inactive"}),
            Map.entry(CustodyStep.COLLECTED, new String[] {"collecting", "in_transit"}),
            Map.entry(CustodyStep.RECEIVED, new String[] {"receiving", "in_progress"}),
            Map.entry(CustodyStep.SORTED, new String[] {"inspecting", "in_progress"}),
            Map.entry(CustodyStep.DATA_WIPED, new String[] {"boucle:data_wiping", "in_progress"}),
            Map.entry(CustodyStep.GRADED, new String[] {"inspecting", "in_progress"}),
            Map.entry(CustodyStep.REFURBISHED, new String[] {"repairing", "in_progress"}),
            Map.entry(CustodyStep.LISTED, new String[] {"stocking", "sellable_accessible"}),
            Map.entry(CustodyStep.RESERVED, new String[] {"reserving", "reserved"}),
            Map.entry(CustodyStep.SOLD, new String[] {"retail_selling", "retail_sold"}),
            Map.entry(CustodyStep.DONATED, new String[] {"boucle:donating", "boucle:donated"}),
            Map.entry(CustodyStep.RECYCLED, new String[] {"destroying", "destroyed"}),
            Map.entry(CustodyStep.DISMANTLED, new String[] {"disassembling", "disposed"}));
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    CustodyEpcis(JdbcClient jdbc, Clock clock, CustodyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /**
     * The events of a donor's devices (its members and coordinators) or of one device (whoever may read it) that
     * happened between two days, inclusive, in the territory's time zone.
     */
    public ObjectNode export(Actor actor, UUID donorId, UUID deviceId, LocalDate from, LocalDate to) {
        if ((donorId == null) == (deviceId == null)) {
            throw new InvalidInputException("donorId", "Give either donorId or deviceId");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "Before from");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("from", Timestamp.from(from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant()));
        params.put("until", Timestamp.from(to == null ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(1).atStartOfDay(zone).toInstant()));
        String scope;
        if (donorId != null) {
            if (!actor.mayAccess(donorId)) {
                throw new NotFoundException("donor", donorId);
            }
            scope = "a.organization_id = :scope";
            params.put("scope", donorId);
        } else {
            if (!readable(actor, deviceId)) {
                throw new NotFoundException("device", deviceId);
            }
            scope = "a.id = :scope";
            params.put("scope", deviceId);
        }
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        // The holder before each event (the previous event's, the donor before the first) makes the change of hands.
        jdbc.sql("""
                select * from (
                    select e.id, e.device_id, e.step, e.occurred_at, e.recorded_at, e.organization_id, e.site_id,
                           e.holder_id, e.details::text details, e.hash, e.seq,
                           case when e.seq = 1 then a.organization_id
                                else lag(e.holder_id) over (partition by e.device_id order by e.seq) end holder_before
                      from custody_event e join asset a on a.id = e.device_id
                     where %s
                ) e where e.occurred_at >= :from and e.occurred_at < :until order by e.occurred_at, e.device_id, e.seq"""
                .formatted(scope))
                .params(params)
                .query((rs, n) -> event(CustodyStep.valueOf(rs.getString("step")), rs.getObject("id", UUID.class),
                        rs.getObject("device_id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("organization_id", UUID.class), rs.getObject("site_id", UUID.class),
                        rs.getObject("holder_before", UUID.class),
                        rs.getObject("holder_id", UUID.class), CustodyHash.read(rs.getString("details")),
                        rs.getString("hash")))
                .list()
                .forEach(events::add);
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray("@context").add(CONTEXT).addObject().put("boucle", VOCABULARY);
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", clock.instant().toString());
        document.putObject("epcisBody").set("eventList", events);
        return document;
    }

    private ObjectNode event(CustodyStep step, UUID id, UUID device, Instant occurred, Instant recorded, UUID organization,
            UUID site, UUID holderBefore, UUID holderAfter, JsonNode details, String hash) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        boolean dismantled = step == CustodyStep.DISMANTLED;
        event.put("type", dismantled ? "TransformationEvent" : "ObjectEvent");
        event.put("eventID", urn(id));
        // Always with seconds: RFC 3339 wants them, where OffsetDateTime.toString() drops zero seconds.
        event.put("eventTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurred.atZone(zone)));
        event.put("recordTime", recorded.toString());
        event.put("eventTimeZoneOffset", occurred.atZone(zone).format(OFFSET));
        if (dismantled) {
            event.putArray("inputEPCList").add(urn(device));
            // The parts are not identified yet: the transformation's id is what later events about them can cite.
            event.put("transformationID", urn(id));
        } else {
            event.putArray("epcList").add(urn(device));
            event.put("action", "OBSERVE");
        }
        event.put("bizStep", CBV.get(step)[0]);
        event.put("disposition", CBV.get(step)[1]);
        if (site != null) {
            event.putObject("readPoint").put("id", urn(site));
            event.putObject("bizLocation").put("id", urn(site));
        }
        if (holderBefore != null && holderAfter != null && !holderBefore.equals(holderAfter)) {
            event.putArray("sourceList").addObject().put("type", "possessing_party").put("source", urn(holderBefore));
            event.putArray("destinationList").addObject().put("type", "possessing_party")
                    .put("destination", urn(holderAfter));
        } else if (holderBefore != null && holderAfter == null) {
            event.putArray("sourceList").addObject().put("type", "possessing_party").put("source", urn(holderBefore));
        }
        event.put("boucle:step", step.name());
        event.put("boucle:recordedBy", urn(organization));
        event.put("boucle:hash", hash);
        if (!details.isEmpty()) {
            event.set("boucle:details", details);
        }
        return event;
    }

    /**
     * The step an imported event's business step stands for: the inverse of the export's table. A bizStep is read in
     * its bare CBV form ({@code receiving}), as a GS1 web vocabulary URI, or Boucle's ({@code boucle:data_wiping}). Where two
     * steps share one (inspecting: sorting and grading), Boucle's own {@code boucle:step} decides, else a grade in the
     * details makes it a grading. A {@code boucle:step} that contradicts the bizStep is no step at all.
     */
    static Optional<CustodyStep> step(String bizStep, String boucleStep, JsonNode details) {
        String term = bizStep == null ? "" : bizStep.strip();
        // GS1's schema refuses the EPCIS 1.x URNs in JSON; its web vocabulary's URIs stand for the bare terms.
        if (term.startsWith(GS1_BIZSTEP)) {
            term = term.substring(GS1_BIZSTEP.length());
        }
        if (term.startsWith(VOCABULARY)) {
            term = "boucle:" + term.substring(VOCABULARY.length());
        }
        String bare = term;
        List<CustodyStep> candidates = Arrays.stream(CustodyStep.values()).filter(s -> CBV.get(s)[0].equals(bare))
                .toList();
        if (boucleStep != null) {
            return candidates.stream().filter(s -> s.name().equals(boucleStep)).findFirst();
        }
        if (candidates.size() > 1) {
            return Optional.of(details.hasNonNull("grade") ? CustodyStep.GRADED : CustodyStep.SORTED);
        }
        return candidates.stream().findFirst();
    }

    /** The business steps an import understands, bare. */
    static List<String> bizSteps() {
        return Arrays.stream(CustodyStep.values()).map(s -> CBV.get(s)[0]).distinct().toList();
    }

    private boolean readable(Actor actor, UUID deviceId) {
        return actor.isCoordinator() || jdbc.sql("""
                select count(*) from asset a where a.id = :id and (a.organization_id = :org or exists (
                    select 1 from custody_event r where r.device_id = a.id and (r.organization_id = :org or r.holder_id = :org)))""")
                .param("id", deviceId).param("org", actor.organizationId()).query(Long.class).single() > 0;
    }

    private static String urn(UUID id) {
        return "urn:uuid:" + id;
    }
}
