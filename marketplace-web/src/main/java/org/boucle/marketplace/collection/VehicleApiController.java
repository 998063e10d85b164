package org.boucle.marketplace.collection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/collection/vehicles")
@Tag(name = "Collection")
class VehicleApiController {

    private final Fleet fleet;

    VehicleApiController(Fleet fleet) {
        this.fleet = fleet;
    }

    @GetMapping
    @Operation(summary = "The fleet in service: the collector's own vehicles, or every collector's for coordinators")
    List<Vehicle> vehicles(Actor actor) {
        return fleet.vehicles(actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One vehicle")
    Vehicle vehicle(Actor actor, @PathVariable UUID id) {
        return fleet.vehicle(actor, id);
    }

    @PostMapping
    @Operation(summary = "Declare a vehicle (collectors for their fleet, coordinators for any collector's)",
            description = """
                    Body {organizationId? (coordinators), name, depotSiteId (a site of the collector), capacityM3,
                    capacityKg (payload), grossWeightKg (for sites' access limits, e.g. 3500), shiftStart, shiftEnd
                    ("08:00"), costPerKm, costPerHour (euros excl. VAT), kgCo2ePerKm, allowedDays ["MONDAY", ...]}.
                    Every field at fault is listed in one problem.""")
    ResponseEntity<Vehicle> add(Actor actor, @RequestBody NewVehicle request) {
        Vehicle vehicle = fleet.add(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/collection/vehicles/" + vehicle.id())).body(vehicle);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Take a vehicle out of service (it stays named in the plans that used it)")
    ResponseEntity<Void> deactivate(Actor actor, @PathVariable UUID id) {
        fleet.deactivate(actor, id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidVehicleException.class)
    ProblemDetail invalid(InvalidVehicleException e) {
        return Problems.invalid(e.getMessage(), e.problems());
    }
}
