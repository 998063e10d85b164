package org.boucle.marketplace.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/search")
@Tag(name = "Catalogue search administration")
class SearchAdminApiController {

    private final SearchReindexer reindexer;
    private final SearchStatus status;

    SearchAdminApiController(SearchReindexer reindexer, SearchStatus status) {
        this.reindexer = reindexer;
        this.status = status;
    }

    @GetMapping
    @Operation(summary = "The index behind the alias, its size, changes waiting in the outbox, the last reindex (coordinators)")
    SearchStatus.View status(Actor actor) {
        return status.view(actor);
    }

    @PostMapping("/reindex")
    @Operation(summary = "Rebuild the catalogue index from PostgreSQL and swap it in with no downtime (coordinators)")
    ResponseEntity<ReindexView> reindex(Actor actor) {
        ReindexView started = reindexer.start(actor);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/admin/search/reindex/" + started.id()))
                .body(started);
    }

    @GetMapping("/reindex/{id}")
    @Operation(summary = "Progress of a reindex (coordinators)")
    ReindexView reindex(Actor actor, @PathVariable UUID id) {
        return reindexer.status(actor, id);
    }

    @ExceptionHandler(ReindexRunningException.class)
    ProblemDetail running(ReindexRunningException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "reindex-running", "Reindex already running",
                "A reindex is already running; follow it rather than starting another");
        problem.setProperty("runningId", e.runningId());
        return problem;
    }
}
