package org.boucle.marketplace.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.boucle.marketplace.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's webhook endpoint. Public (Stripe has no session), so nothing happens without a valid signature. */
@RestController
@Tag(name = "Payments")
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeGateway stripe;
    private final StripeEvents events;

    StripeWebhookController(StripeGateway stripe, StripeEvents events) {
        this.stripe = stripe;
        this.events = events;
    }

    @PostMapping(path = "/api/v1/payments/stripe/webhook", consumes = "application/json")
    @Operation(summary = "Stripe webhook (signed with the endpoint secret)", description = """
            Verifies the Stripe-Signature header; a bad or missing signature answers 400 and changes nothing.
            Each event is processed once: a repeated delivery answers 200 with duplicate=true.""")
    ResponseEntity<?> receive(@RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        Event event;
        try {
            if (signature == null || signature.isBlank()) {
                throw new SignatureVerificationException("Missing Stripe-Signature header", null);
            }
            event = stripe.verifiedEvent(payload, signature);
        } catch (SignatureVerificationException e) {
            log.warn("Refused a Stripe webhook: {}", e.getMessage());
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-signature",
                    "Invalid Stripe signature", "The Stripe-Signature header does not match this payload");
            return ResponseEntity.badRequest().body(problem);
        } catch (RuntimeException unreadable) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-event",
                    "Unreadable Stripe event", "The payload is not a Stripe event"));
        }
        StripeEvents.Processed processed = events.process(event);
        return ResponseEntity.ok(Map.of("id", event.getId(), "duplicate", processed.duplicate(),
                "outcome", processed.outcome()));
    }
}
