package org.boucle.marketplace.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems;
import org.boucle.marketplace.traceability.CustodyRefusedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Collection")
class PickupApiController {

    private final Pickups pickups;
    private final RouteSheets routes;
    private final PickupCalendar calendar;

    PickupApiController(Pickups pickups, RouteSheets routes, PickupCalendar calendar) {
        this.pickups = pickups;
        this.routes = routes;
        this.calendar = calendar;
    }

    /** Why a donor cancels its pickup. */
    record Cancellation(String reason) {
    }

    @GetMapping("/api/v1/collection/pickups")
    @Operation(summary = "Pickups of accepted plans: a donor's own, a collector's vehicles', every one for coordinators",
            description = "Days from..to (default: two weeks ago to three months ahead), every status.")
    List<Pickup> pickups(Actor actor, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate start = from == null ? pickups.today().minusDays(14) : from;
        return pickups.pickups(actor, start, to == null ? start.plusMonths(3) : to);
    }

    @GetMapping("/api/v1/collection/pickups/{id}")
    @Operation(summary = "One pickup")
    Pickup pickup(Actor actor, @PathVariable UUID id) {
        return pickups.pickup(actor, id);
    }

    @PostMapping("/api/v1/collection/pickups/{id}/cancel")
    @Operation(summary = "Cancel a scheduled pickup (its donor or a coordinator), body {reason}: the plan is re-planned")
    Pickup cancel(Actor actor, @PathVariable UUID id, @RequestBody Cancellation request) {
        return pickups.cancel(actor, id, request.reason());
    }

    @PostMapping("/api/v1/collection/pickups/{id}/announce")
    @Operation(summary = "The donor announces the devices of a scheduled pickup's lots (custody step ANNOUNCED)",
            description = "Devices already announced, or further along, are counted and left as they are.")
    Pickups.Announcement announce(Actor actor, @PathVariable UUID id) {
        return pickups.announce(actor, id);
    }

    @PostMapping("/api/v1/collection/pickups/{id}/collected")
    @Operation(summary = "The vehicle's collector confirms a scheduled pickup: its lots' devices are COLLECTED",
            description = "All or nothing: devices the donor has not announced refuse the step (422), nothing changes.")
    Pickup collected(Actor actor, @PathVariable UUID id) {
        return pickups.collected(actor, id);
    }

    @GetMapping("/api/v1/collection/pickups/calendar")
    @Operation(summary = "The donor's pickups calendar address (iCalendar), created on first request")
    PickupCalendar.CalendarLink calendarLink(Actor actor) {
        return PickupCalendar.link(calendar.token(actor));
    }

    @PostMapping("/api/v1/collection/pickups/calendar/rotate")
    @Operation(summary = "A new calendar address for the donor: the previous one stops working")
    PickupCalendar.CalendarLink rotate(Actor actor) {
        return PickupCalendar.link(calendar.rotate(actor));
    }

    @GetMapping("/api/v1/collection/routes")
    @Operation(summary = "Vehicle-days with pickups from today on: the collector's vehicles, every one for coordinators")
    List<RouteSheets.VehicleDay> routes(Actor actor) {
        return routes.upcoming(actor);
    }

    @GetMapping("/api/v1/collection/routes/{vehicleId}/{day}")
    @Operation(summary = "A vehicle's route sheet for a day: depot, stops in order, workshops to unload at")
    RouteSheets.RouteSheet route(Actor actor, @PathVariable UUID vehicleId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return routes.sheet(actor, vehicleId, day);
    }

    @ExceptionHandler(PickupConflictException.class)
    ProblemDetail conflict(PickupConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, "pickup-" + e.slug(), "Conflict", e.getMessage());
    }

    /** As the custody API answers it: which devices refused the step, and why. */
    @ExceptionHandler(CustodyRefusedException.class)
    ProblemDetail refused(CustodyRefusedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "custody-refused", "Step refused",
                e.refused().size() + " device(s) cannot take this step; nothing was recorded");
        problem.setProperty("refused", e.refused());
        return problem;
    }
}
