package org.boucle.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.settlement.PrinterSales.lines;
import static org.boucle.marketplace.settlement.PrinterSales.reserve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.marketplace.settlement.PrinterSales;
import org.boucle.marketplace.settlement.Settlements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments through Stripe, against the local stand-in: the exact requests Boucle sends (amounts, currency, transfer
 * group, idempotency keys) and signed webhooks, processed once, in any order.
 */
@BoucleTest
class StripePaymentTest extends StripeEnabledTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Settlements settlements;

    private PrinterSales sales;
    private TestSeller seller;
    private String account;

    @BeforeEach
    void sellerWithAConnectedAccount() {
        sales = new PrinterSales(port);
        sales.rulesInForce();
        seller = TestSeller.onboard(port, "WORKSHOP");
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        jdbc.sql("update organization set stripe_account_id = ? where id = ?")
                .params(account, UUID.fromString(seller.id())).update();
    }

    @Test
    void aCardPaymentIsConfirmedBySignedEventsOnlyAndSharedByTransfers() {
        String printer = sales.printer(seller, 10, 100.00);
        ApiClient buyer = ApiClient.demo(port, "buyer");
        String reservation = reserve(buyer, printer, 2);
        ApiClient.Response checkout = buyer.post("/api/v1/reservations/" + reservation + "/checkout",
                "{\"paymentMethod\": \"card\"}");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        JsonNode order = checkout.json();
        String id = order.get("id").asText();
        String intent = order.get("paymentIntentId").asText();
        assertThat(order.get("paymentClientSecret").asText()).startsWith(intent);
        assertThat(order.get("status").asText()).isEqualTo("AWAITING_PAYMENT");

        // 2 × 100.00 € + 20 % VAT = 240.00 €, charged on the platform in the order's transfer group.
        StripeStandIn.Request created = single(STRIPE.requests("POST", "/v1/payment_intents"), "metadata[order_id]", id);
        assertThat(created.idempotencyKey()).isEqualTo("order_" + id + "_payment_intent");
        assertThat(created.params()).containsEntry("amount", "24000").containsEntry("currency", "eur")
                .containsEntry("payment_method_types[0]", "card").containsEntry("transfer_group", "order_" + id);
        assertThat(buyer.post("/api/v1/reservations/" + reservation + "/checkout", "{\"paymentMethod\": \"card\"}")
                .status()).isEqualTo(200);
        single(STRIPE.requests("POST", "/v1/payment_intents"), "metadata[order_id]", id);
        // The seller does not see the buyer's client secret.
        assertThat(seller.client().get("/api/v1/orders/" + id).json().has("paymentClientSecret")).isFalse();

        String charge = STRIPE.newId("ch");
        String succeeded = event("payment_intent.succeeded", intent("succeeded", intent, id, charge));
        long now = Instant.now().getEpochSecond();
        assertThat(webhook(succeeded, null).status()).isEqualTo(400);
        assertThat(webhook(succeeded, StripeSignature.header(succeeded, "whsec_someone_else", now)).status()).isEqualTo(400);
        assertThat(webhook(succeeded, StripeSignature.header(succeeded, WEBHOOK_SECRET, now - 3600)).status()).isEqualTo(400);
        assertThat(webhook(succeeded.replace("24000", "1"), StripeSignature.header(succeeded, WEBHOOK_SECRET, now))
                .status()).isEqualTo(400);
        assertThat(status(id)).isEqualTo("AWAITING_PAYMENT");

        JsonNode accepted = webhook(succeeded, StripeSignature.header(succeeded, WEBHOOK_SECRET, now)).json();
        assertThat(accepted.get("duplicate").asBoolean()).isFalse();
        assertThat(accepted.get("outcome").asText()).isEqualTo("paid");
        assertThat(status(id)).isEqualTo("PAID");

        // Platform 7.20 and fund 12.00 stay on the platform; the seller's three shares leave by transfer, funded
        // from the charge: workshop 40.00, collector 6.00, the rest 174.80.
        JsonNode settlement = buyer.get("/api/v1/orders/" + id + "/settlement").json();
        assertThat(lines(settlement)).containsExactly("PLATFORM PAYMENT 720 CREDITED",
                "SOLIDARITY_FUND PAYMENT 1200 CREDITED", "WORKSHOP PAYMENT 4000 TRANSFERRED",
                "COLLECTOR PAYMENT 600 TRANSFERRED", "SELLER PAYMENT 17480 TRANSFERRED");
        List<StripeStandIn.Request> transfers = all(STRIPE.requests("POST", "/v1/transfers"), "transfer_group", "order_" + id);
        assertThat(transfers).extracting(r -> r.params().get("amount")).containsExactly("4000", "600", "17480");
        for (int i = 0; i < 3; i++) {
            StripeStandIn.Request transfer = transfers.get(i);
            assertThat(transfer.params()).containsEntry("currency", "eur").containsEntry("destination", account)
                    .containsEntry("source_transaction", charge);
            assertThat(transfer.idempotencyKey()).isEqualTo("settlement_" + settlement.get(i + 2).get("id").asText() + "_transfer");
            assertThat(settlement.get(i + 2).get("transferId").asText()).startsWith("tr_standin");
        }

        // Stripe repeats the event, then delivers an older failure late: nothing changes.
        JsonNode repeated = webhook(succeeded, StripeSignature.header(succeeded, WEBHOOK_SECRET, now)).json();
        assertThat(repeated.get("duplicate").asBoolean()).isTrue();
        String failed = event("payment_intent.payment_failed", intent("requires_payment_method", intent, id, null)
                .set("last_payment_error", json(Map.of("message", "Your card was declined."))));
        webhook(failed, StripeSignature.header(failed, WEBHOOK_SECRET, now));
        assertThat(status(id)).isEqualTo("PAID");
        assertThat(all(STRIPE.requests("POST", "/v1/transfers"), "transfer_group", "order_" + id)).hasSize(3);

        // The seller refunds: transfers reversed, charge refunded, units back on sale, the ledger back to zero.
        JsonNode refunded = seller.client().post("/api/v1/orders/" + id + "/refund", "{}").json();
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        StripeStandIn.Request refund = single(STRIPE.requests("POST", "/v1/refunds"), "metadata[order_id]", id);
        assertThat(refund.params()).containsEntry("charge", charge);
        assertThat(refund.idempotencyKey()).isEqualTo("order_" + id + "_refund");
        for (int i = 2; i < 5; i++) {
            JsonNode line = settlement.get(i);
            StripeStandIn.Request reversal = STRIPE.requests("POST", "/v1/transfers/" + line.get("transferId").asText()
                    + "/reversals").get(0);
            assertThat(reversal.params()).containsEntry("amount", line.get("amountCents").asText());
            assertThat(reversal.idempotencyKey()).isEqualTo("settlement_" + line.get("id").asText() + "_reversal");
        }
        assertThat(lines(buyer.get("/api/v1/orders/" + id + "/settlement").json())).allMatch(l -> l.endsWith("REVERSED"));
        assertThat(available(printer)).isEqualTo(10);
        assertThat(jdbc.sql("""
                select coalesce(sum(e.amount_cents), 0) from ledger_entry e join ledger_account a on a.id = e.account_id
                 where a.organization_id = ?""").param(UUID.fromString(seller.id())).query(Long.class).single()).isZero();
    }

    @Test
    void aRefundDeliveredBeforeItsPaymentsSuccessAppliesBothAndTheLateSuccessChangesNothing() {
        String printer = sales.printer(seller, 4, 50.00);
        ApiClient buyer = ApiClient.demo(port, "buyer");
        JsonNode order = buyer.post("/api/v1/reservations/" + reserve(buyer, printer, 1) + "/checkout",
                "{\"paymentMethod\": \"sepa_debit\"}").json();
        String id = order.get("id").asText();
        String intent = order.get("paymentIntentId").asText();
        assertThat(single(STRIPE.requests("POST", "/v1/payment_intents"), "metadata[order_id]", id).params())
                .containsEntry("payment_method_types[0]", "sepa_debit").containsEntry("amount", "6000");
        String charge = STRIPE.newId("ch");
        long now = Instant.now().getEpochSecond();

        String refund = event("charge.refunded", STRIPE.object("charge", Map.of("id", charge, "payment_intent", intent,
                "refunded", true, "amount", 6000, "amount_refunded", 6000, "refunds", Map.of("object", "list",
                        "has_more", false, "url", "/v1/charges/" + charge + "/refunds",
                        "data", List.of(STRIPE.object("refund", Map.of("id", "re_dashboard", "charge", charge)))))));
        assertThat(webhook(refund, StripeSignature.header(refund, WEBHOOK_SECRET, now)).json().get("outcome").asText())
                .isEqualTo("paid, then refunded");
        JsonNode after = buyer.get("/api/v1/orders/" + id).json();
        assertThat(after.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(after.get("refundId").asText()).isEqualTo("re_dashboard");
        assertThat(available(printer)).isEqualTo(4);

        String succeeded = event("payment_intent.succeeded", intent("succeeded", intent, id, charge));
        assertThat(webhook(succeeded, StripeSignature.header(succeeded, WEBHOOK_SECRET, now)).json().get("outcome")
                .asText()).isEqualTo("already REFUNDED");
        assertThat(all(STRIPE.requests("POST", "/v1/transfers"), "transfer_group", "order_" + id)).isEmpty();
        assertThat(available(printer)).isEqualTo(4);
    }

    @Test
    void aPublicBuyersInvoiceIsSentByStripeAndPaidByItsEvent() {
        String printer = sales.printer(seller, 6, 100.00);
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        // Its first invoice through Stripe makes it a Stripe customer (the test database outlives the stand-in).
        jdbc.sql("update organization set stripe_customer_id = null where id = ?")
                .param(UUID.fromString(publicBuyer.get("/api/v1/me").json().at("/organization/id").asText())).update();
        JsonNode order = publicBuyer.post("/api/v1/reservations/" + reserve(publicBuyer, printer, 3) + "/checkout",
                "{\"paymentMethod\": \"invoice\", \"serviceCode\": \"SERV-INFO\"}").json();
        String id = order.get("id").asText();
        String invoice = order.get("stripeInvoiceId").asText();
        String buyerOrganization = order.get("buyerId").asText();

        String customer = jdbc.sql("select stripe_customer_id from organization where id = ?")
                .param(UUID.fromString(buyerOrganization)).query(String.class).single();
        assertThat(STRIPE.requests("POST", "/v1/customers")).filteredOn(r -> buyerOrganization.equals(r.params().get("metadata[organization_id]")))
                .hasSize(1).allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo("organization_" + buyerOrganization + "_customer"));
        StripeStandIn.Request created = single(STRIPE.requests("POST", "/v1/invoices"), "metadata[order_id]", id);
        assertThat(created.params()).containsEntry("customer", customer).containsEntry("collection_method", "send_invoice")
                .containsEntry("days_until_due", "30").containsEntry("currency", "eur")
                .containsEntry("metadata[invoice_number]", order.get("invoiceNumber").asText());
        assertThat(created.idempotencyKey()).isEqualTo("order_" + id + "_invoice");
        StripeStandIn.Request item = single(STRIPE.requests("POST", "/v1/invoiceitems"), "invoice", invoice);
        assertThat(item.params()).containsEntry("amount", "36000").containsEntry("customer", customer);
        assertThat(item.idempotencyKey()).isEqualTo("order_" + id + "_invoice_item");
        assertThat(STRIPE.requests("POST", "/v1/invoices/" + invoice + "/finalize")).singleElement()
                .extracting(StripeStandIn.Request::idempotencyKey).isEqualTo("order_" + id + "_invoice_finalize");
        assertThat(STRIPE.requests("POST", "/v1/invoices/" + invoice + "/send")).singleElement()
                .extracting(StripeStandIn.Request::idempotencyKey).isEqualTo("order_" + id + "_invoice_send");

        String paid = event("invoice.paid", STRIPE.object("invoice", Map.of("id", invoice, "status", "paid",
                "customer", customer, "collection_method", "send_invoice", "amount_paid", 36000)));
        assertThat(webhook(paid, StripeSignature.header(paid, WEBHOOK_SECRET, Instant.now().getEpochSecond())).json()
                .get("outcome").asText()).isEqualTo("paid");
        assertThat(status(id)).isEqualTo("PAID");
        // The transfers are funded from the charge that paid the invoice, found through its payments.
        assertThat(all(STRIPE.requests("POST", "/v1/transfers"), "transfer_group", "order_" + id))
                .extracting(r -> r.params().get("amount") + " " + r.params().get("source_transaction"))
                .containsExactly("6000 ch_of_pi_of_" + invoice, "900 ch_of_pi_of_" + invoice,
                        "26220 ch_of_pi_of_" + invoice);
    }

    @Test
    void cancellingAnUnpaidCardOrderCancelsItsPaymentIntentAndRestocks() {
        String printer = sales.printer(seller, 3, 40.00);
        ApiClient buyer = ApiClient.demo(port, "buyer");
        JsonNode order = buyer.post("/api/v1/reservations/" + reserve(buyer, printer, 3) + "/checkout",
                "{\"paymentMethod\": \"card\"}").json();
        String id = order.get("id").asText();
        String intent = order.get("paymentIntentId").asText();
        assertThat(buyer.post("/api/v1/orders/" + id + "/cancel", "{}").json().get("status").asText())
                .isEqualTo("CANCELLED");
        assertThat(STRIPE.requests("POST", "/v1/payment_intents/" + intent + "/cancel")).singleElement()
                .extracting(StripeStandIn.Request::idempotencyKey).isEqualTo("order_" + id + "_cancel");
        assertThat(available(printer)).isEqualTo(3);
        String cancelled = event("payment_intent.canceled", intent("canceled", intent, id, null));
        assertThat(webhook(cancelled, StripeSignature.header(cancelled, WEBHOOK_SECRET, Instant.now().getEpochSecond()))
                .json().get("outcome").asText()).isEqualTo("already CANCELLED");
        assertThat(available(printer)).isEqualTo(3);
    }

    @Test
    void stripeOutagesAreRetriedWithTheSameIdempotencyKeys() {
        String printer = sales.printer(seller, 5, 100.00);
        ApiClient buyer = ApiClient.demo(port, "buyer");
        String reservation = reserve(buyer, printer, 1);
        var down = STRIPE.fail("/v1/payment_intents", 503);
        ApiClient.Response refused = buyer.post("/api/v1/reservations/" + reservation + "/checkout",
                "{\"paymentMethod\": \"card\"}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("type").asText()).endsWith("/payment-provider-unavailable");
        STRIPE.heal(down);
        JsonNode order = buyer.post("/api/v1/reservations/" + reservation + "/checkout", "{\"paymentMethod\": \"card\"}")
                .json();
        String id = order.get("id").asText();
        List<StripeStandIn.Request> attempts = all(STRIPE.requests("POST", "/v1/payment_intents"), "metadata[order_id]", id);
        assertThat(attempts).hasSizeGreaterThan(1)
                .allSatisfy(r -> assertThat(r.idempotencyKey()).isEqualTo("order_" + id + "_payment_intent"));

        down = STRIPE.fail("/v1/transfers", 500);
        String succeeded = event("payment_intent.succeeded",
                intent("succeeded", order.get("paymentIntentId").asText(), id, STRIPE.newId("ch")));
        assertThat(webhook(succeeded, StripeSignature.header(succeeded, WEBHOOK_SECRET, Instant.now().getEpochSecond()))
                .json().get("outcome").asText()).isEqualTo("paid");
        assertThat(lines(buyer.get("/api/v1/orders/" + id + "/settlement").json()))
                .filteredOn(l -> l.startsWith("SELLER")).containsExactly("SELLER PAYMENT 8740 CREDITED");
        STRIPE.heal(down);
        assertThat(settlements.payOut(Optional.of(UUID.fromString(id)))).isEqualTo(3);
        assertThat(lines(buyer.get("/api/v1/orders/" + id + "/settlement").json()))
                .filteredOn(l -> l.startsWith("SELLER")).containsExactly("SELLER PAYMENT 8740 TRANSFERRED");
        List<StripeStandIn.Request> sellerTransfers = all(STRIPE.requests("POST", "/v1/transfers"), "transfer_group",
                "order_" + id).stream().filter(r -> r.params().get("amount").equals("8740")).toList();
        assertThat(sellerTransfers).hasSizeGreaterThan(1)
                .extracting(StripeStandIn.Request::idempotencyKey).containsOnly(sellerTransfers.get(0).idempotencyKey());
    }

    private ObjectNode intent(String status, String id, String orderId, String charge) {
        ObjectNode intent = STRIPE.object("payment_intent", Map.of("id", id, "status", status, "amount", 24000,
                "currency", "eur", "metadata", Map.of("order_id", orderId)));
        intent.put("latest_charge", charge).putNull("last_payment_error").putNull("transfer_data");
        return intent;
    }

    private String event(String type, ObjectNode object) {
        return STRIPE.object("event", Map.of("id", STRIPE.newId("evt"), "type", type,
                "created", Instant.now().getEpochSecond(), "api_version", com.stripe.Stripe.API_VERSION,
                "data", Map.of("object", object))).toString();
    }

    private static JsonNode json(Object value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value);
    }

    private ApiClient.Response webhook(String payload, String signature) {
        ApiClient anonymous = ApiClient.anonymous(port);
        return signature == null ? anonymous.post("/api/v1/payments/stripe/webhook", payload)
                : anonymous.postWithHeader("/api/v1/payments/stripe/webhook", payload, "Stripe-Signature", signature);
    }

    private static StripeStandIn.Request single(List<StripeStandIn.Request> requests, String param, String value) {
        List<StripeStandIn.Request> matching = all(requests, param, value);
        assertThat(matching).as("requests with %s=%s", param, value).hasSize(1);
        return matching.get(0);
    }

    private static List<StripeStandIn.Request> all(List<StripeStandIn.Request> requests, String param, String value) {
        return requests.stream().filter(r -> value.equals(r.params().get(param))).toList();
    }

    private String status(String order) {
        return jdbc.sql("select status from customer_order where id = ?").param(UUID.fromString(order))
                .query(String.class).single();
    }

    private int available(String listing) {
        return jdbc.sql("select quantity_available from listing where id = ?").param(UUID.fromString(listing))
                .query(Integer.class).single();
    }
}
