package org.boucle.marketplace.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/collection")
@Tag(name = "Collection")
class CollectionPlanApiController {

    private final CollectionPlans plans;

    CollectionPlanApiController(CollectionPlans plans) {
        this.plans = plans;
    }

    record StartRequest(LocalDate from, LocalDate to, Integer timeLimitSeconds) {
    }

    record Started(UUID planId) {
    }

    @PostMapping("/plans")
    @Operation(summary = "Plan the pooled pickups of a horizon (coordinators: the whole fleet; collectors: their own)",
            description = """
                    Body {from, to (at most 14 days, from today on), timeLimitSeconds (1 to the configured maximum)}.
                    Answers 202 {planId} at once; the plan solves in the background: follow it with GET /plans/{id}.
                    Lots already given to their donor in the horizon are kept where they are as far as possible; lots
                    collected, or planned on other days, are left out. One plan solves at a time per territory: 409
                    plan-under-way names it in planId; 409 nothing-to-collect, no-vehicle.""")
    ResponseEntity<Started> start(Actor actor, @RequestBody(required = false) StartRequest request) {
        UUID id = request == null ? plans.start(actor, null, null, null)
                : plans.start(actor, request.from(), request.to(), request.timeLimitSeconds());
        return ResponseEntity.accepted().location(URI.create("/api/v1/collection/plans/" + id)).body(new Started(id));
    }

    @GetMapping("/plans")
    @Operation(summary = "The territory's latest plans, newest first, without their routes")
    List<PlanView> recent(Actor actor) {
        return plans.recent(actor);
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "A plan: status, best score so far, routes and the lots left for later, with why",
            description = """
                    status RUNNING (score and progress improve as it solves), SOLVED, ACCEPTED, SUPERSEDED (re-planned
                    and replaced) or FAILED (failure says why). score {hard (0: feasible), unservedLots (weighted by
                    urgency), acceptedMoved, routes, costEuros}. routes [{vehicleId, vehicle, day, stops [{siteId,
                    lotIds, devices, arrival, departure}], workshopId, distanceKm, durationHours, loadM3, loadKg,
                    kgCo2e}]; unserved [{lotId, reason}]. Arrivals and departures are local times of the territory.""")
    PlanView plan(Actor actor, @PathVariable UUID id) {
        return plans.view(actor, id);
    }

    @PostMapping("/plans/{id}/stop")
    @Operation(summary = "Stop a plan now: it keeps the best routes found so far (202, they follow in a moment)")
    ResponseEntity<PlanView> stop(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(plans.stop(actor, id));
    }

    @PostMapping("/plans/{id}/accept")
    @Operation(summary = "Accept a solved, feasible plan: each stop becomes a pickup given to its donor, who is told",
            description = """
                    Pickups an earlier plan gave in the horizon stay when the plan keeps them, else they are marked
                    MOVED and their donor told. Answers {plan, pickupsGiven, pickupsMoved, pickupsKept}. 409 not-solved,
                    not-feasible, or stale (the plan it re-plans was replaced meanwhile).""")
    CollectionPlans.Acceptance accept(Actor actor, @PathVariable UUID id) {
        return plans.accept(actor, id);
    }

    record OutOfService(LocalDate from, LocalDate to, String reason) {
    }

    @PostMapping("/vehicles/{id}/unavailability")
    @Operation(summary = "A vehicle is out of service from..to (breakdown, inspection): re-plan around it",
            description = """
                    Its collector or a coordinator. Plans leave it out on those days, and each accepted plan it had
                    pickups in is re-planned from today without it, keeping the other pickups where they are as far as
                    possible. Answers 201 {unavailabilityId, pickupsAffected, replans: [planId]}: accept a re-plan to
                    give its donors their new slots.""")
    ResponseEntity<CollectionPlans.Breakdown> outOfService(Actor actor, @PathVariable UUID id,
            @RequestBody(required = false) OutOfService request) {
        CollectionPlans.Breakdown breakdown = request == null ? plans.outOfService(actor, id, null, null, null)
                : plans.outOfService(actor, id, request.from(), request.to(), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(breakdown);
    }

    @ExceptionHandler(CollectionConflictException.class)
    ProblemDetail conflict(CollectionConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.slug(), "Conflict", e.getMessage());
        if (e.planId() != null) {
            problem.setProperties(Map.of("planId", e.planId()));
        }
        return problem;
    }
}
