package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Chain of custody", description = "Devices' custody events, hash-chained and anchored daily")
class CustodyApiController {

    private final CustodyEvents events;
    private final CustodyAnchors anchors;
    private final CustodyEpcis epcis;
    private final CustodyEpcisImport epcisImport;

    CustodyApiController(CustodyEvents events, CustodyAnchors anchors, CustodyEpcis epcis,
            CustodyEpcisImport epcisImport) {
        this.events = events;
        this.anchors = anchors;
        this.epcis = epcis;
        this.epcisImport = epcisImport;
    }

    /** A day to anchor. */
    record AnchorRequest(LocalDate day) {
    }

    @PostMapping("/api/v1/custody/events")
    @Operation(summary = "Record one step for many devices, all or nothing", description = """
            Body {devices: [id, serial number or asset tag...] (1 to 1000), step, siteId?, occurredAt?, details?}.
            step: ANNOUNCED, COLLECTED, RECEIVED, SORTED, DATA_WIPED, GRADED, REFURBISHED, LISTED, RESERVED, SOLD,
            DONATED, RECYCLED, DISMANTLED. details per step: DATA_WIPED {method (NIST_800_88_CLEAR|PURGE|DESTROY,
            IEEE_2883_CLEAR|PURGE|DESTRUCT), tool, operator, result (SUCCESS|FAILURE), media: [{serial, type?}]};
            GRADED {grade A|B|C}; RECYCLED {weeeChannel}; COLLECTED {routeRef?, vehicleRef?}; REFURBISHED
            {partsReplaced?: [...]}; SOLD {buyerOrganizationId?}; DONATED {recipientOrganizationId?} (left out: the
            recipient stays anonymous). Only the holder records a step, except COLLECTED (a collector, on an announced
            device) and RECEIVED (a workshop, on a collected device). Invalid fields: 400 with errors; devices that
            cannot take the step: 422 custody-refused with refused: [{index, device, deviceId?, code, reason}], and
            nothing is recorded.""")
    ResponseEntity<CustodyEvents.Recording> record(Actor actor, @RequestBody NewCustodyEvents request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(events.record(actor, request));
    }

    @GetMapping("/api/v1/devices/{id}")
    @Operation(summary = "A device and where it stands",
            description = "Coordinators, its donor and the organizations that recorded or held it; others get 404.")
    CustodyDevice device(Actor actor, @PathVariable UUID id) {
        return events.device(actor, id);
    }

    @GetMapping("/api/v1/devices/{id}/custody")
    @Operation(summary = "A device's custody events, oldest first, each with its hash and the previous one's")
    List<CustodyEvent> custody(Actor actor, @PathVariable UUID id) {
        return events.history(actor, id);
    }

    @GetMapping("/api/v1/devices/{id}/custody/verify")
    @Operation(summary = "Recompute a device's hash chain", description = """
            {valid, events, brokenAt?}: brokenAt names the first event whose content no longer matches its hash
            (content-changed), whose link to the previous one is broken (broken-link) or that follows a removed event
            (missing-event).""")
    CustodyEvents.Verification verify(Actor actor, @PathVariable UUID id) {
        return events.verify(actor, id);
    }

    @GetMapping("/api/v1/custody/lots/{lotId}")
    @Operation(summary = "The devices of a lot and their current steps", description = """
            lotId: an upcoming lot's id (a listing's sourceLotId), donorId:siteId:YYYY-MM:CATEGORY. Only the devices
            you may read; none: 404.""")
    CustodyEvents.Lot lot(Actor actor, @PathVariable String lotId) {
        return events.lot(actor, lotId);
    }

