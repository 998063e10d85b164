package org.boucle.marketplace.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as its buyer and its seller see it. The Stripe references are there to confirm a card or SEPA payment
 * (paymentIntentId with its clientSecret, for Stripe.js) and to find an invoice at Stripe.
 */
public record OrderView(UUID id, UUID reservationId, UUID listingId, String listingTitle, UUID buyerId, UUID sellerId,
        int quantity, BigDecimal unitPrice, BigDecimal totalExclVat, BigDecimal vatRate, BigDecimal totalInclVat,
        String currency, String paymentMethod, String status, Instant createdAt, Instant paidAt, Instant endedAt,
        String invoiceNumber, String serviceCode, String commitmentNumber, String paymentIntentId,
        String paymentClientSecret, String stripeInvoiceId, String chargeId, String refundId, String lastPaymentError,
        String paymentReference) {

    static final String SELECT = """
            select o.id, o.reservation_id, o.listing_id, l.title, o.buyer_id, o.seller_id, o.quantity, o.unit_price,
                   o.total_excl_vat, o.vat_rate, o.currency, o.payment_method, o.status, o.created_at, o.paid_at,
                   o.ended_at, o.invoice_number, o.buyer_service_code, o.buyer_commitment_number, o.payment_intent_id,
                   o.payment_client_secret, o.stripe_invoice_id, o.charge_id, o.refund_id, o.last_payment_error,
                   o.payment_reference
              from customer_order o join listing l on l.id = o.listing_id""";

    static OrderView map(ResultSet rs, int row) throws SQLException {
        BigDecimal total = rs.getBigDecimal(9);
        BigDecimal rate = rs.getBigDecimal(10);
        return new OrderView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getInt(7),
                rs.getBigDecimal(8), total, rate, total.add(total.multiply(rate)).setScale(2, RoundingMode.HALF_UP),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
                instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)), rs.getString(17), rs.getString(18),
                rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23),
                rs.getString(24), rs.getString(25), rs.getString(26));
    }

    /** The same order without what only its buyer may see (the secret that confirms its payment). */
    OrderView forSeller() {
        return new OrderView(id, reservationId, listingId, listingTitle, buyerId, sellerId, quantity, unitPrice,
                totalExclVat, vatRate, totalInclVat, currency, paymentMethod, status, createdAt, paidAt, endedAt,
                invoiceNumber, serviceCode, commitmentNumber, paymentIntentId, null, stripeInvoiceId, chargeId,
                refundId, lastPaymentError, paymentReference);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
