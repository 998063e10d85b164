package org.boucle.marketplace.payment;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferReversalCreateParams;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Every call Boucle makes to Stripe. Each carries an idempotency key derived from our own ids, so that a retry
 * (ours, or stripe-java's network retries) never charges, invoices, refunds or transfers twice.
 */
@Component
public class StripeGateway {

    private final StripeProperties properties;
    private final StripeClient client;

    StripeGateway(StripeProperties properties) {
        this.properties = properties;
        this.client = properties.enabled()
                ? StripeClient.builder()
                        .setApiKey(properties.secretKey())
                        .setApiBase(properties.apiBase().toString().replaceAll("/+$", ""))
                        .setConnectTimeout(5_000)
                        .setReadTimeout(30_000)
                        .setMaxNetworkRetries(2)
                        .build()
                : null;
    }

    public boolean enabled() {
        return client != null;
    }

    public String publishableKey() {
        return properties.publishableKey();
    }

    public record PaymentIntentRef(String id, String clientSecret) {
    }

    /** Separate charges and transfers: the charge lands on the platform, the shares leave by transfer later. */
    public PaymentIntentRef createPaymentIntent(UUID orderId, long amountCents, String currency, String method,
            String description) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amountCents)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .addPaymentMethodType(method)
                .setTransferGroup(transferGroup(orderId))
                .setDescription(description)
                .putMetadata("order_id", orderId.toString())
                .build();
        PaymentIntent intent = call(() -> stripe().v1().paymentIntents().create(params,
                key("order_" + orderId + "_payment_intent")));
        return new PaymentIntentRef(intent.getId(), intent.getClientSecret());
    }

    public void cancelPaymentIntent(UUID orderId, String paymentIntentId) {
        call(() -> stripe().v1().paymentIntents().cancel(paymentIntentId,
                PaymentIntentCancelParams.builder()
                        .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED).build(),
                key("order_" + orderId + "_cancel")));
    }

    public String createCustomer(UUID organizationId, String name, String email, String siret) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder()
                .setName(name)
                .putMetadata("organization_id", organizationId.toString());
        if (email != null) {
            params.setEmail(email);
        }
        if (siret != null) {
            params.putMetadata("siret", siret);
        }
        return call(() -> stripe().v1().customers().create(params.build(),
                key("organization_" + organizationId + "_customer"))).getId();
    }

    /** A finalized invoice sent to the customer, paid by bank transfer (collection_method=send_invoice). */
    public String sendInvoice(UUID orderId, String customerId, long amountCents, String currency, String description,
            String invoiceNumber) {
        String lowerCurrency = currency.toLowerCase(Locale.ROOT);
        Invoice draft = call(() -> stripe().v1().invoices().create(InvoiceCreateParams.builder()
                        .setCustomer(customerId)
                        .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
                        .setDaysUntilDue((long) properties.invoiceDaysUntilDue())
                        .setCurrency(lowerCurrency)
                        .setAutoAdvance(false)
                        .setDescription(description)
                        .putMetadata("order_id", orderId.toString())
                        .putMetadata("invoice_number", invoiceNumber)
                        .build(),
                key("order_" + orderId + "_invoice")));
        call(() -> stripe().v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                        .setCustomer(customerId)
                        .setInvoice(draft.getId())
                        .setAmount(amountCents)
                        .setCurrency(lowerCurrency)
                        .setDescription(description)
                        .build(),
                key("order_" + orderId + "_invoice_item")));
        call(() -> stripe().v1().invoices().finalizeInvoice(draft.getId(), key("order_" + orderId + "_invoice_finalize")));
        call(() -> stripe().v1().invoices().sendInvoice(draft.getId(), key("order_" + orderId + "_invoice_send")));
        return draft.getId();
    }

    public void voidInvoice(UUID orderId, String invoiceId) {
        call(() -> stripe().v1().invoices().voidInvoice(invoiceId, key("order_" + orderId + "_invoice_void")));
    }

    /** The charge that paid an invoice, which the transfers of its shares are funded from. */
    public Optional<String> invoiceCharge(String invoiceId) {
        var payments = call(() -> stripe().v1().invoicePayments().list(
                InvoicePaymentListParams.builder().setInvoice(invoiceId).build()));
        for (InvoicePayment payment : payments.getData()) {
            if (payment.getPayment() == null || !"paid".equals(payment.getStatus())) {
                continue;
            }
            if (payment.getPayment().getCharge() != null) {
                return Optional.of(payment.getPayment().getCharge());
            }
            String intent = payment.getPayment().getPaymentIntent();
            if (intent != null) {
                return Optional.ofNullable(call(() -> stripe().v1().paymentIntents().retrieve(intent)).getLatestCharge());
            }
        }
        return Optional.empty();
    }

    /** Refunds the whole payment of an order (through its charge). */
    public String refund(UUID orderId, String chargeId) {
        return call(() -> stripe().v1().refunds().create(RefundCreateParams.builder()
                        .setCharge(chargeId)
                        .putMetadata("order_id", orderId.toString())
                        .build(),
                key("order_" + orderId + "_refund"))).getId();
    }

    /** Pays one share to a connected account, from the order's charge when there is one. */
    public String transfer(UUID settlementLineId, UUID orderId, long amountCents, String currency, String destination,
            String sourceTransaction) {
        TransferCreateParams.Builder params = TransferCreateParams.builder()
                .setAmount(amountCents)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .setDestination(destination)
                .setTransferGroup(transferGroup(orderId))
                .putMetadata("order_id", orderId.toString())
                .putMetadata("settlement_line_id", settlementLineId.toString());
        if (sourceTransaction != null) {
            params.setSourceTransaction(sourceTransaction);
        }
        return call(() -> stripe().v1().transfers().create(params.build(),
                key("settlement_" + settlementLineId + "_transfer"))).getId();
    }

    public String reverseTransfer(UUID settlementLineId, String transferId, long amountCents) {
        return call(() -> stripe().v1().transfers().reversals().create(transferId,
                TransferReversalCreateParams.builder().setAmount(amountCents).build(),
                key("settlement_" + settlementLineId + "_reversal"))).getId();
    }

    /** Checks Stripe's signature (HMAC-SHA256 over "t.payload", within the tolerance) and parses the event. */
    public Event verifiedEvent(String payload, String signatureHeader) throws SignatureVerificationException {
        if (properties.webhookSecret().isBlank()) {
            throw new SignatureVerificationException("No webhook signing secret is configured", signatureHeader);
        }
        return Webhook.constructEvent(payload, signatureHeader, properties.webhookSecret(),
                properties.webhookTolerance().toSeconds());
    }

    static String transferGroup(UUID orderId) {
        return "order_" + orderId;
    }

    private StripeClient stripe() {
        if (client == null) {
            throw new IllegalStateException("Stripe is not enabled");
        }
        return client;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw new PaymentUnavailableException("Stripe refused or did not answer: " + e.getMessage(), e);
        }
    }
}
