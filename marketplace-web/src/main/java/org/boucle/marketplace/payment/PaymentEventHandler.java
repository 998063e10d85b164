package org.boucle.marketplace.payment;

import com.stripe.model.StripeObject;
import java.util.UUID;

/**
 * What a verified Stripe event does to Boucle's orders. Called inside the transaction that records the event, so an
 * event's effect and its "processed" mark commit together or not at all.
 */
public interface PaymentEventHandler {

    /** @param object the event's data.object; its type follows the event type */
    Outcome handle(String eventType, StripeObject object);

    /** What the event did, kept with the event: the order it concerned (if any) and a short description. */
    record Outcome(UUID orderId, String description) {
        public static Outcome ignored(String why) {
            return new Outcome(null, "ignored: " + why);
        }
    }
}
