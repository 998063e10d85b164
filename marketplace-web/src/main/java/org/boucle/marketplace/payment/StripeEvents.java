package org.boucle.marketplace.payment;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each Stripe event processed exactly once: its id is inserted in the same transaction as its effect, so a repeated
 * delivery (Stripe retries, or two instances receiving it at once) finds the row and changes nothing.
 */
@Service
class StripeEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PaymentEventHandler handler;
    private final Clock clock;

    StripeEvents(JdbcClient jdbc, TransactionTemplate transactions, PaymentEventHandler handler, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.handler = handler;
        this.clock = clock;
    }

    record Processed(boolean duplicate, String outcome) {
    }

    Processed process(Event event) {
        return transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into stripe_event (id, type, created, received_at, outcome) values (?, ?, ?, ?, 'processing')
                    on conflict (id) do nothing""")
                    .params(event.getId(), event.getType(), Timestamp.from(Instant.ofEpochSecond(event.getCreated())),
                            Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 0) {
                return new Processed(true, jdbc.sql("select outcome from stripe_event where id = ?")
                        .param(event.getId()).query(String.class).single());
            }
            PaymentEventHandler.Outcome outcome = handler.handle(event.getType(), dataObject(event));
            jdbc.sql("update stripe_event set order_id = ?, outcome = ? where id = ?")
                    .params(outcome.orderId(), outcome.description(), event.getId())
                    .update();
            return new Processed(false, outcome.description());
        });
    }

    /** Events of another API version than stripe-java's still carry the fields Boucle reads. */
    private static StripeObject dataObject(Event event) {
        var data = event.getDataObjectDeserializer();
        return data.getObject().orElseGet(() -> {
            try {
                return data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalArgumentException("Unreadable data.object in Stripe event " + event.getId(), e);
            }
        });
    }
}
