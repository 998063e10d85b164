package org.boucle.marketplace.impact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Impact", description = "Devices reused and recycled, kg diverted and CO2e avoided, measured from custody")
class ImpactApiController {

    private final Impacts impacts;
    private final ImpactCsv csv;

    ImpactApiController(Impacts impacts, ImpactCsv csv) {
        this.impacts = impacts;
        this.csv = csv;
    }

    @GetMapping("/api/v1/impact")
    @Operation(summary = "The measured impact of a scope for a year", description = """
            scope: territory (coordinators), donor (the devices it gave), workshop (the devices it received) or
            association (the devices sold or given to it); left out: the territory for coordinators, else the first of
            the caller's roles. organizationId: one organization of the scope (coordinators; others only their own,
            which is the default); left out by a coordinator: every organization of the scope with an impact. year:
            the current one when left out. A device counts in the year of its final custody step: SOLD or DONATED
            (reused), RECYCLED or DISMANTLED (recycled). kgDiverted: standard weight (category_standard) of the reused
            devices; kgCo2eAvoided: each reused device avoids the manufacture of a new one of its category (ADEME
            factors in impact_factor). publicReuse: décret n° 2023-266's share for public donors and the territory.""")
    Impact impact(Actor actor, @RequestParam(required = false) String scope,
            @RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year) {
        return impacts.impact(actor, impacts.scope(actor, scope), organizationId, year);
    }

    @GetMapping("/api/v1/impact.csv")
    @Operation(summary = "The measured impact as CSV (UTF-8, ';')",
            description = "Parameters as /api/v1/impact: one row per organization, then the scope's total.")
    void impactCsv(Actor actor, @RequestParam(required = false) String scope,
            @RequestParam(required = false) UUID organizationId, @RequestParam(required = false) Integer year,
            HttpServletResponse response) throws IOException {
        csv.write(impacts.impact(actor, impacts.scope(actor, scope), organizationId, year), response);
    }
}
