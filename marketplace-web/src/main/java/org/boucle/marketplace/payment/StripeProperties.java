package org.boucle.marketplace.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe: off until a secret key is set. Without it donations and invoices still work; card and SEPA debit say
 * clearly that they are unavailable.
 *
 * @param secretKey the platform account's secret key (sk_live_… or sk_test_…); empty turns Stripe off
 * @param publishableKey handed to the buyer's browser to confirm a payment
 * @param webhookSecret the webhook endpoint's signing secret (whsec_…)
 * @param apiBase where the Stripe API answers; tests point it at a local stand-in
 * @param webhookTolerance how old a signed webhook may be before it is refused as a replay
 * @param paymentWindow how long a card or SEPA order that nobody started paying keeps its units
 * @param invoiceDaysUntilDue payment term of invoices (French public bodies: 30 days)
 * @param retryInterval how often each instance retries the Stripe calls that failed (transfers)
 */
@ConfigurationProperties("boucle.stripe")
public record StripeProperties(@DefaultValue("") String secretKey, @DefaultValue("") String publishableKey,
        @DefaultValue("") String webhookSecret, @DefaultValue("https://api.stripe.com") URI apiBase,
        @DefaultValue("5m") Duration webhookTolerance, @DefaultValue("1h") Duration paymentWindow,
        @DefaultValue("30") int invoiceDaysUntilDue, @DefaultValue("1m") Duration retryInterval) {

    public boolean enabled() {
        return !secretKey.isBlank();
    }
}
