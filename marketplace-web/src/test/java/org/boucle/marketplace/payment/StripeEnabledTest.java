package org.boucle.marketplace.payment;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with Stripe enabled against the local stand-in. Test classes extend it so that they share one
 * application context.
 */
public abstract class StripeEnabledTest {

    protected static final String WEBHOOK_SECRET = "whsec_boucle_test_secret";
    protected static final StripeStandIn STRIPE = StripeStandIn.shared();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("boucle.stripe.secret-key", () -> "sk_test_boucle_standin");
        registry.add("boucle.stripe.publishable-key", () -> "pk_test_boucle_standin");
        registry.add("boucle.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("boucle.stripe.api-base", STRIPE::baseUrl);
        // The tests drive the retries and the abandonment of unpaid orders themselves.
        registry.add("boucle.stripe.retry-interval", () -> "1h");
    }
}
