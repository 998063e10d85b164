package org.boucle.marketplace.order;

import java.time.Clock;
import java.util.Optional;
import org.boucle.marketplace.payment.PaymentUnavailableException;
import org.boucle.marketplace.payment.StripeGateway;
import org.boucle.marketplace.payment.StripeProperties;
import org.boucle.marketplace.settlement.Settlements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On every instance: gives back the units of card and SEPA orders nobody started paying, and retries the transfers
 * that failed. Both are safe to run concurrently (conditional updates, skip locked, idempotency keys).
 */
@Component
class PaymentJobs {

    private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

    private final Orders orders;
    private final Settlements settlements;
    private final StripeGateway stripe;
    private final StripeProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentJobs(Orders orders, Settlements settlements, StripeGateway stripe, StripeProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.orders = orders;
        this.settlements = settlements;
        this.stripe = stripe;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${boucle.stripe.retry-interval:1m}", initialDelayString = "${boucle.stripe.retry-interval:1m}")
    void run() {
        if (!stripe.enabled()) {
            return;
        }
        abandonUnpaid();
        int transferred = settlements.payOut(Optional.empty());
        if (transferred > 0) {
            log.info("Paid out {} share(s) by Stripe transfer", transferred);
        }
    }

    void abandonUnpaid() {
        for (var id : orders.abandoned(clock.instant().minus(properties.paymentWindow()))) {
            try {
                orders.find(id).filter(o -> o.paymentIntentId() != null)
                        .ifPresent(o -> stripe.cancelPaymentIntent(id, o.paymentIntentId()));
                transactions.executeWithoutResult(status -> orders.cancelUnpaid(id));
                log.info("Cancelled unpaid order {} after {}", id, properties.paymentWindow());
            } catch (PaymentUnavailableException e) {
                log.warn("Could not cancel unpaid order {} yet: {}", id, e.getMessage());
            }
        }
    }
}
