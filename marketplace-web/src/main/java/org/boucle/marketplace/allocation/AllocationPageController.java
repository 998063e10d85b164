package org.boucle.marketplace.allocation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boucle.engine.allocation.DemandExplanation;
import org.boucle.engine.allocation.ShortfallReason;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.JsonText;
import org.boucle.marketplace.platform.MapProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators: start a run, watch it improve, read why each need got what it got, compare, accept. */
@Controller
@RequestMapping("/allocation")
class AllocationPageController {

    private static final int DEFAULT_TIME_LIMIT = 30;

    private final AllocationRuns runs;
    private final MapProperties map;
    private final MessageSource messages;
    private final JsonText json;
    private final AllocationProperties properties;

    AllocationPageController(AllocationRuns runs, MapProperties map, MessageSource messages, JsonText json,
            AllocationProperties properties) {
        this.runs = runs;
        this.properties = properties;
        this.map = map;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String index(Actor actor, Model model) {
        List<RunView> recent = runs.recent(actor);
        model.addAttribute("runs", recent);
        model.addAttribute("running", recent.stream().filter(RunView::running).findFirst().orElse(null));
        model.addAttribute("timeLimit", DEFAULT_TIME_LIMIT);
        model.addAttribute("maxTimeLimit", properties.maxTimeLimit().toSeconds());
        return "allocation";
    }

    @PostMapping("/runs")
    String start(Actor actor, @RequestParam(required = false) String timeLimitSeconds, RedirectAttributes redirect,
            Locale locale) {
        try {
            UUID id = runs.start(actor, parse(timeLimitSeconds));
            return "redirect:/allocation/runs/" + id;
        } catch (AllocationConflictException e) {
            redirect.addFlashAttribute("error", messages.getMessage("allocation.error." + e.slug(), null,
                    e.getMessage(), locale));
            return "redirect:/allocation";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.getMessage("allocation.error.timeLimit",
                    new Object[] {properties.maxTimeLimit().toSeconds()}, locale));
            return "redirect:/allocation";
        }
    }

    @GetMapping("/runs/{id}")
    String run(Actor actor, @PathVariable UUID id, Model model) {
        RunView run = runs.view(actor, id);
        RunInputs inputs = runs.inputs(actor, id);
        model.addAttribute("run", run);
        model.addAttribute("progressJson", json.write(run.progress()));
        if (!run.running()) {
            Optional<RunView> previous = runs.previous(actor, id);
            Names names = Names.of(inputs);
            model.addAttribute("previous", previous.orElse(null));
            model.addAttribute("needs", needs(run, names, previous.orElse(null)));
            model.addAttribute("assignments", assignments(run, names));
            model.addAttribute("flowsJson", json.write(flows(run, names)));
            model.addAttribute("serviceJson", json.write(service(run, names)));
            model.addAttribute("mapJson", json.write(mapLines(run, names)));
            model.addAttribute("tileUrl", map.tileUrl());
            model.addAttribute("attribution", map.attribution());
        }
        return "allocation-run";
    }

