package org.boucle.marketplace.collection;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

/** Coordinators and collectors: plan a horizon of pooled pickups, watch it improve, read it on a map and a timeline. */
@Controller
@RequestMapping("/collection/plans")
class CollectionPlanPageController {

    private static final int DEFAULT_TIME_LIMIT = 20;
    /** The timeline's day: wide enough for every shift the demo and most collectors run. */
    private static final LocalTime DAY_START = LocalTime.of(6, 0);
    private static final LocalTime DAY_END = LocalTime.of(20, 0);

    private final CollectionPlans plans;
    private final Fleet fleet;
    private final MapProperties map;
    private final MessageSource messages;
    private final JsonText json;
    private final CollectionProperties properties;

    CollectionPlanPageController(CollectionPlans plans, Fleet fleet, MapProperties map, MessageSource messages,
            JsonText json, CollectionProperties properties) {
        this.plans = plans;
        this.fleet = fleet;
        this.map = map;
        this.messages = messages;
        this.json = json;
        this.properties = properties;
    }

    @GetMapping
    String index(Actor actor, Model model) {
        List<PlanView> recent = plans.recent(actor);
        LocalDate monday = LocalDate.now(properties.zone()).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        model.addAttribute("plans", recent);
        model.addAttribute("running", recent.stream().filter(p -> "RUNNING".equals(p.status())).findFirst().orElse(null));
        model.addAttribute("from", monday);
        model.addAttribute("to", monday.plusDays(4));
        model.addAttribute("timeLimit", DEFAULT_TIME_LIMIT);
        model.addAttribute("maxTimeLimit", properties.maxTimeLimit().toSeconds());
        return "collection-plans";
    }