    @PostMapping("/api/v1/custody/anchors")
    @Operation(summary = "Anchor a past day's log (coordinators)", description = """
            Body {day}. The nightly job anchors yesterday; this anchors a day it missed. An anchored day keeps its
            first anchor.""")
    ResponseEntity<CustodyAnchors.Anchor> anchor(Actor actor, @RequestBody AnchorRequest request) {
        if (request.day() == null) {
            throw new InvalidInputException("day", "Required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(anchors.anchor(actor, request.day()));
    }

    @GetMapping("/api/v1/custody/anchors/{day}")
    @Operation(summary = "A day's anchor: events, digest, Ed25519 signature and public key")
    CustodyAnchors.Anchor anchor(@PathVariable LocalDate day) {
        return anchors.get(day);
    }

    @GetMapping("/api/v1/custody/anchors/{day}/verify")
    @Operation(summary = "Check a day's anchor against the events stored now",
            description = "{day, valid, anchoredEvents, events, digestMatches, signatureValid}")
    CustodyAnchors.AnchorVerification verifyAnchor(@PathVariable LocalDate day) {
        return anchors.verify(day);
    }

    @GetMapping(value = "/api/v1/epcis/events", produces = {"application/ld+json", "application/json"})
    @Operation(summary = "Custody events as an EPCIS 2.0 JSON-LD document", description = """
            donorId (the donor's members and coordinators) or deviceId (whoever may read the device); from and to: days,
            inclusive (YYYY-MM-DD, Paris time), on when the steps happened. ObjectEvents with the CBV's bizStep and
            disposition (Boucle's own boucle: terms for data wiping and donating), readPoint and bizLocation for the
            site, sourceList and destinationList (possessing_party) for changes of hands; dismantling is a
            TransformationEvent. Devices, organizations and sites are urn:uuid: ids.""")
    ObjectNode epcis(Actor actor, @RequestParam(required = false) UUID donorId,
            @RequestParam(required = false) UUID deviceId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return epcis.export(actor, donorId, deviceId, from, to);
    }

    @PostMapping(value = "/api/v1/epcis/events", consumes = {"application/ld+json", "application/json"})
    @Operation(summary = "Record the events of an EPCIS 2.0 JSON-LD document, all or nothing", description = """
            From a workshop's or collector's own system, recorded as the caller's custody steps. The document must
            validate against GS1's EPCIS 2.0 JSON schema; at most 1000 events, recorded in order. Each ObjectEvent
            (TransformationEvent for dismantling) names devices as the export does (epcList: urn:uuid:<device id>);
            bizStep maps back to the step as the export maps it (inspecting: boucle:step decides, else a grade in the
            details makes it GRADED, else SORTED); eventTime is when it happened; readPoint or bizLocation a site of
            the caller (urn:uuid:<site id>); boucle:details the step's details as POST /api/v1/custody/events takes
            them; for a sale or gift, destinationList's possessing party names the buyer or recipient. The rules and
            the hash chain apply as to any step; each event's eventID is kept in its details (epcisEventId) and an
            event already imported for a device is refused. A malformed document: 400 epcis-invalid; steps that
            cannot be recorded: 422 epcis-refused; both list events: [{index, eventID, field, code, reason}] and
            nothing is recorded.""")
    ResponseEntity<CustodyEpcisImport.Imported> importEpcis(Actor actor, @RequestBody JsonNode document) {
        return ResponseEntity.status(HttpStatus.CREATED).body(epcisImport.importDocument(actor, document));
    }

    @ExceptionHandler(EpcisImportRejectedException.class)
    ProblemDetail epcisRejected(EpcisImportRejectedException e) {
        ProblemDetail problem = e.refused()
                ? Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "epcis-refused", "Events refused", e.getMessage())
                : Problems.of(HttpStatus.BAD_REQUEST, "epcis-invalid", "Invalid EPCIS document", e.getMessage());
        problem.setProperty("events", e.problems());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> new Problems.FieldProblem(p.field(), p.reason())).toList());
        return problem;
    }

    @ExceptionHandler(InvalidCustodyRequestException.class)
    ProblemDetail invalid(InvalidCustodyRequestException e) {
        return Problems.invalid("Some fields are invalid", e.problems());
    }

    @ExceptionHandler(CustodyRefusedException.class)
    ProblemDetail refused(CustodyRefusedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "custody-refused", "Step refused",
                e.refused().size() + " device(s) cannot take this step; nothing was recorded");
        problem.setProperty("refused", e.refused());
        problem.setProperty("errors", e.refused().stream()
                .map(r -> new Problems.FieldProblem("devices[" + r.index() + "]", r.device() + ": " + r.reason()))
                .toList());
        return problem;
    }
}
