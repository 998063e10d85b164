package org.boucle.marketplace.reservation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reservations")
@Tag(name = "Reservations")
class ReservationApiController {

    private final Reservations reservations;

    ReservationApiController(Reservations reservations) {
        this.reservations = reservations;
    }

    record NewReservation(@NotNull UUID listingId, @NotNull @Positive Integer quantity) {
    }

    @PostMapping
    @Operation(summary = "Hold units of a listing for a limited time (buyers and associations)", description = """
            Send an Idempotency-Key header to make retries safe: the same key from the same organization answers the
            same reservation (200) and never holds twice. 409 insufficient-quantity says how many units are left.""")
    ResponseEntity<ReservationView> reserve(Actor actor, @Valid @RequestBody NewReservation request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Reservations.Reserved reserved = reservations.reserve(actor, request.listingId(), request.quantity(), idempotencyKey);
        URI location = URI.create("/api/v1/reservations/" + reserved.reservation().id());
        return reserved.created()
                ? ResponseEntity.created(location).body(reserved.reservation())
                : ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(reserved.reservation());
    }

    @GetMapping
    @Operation(summary = "My organization's reservations, newest first")
    List<ReservationView> reservations(Actor actor) {
        return reservations.reservations(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A reservation (its organization and coordinators only)")
    ReservationView reservation(Actor actor, @PathVariable UUID id) {
        return reservations.reservation(actor, id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Release a hold: its units go back to the listing")
    ResponseEntity<Void> release(Actor actor, @PathVariable UUID id) {
        reservations.release(actor, id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InsufficientQuantityException.class)
    ProblemDetail insufficient(InsufficientQuantityException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "insufficient-quantity", "Insufficient quantity",
                e.getMessage());
        problem.setProperty("available", e.available());
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
                e.getMessage());
    }
}
