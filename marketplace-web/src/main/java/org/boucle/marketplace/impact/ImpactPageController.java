package org.boucle.marketplace.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.boucle.marketplace.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The impact dashboard: a scope's figures, month by month and per category, each organization's, and the method. */
@Controller
@RequestMapping("/impact")
class ImpactPageController {

    /** Years offered in the form, the current one first. */
    private static final int YEARS = 5;

    private final Impacts impacts;
    private final ImpactCsv csv;
    private final ObjectMapper json;

    ImpactPageController(Impacts impacts, ImpactCsv csv, ObjectMapper json) {
        this.impacts = impacts;
        this.csv = csv;
        this.json = json;
    }

    @GetMapping
    String page(@RequestParam(required = false) String scope, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, Actor actor, Model model) {
        ImpactScope shown = impacts.scope(actor, scope);
        Impact impact = impacts.impact(actor, shown, organizationId, year);
        model.addAttribute("impact", impact);
        model.addAttribute("scopes", impacts.scopes(actor));
        model.addAttribute("choices", impacts.choices(actor, shown));
        int current = impacts.currentYear();
        model.addAttribute("years", IntStream.range(0, YEARS).mapToObj(i -> current - i).toList());
        model.addAttribute("chartJson", write(impact));
        return "impact";
    }

    @GetMapping("/export.csv")
    void export(@RequestParam(required = false) String scope, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) Integer year, Actor actor, HttpServletResponse response) throws IOException {
        csv.write(impacts.impact(actor, impacts.scope(actor, scope), organizationId, year), response);
    }

    private String write(Impact impact) {
        try {
            return json.writeValueAsString(Map.of("months", impact.months(), "categories", impact.categories()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
