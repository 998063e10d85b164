package org.boucle.marketplace.reservation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A reservation as its holder sees it.
 *
 * @param agreedUnitPrice the unit price agreed for this hold (an accepted allocation plan's), which checkout charges
 *        instead of the listing's; null for the listing's price
 */
public record ReservationView(UUID id, UUID listingId, String listingTitle, UUID organizationId, int quantity,
        String status, Instant expiresAt, Instant createdAt, BigDecimal agreedUnitPrice) {

    static final String SELECT = """
            select r.id, r.listing_id, l.title, r.organization_id, r.quantity, r.status, r.expires_at, r.created_at,
                   r.agreed_unit_price
              from reservation r join listing l on l.id = r.listing_id""";

    static ReservationView map(ResultSet rs, int row) throws SQLException {
        return new ReservationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(), rs.getBigDecimal(9));
    }
}
