package org.boucle.marketplace.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** An order as its buyer and its seller see it. */
public record OrderView(UUID id, UUID reservationId, UUID listingId, String listingTitle, UUID buyerId, UUID sellerId,
        int quantity, BigDecimal unitPrice, BigDecimal totalExclVat, BigDecimal vatRate, BigDecimal totalInclVat,
        String currency, String paymentMethod, String status, Instant createdAt, Instant paidAt) {

    static final String SELECT = """
            select o.id, o.reservation_id, o.listing_id, l.title, o.buyer_id, o.seller_id, o.quantity, o.unit_price,
                   o.total_excl_vat, o.vat_rate, o.currency, o.payment_method, o.status, o.created_at, o.paid_at
              from customer_order o join listing l on l.id = o.listing_id""";

    static OrderView map(ResultSet rs, int row) throws SQLException {
        BigDecimal total = rs.getBigDecimal(9);
        BigDecimal rate = rs.getBigDecimal(10);
        Timestamp paid = rs.getTimestamp(15);
        return new OrderView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getInt(7),
                rs.getBigDecimal(8), total, rate, total.add(total.multiply(rate)).setScale(2, java.math.RoundingMode.HALF_UP),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
                paid == null ? null : paid.toInstant());
    }
}
