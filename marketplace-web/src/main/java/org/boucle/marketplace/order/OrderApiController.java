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
import org.boucle.marketplace.settlement.SettlementLine;
import org.boucle.marketplace.settlement.Settlements;
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
    private final Settlements settlements;

    OrderApiController(Orders orders, Settlements settlements) {
        this.orders = orders;
        this.settlements = settlements;
    }

    record Checkout(@NotBlank String paymentMethod, String serviceCode, String commitmentNumber) {
    }

    record BankTransfer(String reference) {
    }

    @PostMapping("/api/v1/reservations/{id}/checkout")
    @Operation(summary = "Turn a held reservation into an order", description = """
            paymentMethod: donation (associations, donated listings), invoice (public buyers, with their Chorus Pro
            serviceCode and commitmentNumber when they have them), card or sepa_debit (through Stripe: the order
            carries the PaymentIntent's id and client secret to confirm with Stripe.js; refused with
            payment-method-unavailable while Stripe is off). Checking out the same reservation again answers the same
            order (200).""")
    ResponseEntity<OrderView> checkout(Actor actor, @PathVariable UUID id, @Valid @RequestBody Checkout request) {
        Orders.CheckedOut done = orders.checkout(actor, id,
                new Orders.CheckoutRequest(request.paymentMethod(), request.serviceCode(), request.commitmentNumber()));
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

    @PostMapping("/api/v1/orders/{id}/cancel")
    @Operation(summary = "Cancel an unpaid order, or take back a donation", description = """
            The buyer, the seller or a coordinator. The units go back on sale; the shares are cancelled (or reversed
            for a donation's subsidy). A paid order is refunded instead.""")
    OrderView cancel(Actor actor, @PathVariable UUID id) {
        return orders.cancel(actor, id);
    }

    @PostMapping("/api/v1/orders/{id}/refund")
    @Operation(summary = "Refund a paid order in full (its seller or a coordinator)", description = """
            Stripe refunds the charge and the transferred shares are reversed; the units go back on sale and every
            share is reversed in the ledger.""")
    OrderView refund(Actor actor, @PathVariable UUID id) {
        return orders.refund(actor, id);
    }

    @PostMapping("/api/v1/orders/{id}/bank-transfer")
    @Operation(summary = "Record the bank transfer that paid an invoice outside Stripe (coordinators)")
    OrderView bankTransfer(Actor actor, @PathVariable UUID id, @RequestBody BankTransfer request) {
        return orders.recordBankTransfer(actor, id, request.reference());
    }

    @GetMapping("/api/v1/orders/{id}/settlement")
    @Operation(summary = "How the order's money is shared", description = """
            One line per share: organization (none for the platform and the solidarity fund), role, source (PAYMENT
            lines sum exactly to the amount paid; SOLIDARITY_FUND lines are the fund's subsidy of the chain's costs),
            amount, rule version, Stripe transfer and status.""")
    List<SettlementLine> settlement(Actor actor, @PathVariable UUID id) {
        orders.order(actor, id);
        return settlements.settlement(id);
    }

    @ExceptionHandler(CheckoutRefusedException.class)
    ProblemDetail refused(CheckoutRefusedException e) {
        HttpStatus status = switch (e.slug()) {
            case "reservation-not-held", "order-not-cancellable", "order-not-refundable", "order-not-awaiting-payment" ->
                    HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return Problems.of(status, e.slug(), "Checkout refused", e.getMessage());
    }
}
