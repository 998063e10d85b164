package org.boucle.marketplace.order;

import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.payment.PaymentEventHandler;
import org.boucle.marketplace.settlement.Settlements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What Stripe's verified events do to orders. An order only moves forward (awaiting payment → paid → refunded, or
 * cancelled), so an event that arrives late or out of order finds the order past it and changes nothing; a refund
 * that arrives before its payment's success applies both.
 */
@Component
class OrderPayments implements PaymentEventHandler {

    private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);

    private final Orders orders;
    private final Settlements settlements;
    private final JdbcClient jdbc;

    OrderPayments(Orders orders, Settlements settlements, JdbcClient jdbc) {
        this.orders = orders;
        this.settlements = settlements;
        this.jdbc = jdbc;
    }

    @Override
    public Outcome handle(String eventType, StripeObject object) {
        return switch (eventType) {
            case "payment_intent.succeeded" -> withIntent(object, order -> {
                if (!orders.paid(order.id(), ((PaymentIntent) object).getLatestCharge(), null)) {
                    return "already " + order.status();
                }
                payOutAfterCommit(order.id());
                return "paid";
            });
            case "payment_intent.processing" -> withIntent(object, order -> {
                jdbc.sql("update customer_order set payment_processing_at = now() where id = ? and payment_processing_at is null")
                        .param(order.id()).update();
                return "processing";
            });
            case "payment_intent.payment_failed" -> withIntent(object, order -> {
                var error = ((PaymentIntent) object).getLastPaymentError();
                String message = error == null || error.getMessage() == null ? "payment failed" : error.getMessage();
                jdbc.sql("""
                        update customer_order set last_payment_error = left(?, 500), payment_processing_at = null
                         where id = ? and status = 'AWAITING_PAYMENT'""")
                        .params(message, order.id()).update();
                return "payment failed: " + message;
            });
            case "payment_intent.canceled" -> withIntent(object,
                    order -> orders.cancelUnpaid(order.id()) ? "cancelled" : "already " + order.status());
            case "invoice.paid" -> withInvoice(object, order -> {
                if (!orders.paid(order.id(), null, null)) {
                    return "already " + order.status();
                }
                payOutAfterCommit(order.id());
                return "paid";
            });
            case "invoice.voided", "invoice.marked_uncollectible" -> withInvoice(object,
                    order -> orders.cancelUnpaid(order.id()) ? "cancelled" : "already " + order.status());
            case "charge.refunded" -> refunded((Charge) object);
            default -> Outcome.ignored("event type not used by Boucle");
        };
    }

    private Outcome refunded(Charge charge) {
        if (!Boolean.TRUE.equals(charge.getRefunded())) {
            return Outcome.ignored("partial refunds are handled by hand");
        }
        Optional<OrderView> found = Optional.ofNullable(charge.getPaymentIntent()).flatMap(orders::byPaymentIntent);
        if (found.isEmpty()) {
            return Outcome.ignored("no order for this charge");
        }
        OrderView order = found.get();
        // Delivered before the payment's own success: the money did arrive, then left again.
        boolean paidNow = orders.paid(order.id(), charge.getId(), null);
        // A refund made from Stripe's dashboard does not take back the transfers by itself.
        settlements.reverseTransfers(order.id());
        boolean refunded = orders.refunded(order.id(), charge.getRefunds() == null || charge.getRefunds().getData().isEmpty()
                ? null : charge.getRefunds().getData().get(0).getId());
        return new Outcome(order.id(), refunded ? (paidNow ? "paid, then refunded" : "refunded") : "already " + order.status());
    }

    private Outcome withIntent(StripeObject object, OrderStep step) {
        PaymentIntent intent = (PaymentIntent) object;
        Optional<OrderView> order = orders.byPaymentIntent(intent.getId());
        if (order.isEmpty() && intent.getMetadata() != null && intent.getMetadata().get("order_id") != null) {
            order = orders.find(UUID.fromString(intent.getMetadata().get("order_id")));
        }
        return order.map(o -> new Outcome(o.id(), step.apply(o)))
                .orElseGet(() -> Outcome.ignored("no order for PaymentIntent " + intent.getId()));
    }

    private Outcome withInvoice(StripeObject object, OrderStep step) {
        Invoice invoice = (Invoice) object;
        return orders.byStripeInvoice(invoice.getId()).map(o -> new Outcome(o.id(), step.apply(o)))
                .orElseGet(() -> Outcome.ignored("no order for invoice " + invoice.getId()));
    }

    /** The shares leave once the payment is committed; a failure is retried by {@link PaymentJobs}. */
    private void payOutAfterCommit(UUID orderId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    settlements.payOut(Optional.of(orderId));
                } catch (RuntimeException e) {
                    log.warn("Paying out order {} failed, will retry: {}", orderId, e.getMessage());
                }
            }
        });
    }

    private interface OrderStep {
        String apply(OrderView order);
    }
}
