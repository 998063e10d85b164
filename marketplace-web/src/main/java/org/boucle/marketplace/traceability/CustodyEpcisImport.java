package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.traceability.EpcisImportRejectedException.EventProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * EPCIS 2.0 documents from a workshop's or collector's own traceability system, recorded as custody events by the
 * organization that sends them, all or nothing. The document must validate against GS1's JSON schema; each
 * ObjectEvent (TransformationEvent for dismantling) names Boucle devices as the export does ({@code urn:uuid:<id>}),
 * its bizStep maps back to a step ({@link CustodyEpcis#step}), eventTime is when it happened, readPoint or bizLocation
 * a site of the sender ({@code urn:uuid:<id>}), {@code boucle:details} the step's details; a sale's or gift's
 * possessing party names the buyer or recipient. Each is recorded through {@link CustodyEvents}, so the same rules
 * and the hash chain apply; the event's eventID goes into the details, and an event already imported for a device is
 * refused rather than recorded twice.
 */
@Service
public class CustodyEpcisImport {

    static final int MAX_EVENTS = 1000;
    private static final Pattern UUID_URN = Pattern.compile("urn:uuid:([0-9a-fA-F-]{36})");
    private static final Pattern EVENT_INDEX = Pattern.compile("^epcisBody\\.eventList\\[(\\d+)]");

    private final CustodyEvents events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonSchema schema;

    CustodyEpcisImport(CustodyEvents events, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            ObjectMapper json) {
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.schema = gs1Schema(json);
    }

    /** One imported event: its index in the document, its eventID, and what was recorded. */
    public record ImportedEvent(int index, String eventID, CustodyStep step, List<CustodyEvents.Recorded> recorded) {
    }

    /** What an import recorded. */
    public record Imported(int events, int recorded, List<ImportedEvent> results) {
    }

    /** An event read, ready to record; epcField names its devices' list (epcList, or inputEPCList). */
    private record Mapped(int index, String eventID, String epcField, NewCustodyEvents request) {
    }

    /** Records every event of the document in order, or none: see {@link EpcisImportRejectedException}. */
    public Imported importDocument(Actor actor, JsonNode document) {
        List<EventProblem> problems = new ArrayList<>();
        if (document == null || !document.isObject() || !"EPCISDocument".equals(document.path("type").asText())) {
            throw new EpcisImportRejectedException(false, List.of(new EventProblem(null, null, "type", "not-epcis",
                    "Expected an EPCIS 2.0 JSON-LD document: {\"type\": \"EPCISDocument\", ...}")));
        }
        JsonNode list = document.path("epcisBody").path("eventList");
        if (list.size() > MAX_EVENTS) {
            throw new EpcisImportRejectedException(false, List.of(new EventProblem(null, null, "epcisBody.eventList",
                    "too-many-events", "At most " + MAX_EVENTS + " events at once")));
        }
        for (ValidationMessage message : schema.validate(document)) {
            problems.add(schemaProblem(list, message));
        }
        if (!list.isArray() || list.isEmpty()) {
            problems.add(new EventProblem(null, null, "epcisBody.eventList", "no-events", "Required: at least one event"));
        }
        List<Mapped> mapped = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        List<EventProblem> mapping = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            map(i, list.get(i), eventIds, mapping).ifPresent(mapped::add);
        }
        // What the schema already said of a field is not said twice.
        Set<String> reported = new HashSet<>(problems.stream().map(EventProblem::field).toList());
        mapping.stream().filter(p -> !reported.contains(p.field())).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new EpcisImportRejectedException(false, sorted(problems));
        }
        List<ImportedEvent> results = new ArrayList<>();
        List<EventProblem> refused = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (Mapped event : mapped) {
                record(actor, event, results, refused);
            }
            if (!refused.isEmpty()) {
                // Every event was tried, so that each refused one is reported; none of them stays.
                status.setRollbackOnly();
            }
        });
        if (!refused.isEmpty()) {
            throw new EpcisImportRejectedException(true, sorted(refused));
        }
        return new Imported(results.size(), results.stream().mapToInt(r -> r.recorded().size()).sum(), results);
    }

    private void record(Actor actor, Mapped event, List<ImportedEvent> results, List<EventProblem> refused) {
        List<UUID> devices = event.request().devices().stream().map(UUID::fromString).toList();
        String eventId = event.eventID();
        if (eventId != null) {
            UUID own = uuid(eventId);
            List<UUID> already = jdbc.sql("""
                    select distinct device_id from custody_event where device_id in (:devices)
                       and (details ->> 'epcisEventId' = :eventId or id = :own) order by device_id""")
                    .param("devices", devices).param("eventId", eventId).param("own", own == null ? new UUID(0, 0) : own)
                    .query(UUID.class).list();
            if (!already.isEmpty()) {
                already.forEach(device -> refused.add(new EventProblem(event.index(), eventId,
                        field(event.index(), "eventID"), "already-imported",
                        "urn:uuid:" + device + ": this event is already in the device's custody")));
                return;
            }
        }
        try {
            CustodyEvents.Recording recording = events.record(actor, event.request());
            results.add(new ImportedEvent(event.index(), eventId, recording.step(), recording.events()));
        } catch (CustodyRefusedException e) {
            e.refused().forEach(r -> refused.add(new EventProblem(event.index(), eventId,
                    field(event.index(), event.epcField() + "[" + r.index() + "]"), r.code(),
                    "urn:uuid:" + r.device() + ": " + r.reason())));
        } catch (InvalidCustodyRequestException e) {
            e.problems().forEach(p -> refused.add(new EventProblem(event.index(), eventId,
                    field(event.index(), documentField(p.field(), event.epcField())), "invalid", p.message())));
        }
    }

    /** Where in the event a field of the recording request came from. */
    private static String documentField(String field, String epcField) {
        return switch (field) {
            case "devices" -> epcField;
            case "siteId" -> "bizLocation.id";
            case "occurredAt" -> "eventTime";
            default -> field.replaceFirst("^details", "boucle:details");
        };
    }

    /** The event as a recording request, or its problems. */
    private Optional<Mapped> map(int index, JsonNode event, Set<String> eventIds, List<EventProblem> problems) {
        int before = problems.size();
        String eventId = event.hasNonNull("eventID") ? event.path("eventID").asText() : null;
        if (eventId != null && !eventIds.add(eventId)) {
            problems.add(problem(index, eventId, "eventID", "duplicate-event", "Another event of the document has this eventID"));
        }
        String type = event.path("type").asText();
        boolean transformation = "TransformationEvent".equals(type);
        if (!transformation && !"ObjectEvent".equals(type)) {
            problems.add(problem(index, eventId, "type", "unsupported-event",
                    "Only ObjectEvents, and TransformationEvents for dismantling, are custody steps"));
            return Optional.empty();
        }
        String epcField = transformation ? "inputEPCList" : "epcList";
        List<String> devices = new ArrayList<>();
        JsonNode epcs = event.path(epcField);
        for (int j = 0; j < epcs.size(); j++) {
            UUID device = uuid(epcs.get(j).asText());
            if (device == null) {
                problems.add(problem(index, eventId, epcField + "[" + j + "]", "unknown-epc",
                        "Not a Boucle device: expected urn:uuid:<device id>, as the export names them"));
            } else {
                devices.add(device.toString());
            }
        }
        if (epcs.isEmpty()) {
            problems.add(problem(index, eventId, epcField, "no-devices", "Required: the devices, as urn:uuid:<device id>"));
        }
        JsonNode details = event.path("boucle:details");
        if (!details.isMissingNode() && !details.isObject()) {
            problems.add(problem(index, eventId, "boucle:details", "invalid", "An object: the step's details"));
        }
        ObjectNode copy = details.isObject() ? details.deepCopy() : JsonNodeFactory.instance.objectNode();
        JsonNode boucleStep = event.path("boucle:step");
        Optional<CustodyStep> step = CustodyEpcis.step(event.path("bizStep").asText(null),
                boucleStep.isTextual() ? boucleStep.asText() : null, copy);
        if (step.isEmpty()) {
            problems.add(problem(index, eventId, "bizStep", "unknown-bizstep", boucleStep.isTextual()
                    ? "bizStep " + event.path("bizStep").asText() + " is not that of boucle:step " + boucleStep.asText()
                    : "Not a custody step; one of " + CustodyEpcis.bizSteps()));
        } else if (transformation != (step.get() == CustodyStep.DISMANTLED)) {
            problems.add(problem(index, eventId, "type", "unsupported-event",
                    "Dismantling is a TransformationEvent, every other step an ObjectEvent"));
        }
        Instant occurred = null;
        try {
            occurred = OffsetDateTime.parse(event.path("eventTime").asText()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(problem(index, eventId, "eventTime", "invalid", "Required: an RFC 3339 date-time with its offset"));
        }
        UUID site = null;
        for (String location : List.of("bizLocation", "readPoint")) {
            JsonNode id = event.path(location).path("id");
            if (id.isTextual() && site == null) {
                site = uuid(id.asText());
                if (site == null) {
                    problems.add(problem(index, eventId, location + ".id", "unknown-location",
                            "Not a Boucle site: expected urn:uuid:<site id>"));
                }
            }
        }
        if (step.isPresent()) {
            // A sale's or gift's new possessor, where the details do not name one.
            String field = step.get() == CustodyStep.SOLD ? "buyerOrganizationId"
                    : step.get() == CustodyStep.DONATED ? "recipientOrganizationId" : null;
            JsonNode destination = event.path("destinationList").path(0).path("destination");
            if (field != null && !copy.has(field) && destination.isTextual() && uuid(destination.asText()) != null) {
                copy.put(field, uuid(destination.asText()).toString());
            }
        }
        if (eventId != null) {
            copy.put("epcisEventId", eventId);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Mapped(index, eventId, epcField,
                new NewCustodyEvents(devices, step.get(), site, occurred, copy)));
    }

    /** A schema violation, placed on its event when it is inside one, its field named as the import's own. */
    private static EventProblem schemaProblem(JsonNode list, ValidationMessage message) {
        // The validator points with a JSON pointer (/epcisBody/eventList/3/bizStep): epcisBody.eventList[3].bizStep.
        StringBuilder field = new StringBuilder();
        for (String segment : message.getInstanceLocation().toString().split("/")) {
            if (segment.matches("\\d+")) {
                field.append('[').append(segment).append(']');
            } else if (!segment.isEmpty()) {
                field.append(field.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        Matcher matcher = EVENT_INDEX.matcher(field);
        Integer index = matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
        String eventId = index == null ? null : list.path(index).path("eventID").asText(null);
        return new EventProblem(index, eventId, field.isEmpty() ? "document" : field.toString(), "schema",
                message.getMessage());
    }

    private static EventProblem problem(int index, String eventId, String field, String code, String reason) {
        return new EventProblem(index, eventId, field(index, field), code, reason);
    }

    private static String field(int index, String field) {
        return "epcisBody.eventList[" + index + "]." + field;
    }

    private static List<EventProblem> sorted(List<EventProblem> problems) {
        return problems.stream().sorted(Comparator.comparing(EventProblem::index,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }

    private static UUID uuid(String value) {
        Matcher matcher = UUID_URN.matcher(value == null ? "" : value.strip());
        return matcher.matches() ? CustodyRules.uuid(matcher.group(1)) : null;
    }

    /** GS1's EPCIS 2.0 JSON schema (draft 7), shipped with the application so that imports are checked against it. */
    private static JsonSchema gs1Schema(ObjectMapper json) {
        try (InputStream in = Objects.requireNonNull(CustodyEpcisImport.class.getResourceAsStream(
                "/epcis/EPCIS-JSON-Schema.json"), "the GS1 schema is in src/main/resources/epcis")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(json.readTree(in), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
