package org.boucle.marketplace.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
@RequestMapping("/api/v1/allocation/runs")
@Tag(name = "Allocation")
class AllocationApiController {

    private final AllocationRuns runs;

    AllocationApiController(AllocationRuns runs) {
        this.runs = runs;
    }

    record StartRequest(Integer timeLimitSeconds) {
    }

    record Started(UUID runId) {
    }

    @PostMapping
    @Operation(summary = "Start an allocation run over the territory's current supply and open needs (coordinators)",
            description = """
                    Body {timeLimitSeconds} (1 to the configured maximum, 10 minutes by default). Answers 202 {runId} at
                    once; the run solves in the background: follow it with GET /runs/{id}. One run at a time per
                    territory: 409 run-under-way names the running one in runId. 409 nothing-to-allocate when there is
                    no open need or no equipment on offer.""")
    ResponseEntity<Started> start(Actor actor, @RequestBody(required = false) StartRequest request) {
        UUID id = runs.start(actor, request == null ? null : request.timeLimitSeconds());
        return ResponseEntity.accepted().location(URI.create("/api/v1/allocation/runs/" + id)).body(new Started(id));
    }

    @GetMapping
    @Operation(summary = "The territory's latest runs, newest first, without their assignments")
    List<RunView> recent(Actor actor) {
        return runs.recent(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A run: status, best score so far, figures, assignments and why each need got what it got",
            description = """
                    status RUNNING (score, metrics and progress improve as it solves), SOLVED, ACCEPTED or FAILED
                    (failure says why: a crashed instance, an optimiser error). score is "hard/soft": hard 0 means
                    feasible; soft is what the plan is worth under the weights, in millionths of a euro. assignments:
                    [{supplyId (listing), demandId, quantity, unitPrice, unitSubsidy, km, reservationId, conflict}];
                    metrics in euros excluding VAT; explanations: one per need, with the supply that could have served
                    it filter by filter, the reason for any shortfall and its part of each constraint.""")
    RunView run(Actor actor, @PathVariable UUID id) {
        return runs.view(actor, id);
    }

    @GetMapping("/{id}/inputs")
    @Operation(summary = "What the run saw: the listings on offer and the open needs, with names and places")
    RunInputs inputs(Actor actor, @PathVariable UUID id) {
        return runs.inputs(actor, id);
    }

    record Comparison(RunView run, RunView previous) {
    }

    @GetMapping("/{id}/comparison")
    @Operation(summary = "The run beside the previous plan: the last one accepted before it, else the last one solved",
            description = "previous is absent when there is none.")
    Comparison comparison(Actor actor, @PathVariable UUID id) {
        return new Comparison(runs.view(actor, id), runs.previous(actor, id).orElse(null));
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop a run now: it keeps the best plan found so far (202, the plan follows in a moment)")
    ResponseEntity<RunView> stop(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.accepted().body(runs.stop(actor, id));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a solved, feasible plan: hold its units for their recipients and tell them",
            description = """
                    Each assignment becomes a reservation held for the recipient (7 days by default) through the
                    reservation component, so stock sold since the run is never held twice: such an assignment gets a
                    conflict and the others go ahead. Answers {run, unitsHeld, conflicts}. 409 not-solved or
                    not-feasible.""")
    AllocationRuns.Acceptance accept(Actor actor, @PathVariable UUID id) {
        return runs.accept(actor, id);
    }

    @ExceptionHandler(AllocationConflictException.class)
    ProblemDetail conflict(AllocationConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, e.slug(), "Conflict", e.getMessage());
        if (e.runId() != null) {
            problem.setProperties(Map.of("runId", e.runId()));
        }
        return problem;
    }
}
