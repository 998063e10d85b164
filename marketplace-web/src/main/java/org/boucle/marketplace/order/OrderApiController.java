package org.boucle.marketplace.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class OrderApiController {

    private final Orders orders;

    OrderApiController(Orders orders) {
        this.orders = orders;
    }

    record Checkout(@NotBlank String paymentMethod) {
    }

    @PostMapping("/api/v1/reservations/{id}/checkout")
    @Operation(summary = "Turn a held reservation into an order", description = """
            paymentMethod: donation (associations, donated listings), invoice (public buyers), card or sepa_debit
            (through Stripe, refused with payment-method-unavailable while Stripe is off). Checking out the same
            reservation again answers the same order (200).""")
    ResponseEntity<OrderView> checkout(Actor actor, @PathVariable UUID id, @Valid @RequestBody Checkout request) {
        Orders.CheckedOut done = orders.checkout(actor, id, request.paymentMethod());
        URI location = URI.create("/api/v1/orders/" + done.order().id());
        return done.created() ? ResponseEntity.created(location).body(done.order())
                : ResponseEntity.ok().location(location).body(done.order());
    }

    @GetMapping("/api/v1/orders")
    @Operation(summary = "My organization's orders, newest first")
    List<OrderView> orders(Actor actor) {
        return orders.orders(actor);
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(summary = "An order (its buyer, its seller and coordinators only)")
    OrderView order(Actor actor, @PathVariable UUID id) {
        return orders.order(actor, id);
    }

    @ExceptionHandler(CheckoutRefusedException.class)
    ProblemDetail refused(CheckoutRefusedException e) {
        HttpStatus status = "reservation-not-held".equals(e.slug()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        return Problems.of(status, e.slug(), "Checkout refused", e.getMessage());
    }
}
