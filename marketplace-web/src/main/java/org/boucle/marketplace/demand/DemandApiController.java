package org.boucle.marketplace.demand;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/demands")
@Tag(name = "Needs", description = "What buyers and associations need, which the allocation optimiser serves")
class DemandApiController {

    private final Demands demands;

    DemandApiController(Demands demands) {
        this.demands = demands;
    }

    @PostMapping
    @Operation(summary = "Post a need (buyers and associations)", description = """
            Body {kind?, category, quantity (1 to 100000), minRamGb?, minStorageGb?, minCpuGeneration?, minScreenInches?
            (no minimum when left out), minGrade (A, B or C), latestDate (today or later), deliverySiteId (a site of your
            organization), maxUnitPrice?, populationServed?, note?}. kind: BUYER for public and private buyers, who must
            give maxUnitPrice > 0, the most they pay per unit; ASSOCIATION for associations, whose maxUnitPrice is what
            they can contribute per unit (0 by default) and who say how many people they serve. An organization that is
            both says which. Euros excluding VAT, at most 2 decimals. socialPriority is refused (403): coordinators set
            it afterwards from documented criteria, never the association itself. Every invalid field is reported.""")
    ResponseEntity<Demand> create(Actor actor, @RequestBody NewDemand request) {
        Demand created = demands.create(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/demands/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "Your organization's needs (coordinators: every organization's), the latest first",
            description = "Filters: status (OPEN, FULFILLED, WITHDRAWN), kind (BUYER, ASSOCIATION).")
    List<Demand> list(Actor actor, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind) {
        return demands.list(actor, status, kind);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One need", description = "Another organization's need answers 404, except to coordinators.")
    Demand find(Actor actor, @PathVariable UUID id) {
        return demands.find(actor, id);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw an open need (its organization or a coordinator)",
            description = "The optimiser no longer serves it; units already allocated stay reserved. Not OPEN: 409.")
    Demand withdraw(Actor actor, @PathVariable UUID id) {
        return demands.withdraw(actor, id);
    }

    @PutMapping("/{id}/priority")
    @Operation(summary = "Set the social priority of an association's open need (coordinators)", description = """
            Body {socialPriority (1 to 10; the optimiser uses 1 until set), criteria: [PEOPLE_SERVED, URGENCY,
            DIGITAL_INCLUSION_PROGRAMME, VULNERABLE_PUBLIC, NO_OTHER_SOURCE] (at least one), note?}. PEOPLE_SERVED: many
            people depend on the equipment; URGENCY: a near deadline with a real consequence; DIGITAL_INCLUSION_PROGRAMME:
            for a recognised digital-inclusion programme; VULNERABLE_PUBLIC: especially vulnerable people;
            NO_OTHER_SOURCE: no other way to equip them. Who set it and when are recorded.""")
    Demand setPriority(Actor actor, @PathVariable UUID id, @RequestBody PriorityRequest request) {
        return demands.setPriority(actor, id, request);
    }

    @ExceptionHandler(InvalidDemandException.class)
    ProblemDetail invalid(InvalidDemandException e) {
        return Problems.invalid("Some fields are invalid", e.problems());
    }

    @ExceptionHandler(DemandNotOpenException.class)
    ProblemDetail notOpen(DemandNotOpenException e) {
        return Problems.of(HttpStatus.CONFLICT, "demand-not-open", "Need not open", e.getMessage());
    }
}