    @PostMapping
    String start(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String timeLimitSeconds, RedirectAttributes redirect, Locale locale) {
        try {
            UUID id = plans.start(actor, day(from), day(to), seconds(timeLimitSeconds));
            return "redirect:/collection/plans/" + id;
        } catch (CollectionConflictException e) {
            redirect.addFlashAttribute("error", messages.getMessage("collectionPlan.error." + e.slug(), null,
                    e.getMessage(), locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.getMessage("collectionPlan.error.field." + e.field(),
                    new Object[] {properties.maxTimeLimit().toSeconds()}, e.getMessage(), locale));
        }
        return "redirect:/collection/plans";
    }

    @GetMapping("/{id}")
    String plan(Actor actor, @PathVariable UUID id, Model model) {
        PlanView plan = plans.view(actor, id);
        model.addAttribute("plan", plan);
        model.addAttribute("progressJson", json.write(plan.progress()));
        model.addAttribute("mayDecide", CollectionPlans.mayDecide(actor, plan));
        if (!"RUNNING".equals(plan.status())) {
            model.addAttribute("days", timeline(plan));
            model.addAttribute("hours", hours());
            model.addAttribute("mapJson", json.write(mapRoutes(plan)));
            model.addAttribute("tileUrl", map.tileUrl());
            model.addAttribute("attribution", map.attribution());
            model.addAttribute("vehicles", plan.routes().stream()
                    .map(route -> Map.entry(route.vehicleId(), route.vehicle())).distinct().toList());
        }
        return "collection-plan";
    }

    /** The live part of a running plan, polled by the page; once it ends, the whole page reloads with the routes. */
    @GetMapping("/{id}/live")
    String live(Actor actor, @PathVariable UUID id, Model model, HttpServletResponse response) {
        PlanView plan = plans.view(actor, id);
        if (!"RUNNING".equals(plan.status())) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("plan", plan);
        model.addAttribute("progressJson", json.write(plan.progress()));
        model.addAttribute("mayDecide", CollectionPlans.mayDecide(actor, plan));
        return "collection-plan :: live";
    }

    @PostMapping("/{id}/stop")
    String stop(Actor actor, @PathVariable UUID id) {
        plans.stop(actor, id);
        return "redirect:/collection/plans/" + id;
    }

    @PostMapping("/{id}/accept")
    String accept(Actor actor, @PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        try {
            CollectionPlans.Acceptance acceptance = plans.accept(actor, id);
            redirect.addFlashAttribute("accepted", messages.getMessage("collectionPlan.accepted",
                    new Object[] {acceptance.pickupsGiven(), acceptance.pickupsKept(), acceptance.pickupsMoved()},
                    locale));
        } catch (CollectionConflictException e) {
            redirect.addFlashAttribute("error", messages.getMessage("collectionPlan.error." + e.slug(), null,
                    e.getMessage(), locale));
        }
        return "redirect:/collection/plans/" + id;
    }

    /** A vehicle of an accepted plan broke down: take it out of service and open the re-plan. */
    @PostMapping("/{id}/breakdown")
    String breakdown(Actor actor, @PathVariable UUID id, @RequestParam UUID vehicleId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        try {
            CollectionPlans.Breakdown breakdown = plans.outOfService(actor, vehicleId, day(from), day(to), reason);
            if (!breakdown.replans().isEmpty()) {
                return "redirect:/collection/plans/" + breakdown.replans().get(0);
            }
            redirect.addFlashAttribute("accepted", messages.getMessage("collectionPlan.breakdown.noReplan",
                    new Object[] {breakdown.pickupsAffected()}, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.getMessage("collectionPlan.breakdown.error." + e.field(),
                    null, e.getMessage(), locale));
        }
        return "redirect:/collection/plans/" + id;
    }

    /** One block of a vehicle's day on the timeline, placed in percent of the day. */
    record Block(String kind, double left, double width, String label, String title) {
    }

    record Lane(PlanView.Route route, List<Block> blocks) {
    }

    record Day(LocalDate day, List<Lane> lanes) {
    }

    /** Each day's vehicles, their stops as blocks (service) with the driving between them. */
    private static List<Day> timeline(PlanView plan) {
        Map<LocalDate, List<Lane>> days = new LinkedHashMap<>();
        for (PlanView.Route route : plan.routes()) {
            List<Block> blocks = new ArrayList<>();
            int n = 0;
            for (PlanView.Stop stop : route.stops()) {
                n++;
                String time = stop.arrival().toLocalTime() + "–" + stop.departure().toLocalTime();
                blocks.add(new Block("stop", percent(stop.arrival().toLocalTime()),
                        Math.max(0.6, percent(stop.departure().toLocalTime()) - percent(stop.arrival().toLocalTime())),
                        String.valueOf(n), n + ". " + stop.site() + " (" + stop.donor() + ") " + time + ", "
                                + stop.devices() + " appareils"));
            }
            if (!route.stops().isEmpty()) {
                PlanView.Stop last = route.stops().get(route.stops().size() - 1);
                LocalTime unload = last.departure().toLocalTime();
                blocks.add(new Block("workshop", percent(unload), 1.2, "⌂", route.workshop() + " ≈ " + unload));
            }
            days.computeIfAbsent(route.day(), d -> new ArrayList<>()).add(new Lane(route, blocks));
        }
        return days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    private static double percent(LocalTime time) {
        double span = Duration.between(DAY_START, DAY_END).toMinutes();
        double at = Duration.between(DAY_START, time).toMinutes();
        return Math.max(0, Math.min(100, Math.round(at / span * 1000) / 10.0));
    }

    /** The hours marked on the timeline's scale. */
    private static List<Map.Entry<String, Double>> hours() {
        List<Map.Entry<String, Double>> hours = new ArrayList<>();
        for (LocalTime hour = DAY_START; !hour.isAfter(DAY_END); hour = hour.plusHours(2)) {
            hours.add(Map.entry(hour.getHour() + "h", percent(hour)));
        }
        return hours;
    }

    /** Routes as the map draws them: depot, stops in order, workshop. */
    record MapRoute(String label, String day, List<double[]> path, List<MapStop> stops, double[] depot,
            double[] workshop, String workshopName) {
    }

    record MapStop(double[] at, String label) {
    }

    private static List<MapRoute> mapRoutes(PlanView plan) {
        return plan.routes().stream().map(route -> {
            List<double[]> path = new ArrayList<>();
            double[] depot = {route.depot().latitude(), route.depot().longitude()};
            double[] workshop = {route.workshopPlace().latitude(), route.workshopPlace().longitude()};
            path.add(depot);
            List<MapStop> stops = new ArrayList<>();
            int n = 0;
            for (PlanView.Stop stop : route.stops()) {
                double[] at = {stop.latitude(), stop.longitude()};
                path.add(at);
                stops.add(new MapStop(at, ++n + ". " + stop.site() + " — " + stop.arrival().toLocalTime()));
            }
            path.add(workshop);
            path.add(depot);
            return new MapRoute(route.vehicle() + " · " + route.day(), route.day().toString(), path, stops, depot,
                    workshop, route.workshop());
        }).toList();
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer seconds(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
