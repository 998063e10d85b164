package org.boucle.marketplace.quota.supply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.boucle.marketplace.catalog.ListingView;
import org.boucle.marketplace.catalog.Listings;
import org.boucle.marketplace.inventory.Forecasts;
import org.boucle.marketplace.inventory.UpcomingLot;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page of a public body's reuse obligation: where it stands against the minimum, month by month, by channel,
 * what remains to declare, and the declaration itself. Coordinators see the territory's bodies and pick one.
 */
@Controller
@RequestMapping("/quota/supply")
class SupplyQuotaPageController {

    /** Devices without destination listed on the page; the CSV has them all. */
    private static final int SHOWN = 20;

    private final SupplyQuota quota;
    private final Dispositions dispositions;
    private final SupplyExports exports;
    private final Organizations organizations;
    private final Forecasts forecasts;
    private final Listings listings;
    private final ObjectMapper json;

    SupplyQuotaPageController(SupplyQuota quota, Dispositions dispositions, SupplyExports exports,
            Organizations organizations, Forecasts forecasts, Listings listings, ObjectMapper json) {
        this.quota = quota;
        this.dispositions = dispositions;
        this.exports = exports;
        this.organizations = organizations;
        this.forecasts = forecasts;
        this.listings = listings;
        this.json = json;
    }

    @GetMapping
    String page(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year,
            Actor actor, Model model) {
        if (showsTerritory(actor, organizationId)) {
            SupplyQuota.Territory territory = quota.territory(actor, year);
            model.addAttribute("territory", territory);
            addChoices(actor, territory.year(), null, model);
            return "quota-supply-territory";
        }
        SupplyFigures figures = quota.figures(actor, organizationId, year);
        show(actor, figures, organizationId, model);
        return "quota-supply";
    }

    /** Declares a dispositions file, then shows the page again with what it did, or every row at fault. */
    @PostMapping("/dispositions")
    String declare(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) MultipartFile file, Actor actor, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileMissing", true);
        } else {
            try (InputStream content = file.getInputStream()) {
                model.addAttribute("declaration", dispositions.declare(actor, organizationId, content));
            } catch (DispositionsRejectedException e) {
                model.addAttribute("rejection", e);
            }
        }
        show(actor, quota.figures(actor, organizationId, year), organizationId, model);
        return "quota-supply";
    }

    @GetMapping("/export.csv")
    void csv(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year,
            Actor actor, HttpServletResponse response) throws IOException {
        if (showsTerritory(actor, organizationId)) {
            SupplyQuota.Territory territory = quota.territory(actor, year);
            exports.csv(territory.organizations(), "reemploi-territoire-" + territory.year() + ".csv", response);
            return;
        }
        SupplyFigures figures = quota.figures(actor, organizationId, year);
        exports.csv(List.of(figures), "reemploi-" + figures.year() + ".csv", response);
    }

    @GetMapping("/report.pdf")
    void pdf(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year,
            Actor actor, HttpServletResponse response) throws IOException {
        exports.pdf(quota.figures(actor, organizationId, year), response);
    }

    @GetMapping("/without-destination.csv")
    void withoutDestination(@RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, Actor actor, HttpServletResponse response) throws IOException {
        exports.dispositionsToFill(quota.withoutDestination(actor, organizationId, year), response);
    }

    /** A coordinator who names no body sees them all (unless the coordinator's own organization is one). */
    private boolean showsTerritory(Actor actor, UUID organizationId) {
        return organizationId == null && actor.isCoordinator()
                && !SupplyQuota.concerns(organizations.summary(actor.organizationId()).roles());
    }

    private void show(Actor actor, SupplyFigures figures, UUID organizationId, Model model) {
        model.addAttribute("figures", figures);
        model.addAttribute("org", organizationId);
        model.addAttribute("chartJson", write(figures));
        List<RetiredDevice> unknown = quota.withoutDestination(actor, figures.organizationId(), figures.year());
        model.addAttribute("withoutDestination", unknown.subList(0, Math.min(SHOWN, unknown.size())));
        model.addAttribute("mayDeclare", actor.isCoordinator()
                || actor.hasRole(OrganizationRole.DONOR));
        model.addAttribute("rules", quota.rules());
        if (figures.year() == quota.currentYear()) {
            addUpcoming(actor, figures, model);
        }
        if (actor.isCoordinator()) {
            addChoices(actor, figures.year(), figures.organizationId(), model);
        } else {
            model.addAttribute("years", years(figures.year()));
        }
    }

    /** The devices forecast to leave before the year ends, and those of them no listing offers to reuse yet. */
    private void addUpcoming(Actor actor, SupplyFigures figures, Model model) {
        YearMonth from = forecasts.thisMonth();
        List<UpcomingLot> lots = forecasts.lots(actor, figures.organizationId(), from, YearMonth.of(figures.year(), 12));
        Map<String, ListingView> published = listings.publishedLots(actor, figures.organizationId());
        model.addAttribute("upcomingDevices", lots.stream().mapToLong(UpcomingLot::quantity).sum());
        model.addAttribute("unpublishedDevices", lots.stream().filter(l -> !published.containsKey(l.id()))
                .mapToLong(UpcomingLot::quantity).sum());
    }

    private void addChoices(Actor actor, int year, UUID selected, Model model) {
        model.addAttribute("bodies", quota.publicBodies(actor));
        model.addAttribute("selected", selected);
        model.addAttribute("years", years(year));
    }

    private List<Integer> years(int shown) {
        int first = quota.rules().stream().mapToInt(SupplyRule::yearFrom).min()
                .orElseThrow(() -> new InvalidInputException("year", "No objective is defined"));
        return IntStream.rangeClosed(first, Math.max(shown, quota.currentYear())).boxed()
                .sorted(Comparator.reverseOrder()).toList();
    }

    private String write(SupplyFigures figures) {
        try {
            return json.writeValueAsString(Map.of("months", figures.months(), "minimumShare", figures.minimumShare()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
