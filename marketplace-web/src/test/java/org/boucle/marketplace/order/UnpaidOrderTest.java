package org.boucle.marketplace.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.settlement.PrinterSales.reserve;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.marketplace.payment.StripeEnabledTest;
import org.boucle.marketplace.payment.StripeStandIn;
import org.boucle.marketplace.settlement.PrinterSales;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Card and SEPA orders nobody paid give their units back after the payment window; a SEPA debit in progress stays. */
@BoucleTest
class UnpaidOrderTest extends StripeEnabledTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentJobs jobs;

    @Test
    void abandonedPaymentsAreCancelledAtStripeAndRestockedButProcessingDebitsAreKept() {
        TestSeller seller = TestSeller.onboard(port, "WORKSHOP");
        String printer = new PrinterSales(port).printer(seller, 5, 60.00);
        ApiClient buyer = ApiClient.demo(port, "buyer");
        JsonNode card = checkout(buyer, printer, 2, "card");
        JsonNode sepa = checkout(buyer, printer, 1, "sepa_debit");
        JsonNode fresh = checkout(buyer, printer, 1, "card");
        assertThat(available(printer)).isEqualTo(1);
        // Two of them were placed two hours ago; Stripe said the SEPA debit is processing.
        for (JsonNode old : new JsonNode[] {card, sepa}) {
            jdbc.sql("update customer_order set created_at = ? where id = ?")
                    .params(Timestamp.from(Instant.now().minus(2, ChronoUnit.HOURS)), UUID.fromString(old.get("id").asText()))
                    .update();
        }
        jdbc.sql("update customer_order set payment_processing_at = now() where id = ?")
                .param(UUID.fromString(sepa.get("id").asText())).update();

        jobs.abandonUnpaid();

        assertThat(status(card)).isEqualTo("CANCELLED");
        assertThat(STRIPE.requests("POST", "/v1/payment_intents/" + card.get("paymentIntentId").asText() + "/cancel"))
                .singleElement().extracting(StripeStandIn.Request::idempotencyKey)
                .isEqualTo("order_" + card.get("id").asText() + "_cancel");
        assertThat(status(sepa)).isEqualTo("AWAITING_PAYMENT");
        assertThat(status(fresh)).isEqualTo("AWAITING_PAYMENT");
        assertThat(available(printer)).isEqualTo(3);
    }

    private JsonNode checkout(ApiClient buyer, String listing, int quantity, String method) {
        ApiClient.Response order = buyer.post("/api/v1/reservations/" + reserve(buyer, listing, quantity) + "/checkout",
                "{\"paymentMethod\": \"" + method + "\"}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json();
    }

    private String status(JsonNode order) {
        return jdbc.sql("select status from customer_order where id = ?").param(UUID.fromString(order.get("id").asText()))
                .query(String.class).single();
    }

    private int available(String listing) {
        return jdbc.sql("select quantity_available from listing where id = ?").param(UUID.fromString(listing))
                .query(Integer.class).single();
    }
}
