package org.boucle.marketplace.collection;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.InvalidValue;
import org.boucle.marketplace.inventory.source.Values;
import org.boucle.marketplace.organization.Actor;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Collectors: their vehicles, and a form to declare one. Coordinators see every collector's fleet. */
@Controller
@RequestMapping("/collection/fleet")
class FleetPageController {

    private final Fleet fleet;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    FleetPageController(Fleet fleet, JdbcClient jdbc, MessageSource messages) {
        this.fleet = fleet;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** A depot the actor may choose: a site of its own collector, or of any collector for coordinators. */
    record Depot(UUID id, String name, UUID organizationId) {
    }

    @GetMapping
    String page(Actor actor, Model model) {
        return page(actor, model, Map.of("shiftStart", "08:00", "shiftEnd", "17:00", "grossWeightKg", "3500",
                "kgCo2ePerKm", "0,25"), List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), Map.of());
    }

    @PostMapping
    String add(Actor actor, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
        Map<String, String> values = form.toSingleValueMap();
        List<DayOfWeek> days = form.getOrDefault("allowedDays", List.of()).stream().map(DayOfWeek::valueOf).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        UUID depot = uuid(values.get("depotSiteId"));
        UUID collector = depots(actor).stream().filter(d -> d.id().equals(depot)).map(Depot::organizationId)
                .findFirst().orElse(null);
        NewVehicle request = new NewVehicle(collector, values.get("name"), depot,
                decimal(values, "capacityM3", errors), integer(values, "capacityKg", errors),
                integer(values, "grossWeightKg", errors), time(values, "shiftStart", errors), time(values, "shiftEnd", errors),
                decimal(values, "costPerKm", errors), decimal(values, "costPerHour", errors),
                decimal(values, "kgCo2ePerKm", errors), days);
        // What cannot be read at all is reported with the domain's message for the field.
        errors.replaceAll((field, unreadable) -> messages.getMessage("fleet.error." + field, null, field, locale));
        if (errors.isEmpty()) {
            try {
                fleet.add(actor, request);
                return "redirect:/collection/fleet";
            } catch (InvalidVehicleException e) {
                e.problems().forEach(problem -> errors.putIfAbsent(problem.field(),
                        messages.getMessage("fleet.error." + problem.field(), null, problem.message(), locale)));
            }
        }
        return page(actor, model, values, days, errors);
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(Actor actor, @PathVariable UUID id) {
        fleet.deactivate(actor, id);
        return "redirect:/collection/fleet";
    }

    private String page(Actor actor, Model model, Map<String, String> form, List<DayOfWeek> days,
            Map<String, String> errors) {
        model.addAttribute("vehicles", fleet.vehicles(actor));
        model.addAttribute("depots", depots(actor));
        model.addAttribute("form", form);
        model.addAttribute("days", Arrays.asList(DayOfWeek.values()));
        model.addAttribute("chosenDays", days);
        model.addAttribute("errors", errors);
        return "collection-fleet";
    }

    private List<Depot> depots(Actor actor) {
        return jdbc.sql("""
                select s.id, case when :coordinator then o.name || ' — ' || s.name else s.name end, o.id
                  from site s join organization o on o.id = s.organization_id
                 where (:coordinator and exists (select 1 from organization_role r
                                                  where r.organization_id = o.id and r.role = 'COLLECTOR'))
                    or (not :coordinator and o.id = :organization)
                 order by 2""")
                .param("coordinator", actor.isCoordinator()).param("organization", actor.organizationId())
                .query((rs, n) -> new Depot(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A number as people type it ("12,5", "1 200", "0,45 €"), as the inventory and the quota files read it. */
    private static BigDecimal decimal(Map<String, String> values, String field, Map<String, String> errors) {
        String text = values.getOrDefault(field, "").strip();
        try {
            return text.isEmpty() ? null : Values.decimal(text);
        } catch (InvalidValue e) {
            errors.put(field, "?");
            return null;
        }
    }

    private static Integer integer(Map<String, String> values, String field, Map<String, String> errors) {
        BigDecimal value = decimal(values, field, errors);
        try {
            return value == null ? null : value.intValueExact();
        } catch (ArithmeticException e) {
            errors.put(field, "?");
            return null;
        }
    }

    private static LocalTime time(Map<String, String> values, String field, Map<String, String> errors) {
        String text = values.getOrDefault(field, "").strip();
        try {
            return text.isEmpty() ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "?");
            return null;
        }
    }
}
