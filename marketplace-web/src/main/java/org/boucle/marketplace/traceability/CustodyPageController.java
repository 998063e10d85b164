package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scan page, where collectors and workshops record a step for the devices they scan (a keyboard-wedge scanner
 * types a serial number and presses Enter), and the pages of a device's and a lot's custody.
 */
@Controller
class CustodyPageController {

    /** Steps recorded from the scan page; a wipe comes with each medium's serial, from the wiping tool's report (API). */
    private static final List<CustodyStep> SCAN_STEPS = List.copyOf(EnumSet.complementOf(EnumSet.of(CustodyStep.DATA_WIPED)));
    /** The details the scan page's form offers, by step. */
    private static final List<String> DETAIL_FIELDS = List.of("routeRef", "vehicleRef", "grade", "weeeChannel",
            "partsReplaced");

    private final CustodyEvents events;
    private final MessageSource messages;
    private final CustodyProperties properties;
    private final WipeCertificates certificates;

    CustodyPageController(CustodyEvents events, MessageSource messages, CustodyProperties properties,
            WipeCertificates certificates) {
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        this.certificates = certificates;
    }

    /** A detail of an event as the timeline shows it. */
    record Detail(String label, String value) {
    }

    /** An event and its details, ready to show. */
    record TimelineEntry(CustodyEvent event, List<Detail> details) {
    }

    @GetMapping("/custody/scan")
    String scan(Actor actor, @RequestParam(required = false) Integer recorded,
            @RequestParam(required = false) CustodyStep step, Model model) {
        if (recorded != null && step != null) {
            model.addAttribute("done", message("custody.scan.recorded", recorded, message("custody.step." + step)));
        }
        return scanPage(actor, List.of(), step, null, Map.of(), List.of(), model);
    }

    @PostMapping("/custody/scan/lookup")
    String lookup(Actor actor, @RequestParam(defaultValue = "") String scanned, Model model) {
        model.addAttribute("item", events.lookup(actor, scanned));
        return "custody-scan :: item";
    }

    @PostMapping("/custody/scan")
    String record(Actor actor, @RequestParam(name = "devices", required = false) List<String> devices,
            @RequestParam(required = false) CustodyStep step, @RequestParam(required = false) UUID siteId,
            @RequestParam Map<String, String> params, Model model) {
        List<String> scanned = devices == null ? List.of() : devices;
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        for (String field : DETAIL_FIELDS) {
            String value = params.getOrDefault(field, "").strip();
            if (value.isEmpty()) {
                continue;
            }
            if (field.equals("partsReplaced")) {
                Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .forEach(details.putArray(field)::add);
            } else {
                details.put(field, value);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        try {
            CustodyEvents.Recording recording = events.record(actor,
                    new NewCustodyEvents(scanned, step, siteId, null, details));
            return "redirect:/custody/scan?recorded=" + recording.recorded() + "&step=" + step;
        } catch (InvalidCustodyRequestException e) {
            e.problems().forEach(p -> errors.merge(p.field().replace("details.", ""), p.message(), (a, b) -> a + " " + b));
        } catch (CustodyRefusedException e) {
            // The list holds devices by id: name them as the scanner's user knows them.
            e.refused().forEach(r -> refused.add(label(actor, r.device()) + " : " + r.reason()));
        }
        List<CustodyEvents.Lookup> items = scanned.stream().map(device -> events.lookup(actor, device)).toList();
        return scanPage(actor, items, step, siteId, errors, refused, model);
    }

    private String scanPage(Actor actor, List<CustodyEvents.Lookup> items, CustodyStep step, UUID siteId,
            Map<String, String> errors, List<String> refused, Model model) {
        model.addAttribute("items", items);
        model.addAttribute("steps", SCAN_STEPS);
        model.addAttribute("step", step);
        model.addAttribute("sites", events.sites(actor));
        model.addAttribute("siteId", siteId);
        model.addAttribute("errors", errors);
        model.addAttribute("refused", refused);
        return "custody-scan";
    }

    @GetMapping("/devices/{id}")
    String device(Actor actor, @PathVariable UUID id, Model model) {
        CustodyDevice device = events.device(actor, id);
        model.addAttribute("device", device);
        model.addAttribute("timeline", events.history(actor, id).stream()
                .map(event -> new TimelineEntry(event, details(event.details()))).toList());
        model.addAttribute("verification", events.verify(actor, id));
        model.addAttribute("zone", properties.zone());
        model.addAttribute("wipeCertificate", certificates.wipe(actor, id).isPresent());
        return "custody-device";
    }

    @GetMapping("/custody/lots/{lotId}")
    String lot(Actor actor, @PathVariable String lotId, Model model) {
        model.addAttribute("lot", events.lot(actor, lotId));
        model.addAttribute("wipeCertificates", !certificates.lotWipes(actor, lotId).isEmpty());
        return "custody-lot";
    }

    private String label(Actor actor, String reference) {
        CustodyDevice device = events.lookup(actor, reference).device();
        if (device == null) {
            return reference;
        }
        String number = device.serial() != null ? device.serial() : device.assetTag();
        return number == null ? device.name() : device.name() + " — " + number;
    }

    /** Each detail with its label in the reader's language; lists joined, media by serial. */
    private List<Detail> details(JsonNode details) {
        List<Detail> shown = new ArrayList<>();
        details.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String text;
            if (value.isArray()) {
                List<String> values = new ArrayList<>();
                value.forEach(v -> values.add(v.isObject() ? v.path("serial").asText() + (v.has("type")
                        ? " (" + v.path("type").asText() + ")" : "") : v.asText()));
                text = String.join(", ", values);
            } else {
                text = value.asText();
            }
            shown.add(new Detail(messages.getMessage("custody.detail." + field.getKey(), null, field.getKey(),
                    LocaleContextHolder.getLocale()), text));
        });
        return shown;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