    /** The live part of a running run, polled by the page; once the run ends, the whole page reloads with the plan. */
    @GetMapping("/runs/{id}/live")
    String live(Actor actor, @PathVariable UUID id, Model model, HttpServletResponse response) {
        RunView run = runs.view(actor, id);
        if (!run.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", run);
        model.addAttribute("progressJson", json.write(run.progress()));
        return "allocation-run :: live";
    }

    @PostMapping("/runs/{id}/stop")
    String stop(Actor actor, @PathVariable UUID id) {
        runs.stop(actor, id);
        return "redirect:/allocation/runs/" + id;
    }

    @PostMapping("/runs/{id}/accept")
    String accept(Actor actor, @PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        try {
            AllocationRuns.Acceptance acceptance = runs.accept(actor, id);
            redirect.addFlashAttribute("accepted", messages.getMessage("allocation.accepted",
                    new Object[] {acceptance.unitsHeld(), acceptance.conflicts()}, locale));
        } catch (AllocationConflictException e) {
            redirect.addFlashAttribute("error", messages.getMessage("allocation.error." + e.slug(), null,
                    e.getMessage(), locale));
        }
        return "redirect:/allocation/runs/" + id;
    }

    /** What a run saw, by id: what its plan's lines name. */
    private record Names(Map<UUID, RunInputs.Supply> supply, Map<String, RunInputs.Need> needs) {

        static Names of(RunInputs inputs) {
            return new Names(
                    inputs.supply().stream().collect(Collectors.toMap(RunInputs.Supply::id, Function.identity())),
                    inputs.demands().stream()
                            .collect(Collectors.toMap(need -> need.id().toString(), Function.identity())));
        }

        RunInputs.Supply supply(UUID id) {
            return supply.get(id);
        }

        RunInputs.Need need(Object id) {
            return needs.get(id.toString());
        }
    }

    /** A need's line in the explanation table. */
    record NeedRow(String organization, String kind, String category, int socialPriority, int requested, int allocated,
            Integer allocatedBefore, int servedPercent, ShortfallReason reason, int matching, int inTime, int candidates,
            int candidatesToOthers, int candidatesUnassigned) {
    }

    private static List<NeedRow> needs(RunView run, Names names, RunView previous) {
        Map<String, Integer> before = previous == null ? Map.of() : previous.explanations().stream()
                .collect(Collectors.toMap(DemandExplanation::demandId, DemandExplanation::allocated, (a, b) -> a));
        return run.explanations().stream().map(e -> {
            RunInputs.Need need = names.need(e.demandId());
            return new NeedRow(need.organizationName(), need.kind(), need.category(), need.socialPriority(),
                    e.requested(), e.allocated(), before.get(e.demandId()),
                    e.requested() == 0 ? 100 : 100 * e.allocated() / e.requested(), e.reason(), e.matchingUnits(),
                    e.matchingUnitsInTime(), e.candidateUnits(), e.candidateUnitsToOthers(),
                    e.candidateUnitsUnassigned());
        }).toList();
    }

    /** An assignment's line: which listing, whose, to whom. */
    record AssignmentRow(String listing, String seller, String recipient, int quantity, RunView.Assignment assignment) {
    }

    private static List<AssignmentRow> assignments(RunView run, Names names) {
        return run.assignments().stream().map(a -> new AssignmentRow(names.supply(a.supplyId()).title(),
                names.supply(a.supplyId()).sellerName(), names.need(a.demandId()).organizationName(), a.quantity(), a))
                .toList();
    }

    /** Units from each seller (donors' lots, workshops' stock) to each recipient: a stacked bar per recipient. */
    private static Map<String, Object> flows(RunView run, Names names) {
        Set<String> recipients = new LinkedHashSet<>();
        Map<String, Map<String, Integer>> bySeller = new LinkedHashMap<>();
        for (RunView.Assignment a : run.assignments()) {
            String recipient = names.need(a.demandId()).organizationName();
            recipients.add(recipient);
            bySeller.computeIfAbsent(names.supply(a.supplyId()).sellerName(), seller -> new LinkedHashMap<>())
                    .merge(recipient, a.quantity(), Integer::sum);
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        bySeller.forEach((seller, units) -> datasets.add(Map.of("label", seller,
                "data", recipients.stream().map(r -> units.getOrDefault(r, 0)).toList())));
        return Map.of("labels", List.copyOf(recipients), "datasets", datasets);
    }

    /** Each association's share of its request served: the fairness the plan achieves. */
    private static Map<String, Object> service(RunView run, Names names) {
        Map<String, int[]> byAssociation = new LinkedHashMap<>();
        for (DemandExplanation e : run.explanations()) {
            RunInputs.Need need = names.need(e.demandId());
            if (need.association()) {
                int[] units = byAssociation.computeIfAbsent(need.organizationName(), name -> new int[2]);
                units[0] += e.allocated();
                units[1] += e.requested();
            }
        }
        return Map.of("labels", List.copyOf(byAssociation.keySet()), "percent", byAssociation.values().stream()
                .map(units -> units[1] == 0 ? 100 : Math.round(100f * units[0] / units[1])).toList());
    }

    /** A line per assignment from the units' site to the delivery site. */
    private static List<Map<String, Object>> mapLines(RunView run, Names names) {
        return run.assignments().stream().map(a -> {
            RunInputs.Supply from = names.supply(a.supplyId());
            RunInputs.Need to = names.need(a.demandId());
            return Map.<String, Object>of("from", List.of(from.latitude(), from.longitude()),
                    "to", List.of(to.latitude(), to.longitude()), "units", a.quantity(),
                    "label", a.quantity() + " × " + from.title() + " : " + from.sellerName() + " → " + to.organizationName(),
                    "association", to.association());
        }).toList();
    }

    private static Integer parse(String seconds) {
        try {
            return seconds == null || seconds.isBlank() ? null : Integer.valueOf(seconds.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
