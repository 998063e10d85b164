package org.boucle.marketplace.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.InvalidValue;
import org.boucle.marketplace.inventory.source.Values;
import org.boucle.marketplace.organization.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Buyers and associations: post a need and follow their needs. Coordinators: every need, and the social priority of
 * associations' needs.
 */
@Controller
@RequestMapping("/demands")
class DemandPageController {

    private final Demands demands;
    private final MessageSource messages;
    private final DemandProperties properties;

    DemandPageController(Demands demands, MessageSource messages, DemandProperties properties) {
        this.demands = demands;
        this.messages = messages;
        this.properties = properties;
    }

    /** The form as typed: every value as text, so that it comes back unchanged next to its errors. */
    record Form(String kind, String category, String quantity, String minRamGb, String minStorageGb,
            String minCpuGeneration, String minScreenInches, String minGrade, String latestDate, String deliverySiteId,
            String maxUnitPrice, String populationServed, String note) {

        static Form empty(List<DemandKind> kinds) {
            return new Form(kinds.isEmpty() ? "" : kinds.get(0).name(), "LAPTOP", "1", "", "", "", "", "C", "", "", "",
                    "", "");
        }

        static Form of(Map<String, String> params) {
            return new Form(value(params, "kind"), value(params, "category"), value(params, "quantity"),
                    value(params, "minRamGb"), value(params, "minStorageGb"), value(params, "minCpuGeneration"),
                    value(params, "minScreenInches"), value(params, "minGrade"), value(params, "latestDate"),
                    value(params, "deliverySiteId"), value(params, "maxUnitPrice"), value(params, "populationServed"),
                    params.getOrDefault("note", ""));
        }

        private static String value(Map<String, String> params, String name) {
            return params.getOrDefault(name, "").strip();
        }
    }

    /** A priority as typed on one need's row, with its errors. */
    record PriorityForm(UUID demandId, String socialPriority, List<String> criteria, String note,
            Map<String, String> errors) {
    }

    @GetMapping
    String page(Actor actor, @RequestParam(required = false) String status, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String done, Model model) {
        List<DemandKind> kinds = requireAllowed(actor);
        if (done != null && List.of("created", "withdrawn", "prioritized").contains(done)) {
            model.addAttribute("done", message("demand.done." + done));
        }
        model.addAttribute("form", Form.empty(kinds));
        model.addAttribute("errors", Map.of());
        return page(actor, kinds, blankToNull(status), blankToNull(kind), null, model);
    }

    @PostMapping
    String create(Actor actor, @RequestParam Map<String, String> params, Model model) {
        List<DemandKind> kinds = requireAllowed(actor);
        Form form = Form.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        NewDemand request = new NewDemand(form.kind(), form.category(), integer(form.quantity(), "quantity", errors),
                integer(form.minRamGb(), "minRamGb", errors), integer(form.minStorageGb(), "minStorageGb", errors),
                integer(form.minCpuGeneration(), "minCpuGeneration", errors),
                number(form.minScreenInches(), "minScreenInches", errors), form.minGrade(),
                date(form.latestDate(), errors), uuid(form.deliverySiteId()),
                number(form.maxUnitPrice(), "maxUnitPrice", errors),
                integer(form.populationServed(), "populationServed", errors), form.note(), null, null);
        if (errors.isEmpty()) {
            try {
                demands.create(actor, request);
                return "redirect:/demands?done=created";
            } catch (InvalidDemandException e) {
                e.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
            }
        } else {
            // Everything else that is wrong too, in one go; a field that could not be read keeps that explanation.
            demands.problems(actor, request).forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return page(actor, kinds, null, null, null, model);
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(Actor actor, @PathVariable UUID id) {
        try {
            demands.withdraw(actor, id);
        } catch (DemandNotOpenException e) {
            // Withdrawn or fulfilled meanwhile: the list shows where it stands.
        }
        return "redirect:/demands?done=withdrawn";
    }

    @PostMapping("/{id}/priority")
    String priority(Actor actor, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model) {
        List<DemandKind> kinds = requireAllowed(actor);
        String typed = params.getOrDefault("socialPriority", List.of("")).get(0).strip();
        List<String> criteria = params.getOrDefault("criteria", List.of());
        String note = params.getOrDefault("note", List.of("")).get(0);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer weight = integer(typed, "socialPriority", errors);
        if (errors.isEmpty()) {
            try {
                demands.setPriority(actor, id, new PriorityRequest(weight, criteria, note));
                return "redirect:/demands?done=prioritized#demand-" + id;
            } catch (InvalidDemandException e) {
                e.problems().forEach(problem -> errors.merge(problem.field(), problem.message(), (a, b) -> a + " " + b));
            }
        }
        model.addAttribute("form", Form.empty(kinds));
        model.addAttribute("errors", Map.of());
        return page(actor, kinds, null, null, new PriorityForm(id, typed, criteria, note, errors), model);
    }

    private String page(Actor actor, List<DemandKind> kinds, String status, String kind, PriorityForm priority,
            Model model) {
        model.addAttribute("kinds", kinds);
        model.addAttribute("coordinator", actor.isCoordinator());
        model.addAttribute("sites", demands.sites(actor));
        model.addAttribute("categories", demands.categories());
        model.addAttribute("grades", List.of("A", "B", "C"));
        model.addAttribute("today", demands.today());
        model.addAttribute("zone", properties.zone());
        model.addAttribute("statuses", List.of("OPEN", "FULFILLED", "WITHDRAWN"));
        model.addAttribute("allKinds", DemandKind.values());
        model.addAttribute("criteria", PriorityCriterion.values());
        model.addAttribute("weights", java.util.stream.IntStream.rangeClosed(Demands.MIN_PRIORITY, Demands.MAX_PRIORITY)
                .boxed().toList());
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("priorityForm", priority);
        List<Demand> list;
        try {
            list = demands.list(actor, status, kind);
        } catch (InvalidDemandException e) {
            list = demands.list(actor, null, null);
        }
        model.addAttribute("demands", list);
        return "demands";
    }

    private List<DemandKind> requireAllowed(Actor actor) {
        List<DemandKind> kinds = demands.kindsFor(actor);
        if (kinds.isEmpty() && !actor.isCoordinator()) {
            throw new AccessDeniedException("Only buyers, associations and coordinators see needs");
        }
        return kinds;
    }

    private Integer integer(String typed, String field, Map<String, String> errors) {
        String plain = typed.replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "");
        if (plain.isEmpty()) {
            return null;
        }
        if (!plain.matches("-?\\d{1,9}")) {
            errors.put(field, message("demand.error.integer"));
            return null;
        }
        return Integer.valueOf(plain);
    }

    /** A number as people type it (15,6, 250.50, 1 200 €), as the inventory and the quota files read it. */
    private BigDecimal number(String typed, String field, Map<String, String> errors) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Values.decimal(typed);
        } catch (InvalidValue e) {
            errors.put(field, message("demand.error.number"));
            return null;
        }
    }

    private LocalDate date(String typed, Map<String, String> errors) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            errors.put("latestDate", message("demand.error.date"));
            return null;
        }
    }

    /** An id the form's select sent; anything else is no site, which the service reports. */
    private static UUID uuid(String typed) {
        try {
            return typed.isEmpty() ? null : UUID.fromString(typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
