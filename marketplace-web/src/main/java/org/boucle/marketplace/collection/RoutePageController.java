package org.boucle.marketplace.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.MapProperties;
import org.boucle.marketplace.traceability.CustodyRefusedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Drivers' route sheets: the list of the collector's vehicle-days, a phone page per day, and its printable PDF. */
@Controller
class RoutePageController {

    private final RouteSheets routes;
    private final Pickups pickups;
    private final RouteSheetPdf pdf;
    private final MapProperties map;
    private final ObjectMapper json;
    private final MessageSource messages;

    RoutePageController(RouteSheets routes, Pickups pickups, RouteSheetPdf pdf, MapProperties map, ObjectMapper json,
            MessageSource messages) {
        this.routes = routes;
        this.pickups = pickups;
        this.pdf = pdf;
        this.map = map;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/collection/routes")
    String list(Actor actor, Model model) {
        model.addAttribute("days", routes.upcoming(actor));
        return "collection-routes";
    }

    @GetMapping("/collection/routes/{vehicleId}/{day:\\d{4}-\\d{2}-\\d{2}}")
    String sheet(Actor actor, @PathVariable UUID vehicleId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        RouteSheets.RouteSheet sheet = routes.sheet(actor, vehicleId, day);
        model.addAttribute("sheet", sheet);
        model.addAttribute("mapJson", mapJson(sheet));
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("attribution", map.attribution());
        return "collection-route";
    }

    @GetMapping("/collection/routes/{vehicleId}/{day}.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable UUID vehicleId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        RouteSheets.RouteSheet sheet = routes.sheet(actor, vehicleId, day);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("feuille-de-route-" + day + ".pdf").build().toString())
                .body(pdf.render(sheet));
    }

    /** The driver confirms a stop: its card again, collected, or with why the custody step was refused. */
    @PostMapping("/collection/pickups/{id}/collected")
    String collected(Actor actor, @PathVariable UUID id, Model model) {
        try {
            model.addAttribute("p", pickups.collected(actor, id));
            model.addAttribute("message", message("routes.collected"));
        } catch (PickupConflictException e) {
            model.addAttribute("p", pickups.pickup(actor, id));
            model.addAttribute("error", message("pickups.error." + e.slug()));
        } catch (CustodyRefusedException e) {
            model.addAttribute("p", pickups.pickup(actor, id));
            // One line per distinct reason: a lot's devices are usually refused for the same one.
            Map<String, Long> reasons = e.refused().stream().collect(Collectors.groupingBy(
                    CustodyRefusedException.Refused::reason, LinkedHashMap::new, Collectors.counting()));
            List<String> lines = new ArrayList<>();
            reasons.forEach((reason, count) -> lines.add(message("routes.refused", count, reason)));
            model.addAttribute("error", String.join(" ", lines));
        }
        return "collection-route :: stop";
    }

    /** Depot, stops in order and workshops, as boucle.js draws them: numbered markers joined by a line. */
    private String mapJson(RouteSheets.RouteSheet sheet) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(point("depot", "0", sheet.depot().name(), sheet.depot()));
        sheet.stops().forEach(stop -> points.add(point("stop", Integer.toString(stop.position()), stop.site().name(),
                stop.site())));
        sheet.workshops().forEach(workshop -> points.add(point("workshop", "", workshop.name(), workshop)));
        try {
            return json.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> point(String kind, String label, String name, Pickup.Place place) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("kind", kind);
        point.put("label", label);
        point.put("name", name);
        point.put("lat", place.latitude());
        point.put("lon", place.longitude());
        return point;
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
