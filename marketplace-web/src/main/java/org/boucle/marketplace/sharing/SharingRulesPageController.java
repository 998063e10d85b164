package org.boucle.marketplace.sharing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.boucle.marketplace.catalog.ListingKind;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Coordinators: the rules in force, their history, a new version, and where the money of a sale goes. */
@Controller
@RequestMapping("/admin/sharing-rules")
class SharingRulesPageController {

    /** The roles a rule set has lines for, in share order. */
    static final List<ShareRole> LINE_ROLES = List.of(ShareRole.WORKSHOP, ShareRole.COLLECTOR, ShareRole.DONOR,
            ShareRole.PLATFORM, ShareRole.SOLIDARITY_FUND);
    private static final int HISTORY = 200;
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Pattern LINE_FIELD = Pattern.compile("^rules\\[(\\d+)]\\..*$");

    private final SharingRules rules;
    private final SharingProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    SharingRulesPageController(SharingRules rules, SharingProperties properties, MessageSource messages, Clock clock) {
        this.rules = rules;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** The form as typed: every value as text, so that it comes back unchanged next to its errors. */
    record Form(String listingKind, String category, String effectiveFrom, String note, Map<ShareRole, Row> rows) {

        static Form of(RuleSet current) {
            Map<ShareRole, Row> rows = new EnumMap<>(ShareRole.class);
            LINE_ROLES.forEach(role -> rows.put(role, new Row("", "")));
            if (current != null) {
                current.rules().forEach(rule -> rows.put(rule.role(),
                        new Row(rule.basis().name(), rule.value().toPlainString().replace('.', ','))));
            }
            return new Form(current == null ? ListingKind.REFURBISHED.name() : current.listingKind(), "", "", "", rows);
        }

        static Form of(Map<String, String> params) {
            Map<ShareRole, Row> rows = new EnumMap<>(ShareRole.class);
            LINE_ROLES.forEach(role -> rows.put(role, new Row(params.getOrDefault("basis-" + role, "").strip(),
                    params.getOrDefault("value-" + role, "").strip())));
            return new Form(params.getOrDefault("listingKind", ""), params.getOrDefault("category", ""),
                    params.getOrDefault("effectiveFrom", "").strip(), params.getOrDefault("note", ""), rows);
        }

        /** Public: the template calls it. */
        public Row row(ShareRole role) {
            return rows.get(role);
        }
    }

    record Row(String basis, String value) {
    }

    /** A preview request as typed, and its outcome: the split, or why there is none. */
    record Preview(String listingKind, String category, String unitPrice, String quantity, String sentence,
            String subsidy, SharingRules.SplitPreview split, String error) {
    }

    @GetMapping
    String page(Actor actor, @RequestParam(required = false) UUID created, Model model) {
        requireCoordinator(actor);
        if (created != null) {
            rules.find(created).ifPresent(set -> model.addAttribute("created", message("sharing.created", set.version(),
                    message("catalog.kind." + set.listingKind()),
                    message(set.category() == null ? "sharing.allCategories" : "category." + set.category()),
                    DAY_AND_TIME.format(set.effectiveFrom().atZone(properties.zone())))));
        }
        model.addAttribute("form", Form.of(rules.inForce(ListingKind.REFURBISHED.name(), null, null).orElse(null)));
        model.addAttribute("errors", Map.of());
        return page(model, example());
    }

    @PostMapping
    String create(Actor actor, @RequestParam Map<String, String> params, Model model) {
        requireCoordinator(actor);
        Form form = Form.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        List<ShareRole> lineRoles = new ArrayList<>();
        NewRuleSet request = request(form, errors, lineRoles);
        if (errors.isEmpty()) {
            try {
                // The new version's id in the address, not the session: the session only holds what is serializable.
                return "redirect:/admin/sharing-rules?created=" + rules.create(actor, request).id();
            } catch (InvalidRuleSetException e) {
                e.problems().forEach(problem -> add(errors, pageField(problem.field(), lineRoles), problem.message()));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return page(model, example());
    }

    @PostMapping("/preview")
    String preview(Actor actor, @RequestParam(defaultValue = "") String listingKind,
            @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String unitPrice,
            @RequestParam(defaultValue = "1") String quantity, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        requireCoordinator(actor);
        Preview preview;
        BigDecimal price = number(unitPrice.isBlank() ? "0" : unitPrice);
        Integer units = quantity.strip().matches("\\d{1,9}") ? Integer.valueOf(quantity.strip()) : null;
        if (price == null) {
            preview = new Preview(listingKind, category, unitPrice, quantity, null, null, null, message("sharing.error.number"));
        } else {
            preview = preview(listingKind, category, price, units, unitPrice, quantity);
        }
        if (htmx != null) {
            model.addAttribute("preview", preview);
            return "sharing-rules :: preview";
        }
        model.addAttribute("form", Form.of(rules.inForce(ListingKind.REFURBISHED.name(), null, null).orElse(null)));
        model.addAttribute("errors", Map.of());
        return page(model, preview);
    }

    private String page(Model model, Preview preview) {
        List<RuleSet> inForce = rules.inForceNow();
        Set<UUID> inForceIds = inForce.stream().map(RuleSet::id).collect(Collectors.toSet());
        List<RuleSet> history = rules.ruleSets();
        model.addAttribute("inForce", inForce);
        model.addAttribute("inForceIds", inForceIds);
        model.addAttribute("history", history.subList(0, Math.min(HISTORY, history.size())));
        model.addAttribute("historyTotal", history.size());
        model.addAttribute("now", clock.instant());
        model.addAttribute("zone", properties.zone());
        model.addAttribute("kinds", ListingKind.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("roles", LINE_ROLES);
        model.addAttribute("bases", ShareBasis.values());
        model.addAttribute("preview", preview);
        return "sharing-rules";
    }

    /** The example the page opens with: one unit of refurbished stock of the configured category and price. */
    private Preview example() {
        String price = properties.exampleUnitPrice().toPlainString().replace('.', ',');
        return preview(ListingKind.REFURBISHED.name(), properties.exampleCategory(), properties.exampleUnitPrice(), 1,
                price, "1");
    }

    private Preview preview(String kind, String category, BigDecimal unitPrice, Integer quantity, String typedPrice,
            String typedQuantity) {
        try {
            SharingRules.SplitPreview split = rules.preview(kind, category, unitPrice, quantity);
            String shares = split.shares().stream()
                    .map(share -> message("sharing.share." + share.role()) + " " + euros(share.amountCents()))
                    .collect(Collectors.joining(", "));
            String sentence = message("sharing.preview.sentence", quantity, message("sharing.item." + category),
                    euros(unitPrice.movePointRight(2).longValue()), message("sharing.kindPhrase." + kind), shares);
            String subsidy = split.subsidyCents() > 0 ? message("sharing.preview.subsidy", euros(split.subsidyCents())) : null;
            return new Preview(kind, category, typedPrice, typedQuantity, sentence, subsidy, split, null);
        } catch (InvalidRuleSetException e) {
            String error = e.problems().stream().map(FieldProblem::message).collect(Collectors.joining(" "));
            return new Preview(kind, category, typedPrice, typedQuantity, null, null, null, error);
        }
    }

    /** The API request the form stands for: one line per role with a value, in role order. */
    private NewRuleSet request(Form form, Map<String, String> errors, List<ShareRole> lineRoles) {
        Instant effectiveFrom = null;
        if (!form.effectiveFrom().isEmpty()) {
            try {
                effectiveFrom = LocalDateTime.parse(form.effectiveFrom()).atZone(properties.zone()).toInstant();
            } catch (DateTimeParseException e) {
                add(errors, "effectiveFrom", message("sharing.error.date"));
            }
        }
        List<NewRuleSet.Line> lines = new ArrayList<>();
        for (ShareRole role : LINE_ROLES) {
            Row row = form.row(role);
            if (row.value().isEmpty()) {
                continue;
            }
            BigDecimal value = number(row.value());
            if (value == null) {
                add(errors, "rule." + role, message("sharing.error.number"));
            } else if (row.basis().isEmpty()) {
                add(errors, "rule." + role, message("sharing.error.basisRequired"));
            }
            lines.add(new NewRuleSet.Line(role.name(), row.basis(), value));
            lineRoles.add(role);
        }
        return new NewRuleSet(form.listingKind(), form.category(), effectiveFrom, form.note(), lines);
    }

    /** rules[2].value is the third line sent, which is the row of the third role that had a value. */
    private static String pageField(String field, List<ShareRole> lineRoles) {
        Matcher line = LINE_FIELD.matcher(field);
        if (line.matches()) {
            int index = Integer.parseInt(line.group(1));
            return index < lineRoles.size() ? "rule." + lineRoles.get(index) : "rules";
        }
        return field;
    }

    private static void add(Map<String, String> errors, String field, String message) {
        errors.merge(field, message, (a, b) -> a + " " + b);
    }

    /** A number as people type it: 25, 0,40, 2.5, with spaces, € or % around it. */
    private static BigDecimal number(String typed) {
        String plain = typed.replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "").replace("€", "")
                .replace("%", "").replace(',', '.');
        try {
            return plain.isEmpty() ? null : new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String euros(long cents) {
        return String.format(LocaleContextHolder.getLocale(), "%,.2f €", BigDecimal.valueOf(cents, 2));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static void requireCoordinator(Actor actor) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators manage the sharing rules");
        }
    }
}
