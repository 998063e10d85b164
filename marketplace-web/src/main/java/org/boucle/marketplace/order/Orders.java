package org.boucle.marketplace.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.reservation.ReservationView;
import org.boucle.marketplace.reservation.Reservations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout: a held reservation becomes an order, at most once (one order per reservation), with its amounts fixed.
 * Donations and invoices never need Stripe; card and SEPA debit do, and are refused clearly while it is off.
 */
@Service
public class Orders {

    /** French standard VAT rate: listings are priced excluding VAT. */
    private static final BigDecimal VAT_RATE = new BigDecimal("0.200");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Reservations reservations;
    private final Clock clock;

    Orders(JdbcClient jdbc, TransactionTemplate transactions, Reservations reservations, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.reservations = reservations;
        this.clock = clock;
    }

    /** The order, and whether this call created it (false: the reservation was already checked out). */
    public record CheckedOut(OrderView order, boolean created) {
    }

    public CheckedOut checkout(Actor actor, UUID reservationId, String paymentMethod) {
        ReservationView reservation = reservations.reservation(actor, reservationId);
        Optional<OrderView> existing = byReservation(reservationId);
        if (existing.isPresent()) {
            return new CheckedOut(existing.get(), false);
        }
        PaymentMethod method = PaymentMethod.of(paymentMethod).orElseThrow(() -> new InvalidInputException(
                "paymentMethod", "one of card, sepa_debit, invoice, donation"));
        try {
            return new CheckedOut(transactions.execute(status -> place(actor, reservation, method)), true);
        } catch (DuplicateKeyException concurrentCheckout) {
            return new CheckedOut(byReservation(reservationId).orElseThrow(() -> concurrentCheckout), false);
        }
    }

    private OrderView place(Actor actor, ReservationView reservation, PaymentMethod method) {
        Instant now = clock.instant();
        // Claims the hold: only a reservation still held and not yet due can be checked out, once.
        int claimed = jdbc.sql("""
                update reservation set status = 'CHECKED_OUT', ended_at = ?
                 where id = ? and status = 'HELD' and expires_at > ?""")
                .params(Timestamp.from(now), reservation.id(), Timestamp.from(now))
                .update();
        if (claimed == 0) {
            throw new CheckoutRefusedException("reservation-not-held",
                    "This reservation no longer holds anything (released or expired): reserve again");
        }
        Priced listing = jdbc.sql("select seller_id, unit_price, currency from listing where id = ?")
                .param(reservation.listingId())
                .query((rs, n) -> new Priced(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getString(3)))
                .single();
        boolean donated = listing.unitPrice() == null;
        if (donated != (method == PaymentMethod.DONATION)) {
            throw new CheckoutRefusedException("payment-method-mismatch", donated
                    ? "This equipment is donated: check out with paymentMethod donation"
                    : "Only donated equipment is checked out as a donation");
        }
        if (method == PaymentMethod.DONATION && !actor.hasRole(OrganizationRole.ASSOCIATION)) {
            throw new CheckoutRefusedException("payment-method-mismatch", "Donations go to associations");
        }
        if (method == PaymentMethod.INVOICE && !actor.hasRole(OrganizationRole.PUBLIC_BUYER)) {
            throw new CheckoutRefusedException("payment-method-mismatch",
                    "Payment on invoice is for public buyers; pay by card or SEPA debit");
        }
        if (method.throughStripe()) {
            throw new CheckoutRefusedException("payment-method-unavailable",
                    "Card and SEPA debit payments need Stripe, which is not enabled on this platform yet: "
                            + "public buyers can pay on invoice");
        }
        BigDecimal total = donated ? BigDecimal.ZERO.setScale(2)
                : listing.unitPrice().multiply(BigDecimal.valueOf(reservation.quantity())).setScale(2, RoundingMode.HALF_UP);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into customer_order (id, reservation_id, listing_id, buyer_id, seller_id, ordered_by, quantity,
                                            unit_price, total_excl_vat, vat_rate, currency, payment_method, status,
                                            created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, reservation.id(), reservation.listingId(), reservation.organizationId(), listing.sellerId(),
                        actor.userId(), reservation.quantity(), listing.unitPrice(), total,
                        donated ? BigDecimal.ZERO : VAT_RATE, listing.currency(), method.code(),
                        donated ? "DONATED" : "AWAITING_PAYMENT", Timestamp.from(now))
                .update();
        return find(id).orElseThrow();
    }

    public OrderView order(Actor actor, UUID id) {
        return find(id).filter(o -> actor.mayAccess(o.buyerId()) || actor.mayAccess(o.sellerId()))
                .orElseThrow(() -> new NotFoundException("order", id));
    }

    /** The orders the actor's organization placed, newest first. */
    public List<OrderView> orders(Actor actor) {
        return jdbc.sql(OrderView.SELECT + " where o.buyer_id = ? order by o.created_at desc limit 200")
                .param(actor.organizationId())
                .query(OrderView::map)
                .list();
    }

    private Optional<OrderView> byReservation(UUID reservationId) {
        return jdbc.sql(OrderView.SELECT + " where o.reservation_id = ?").param(reservationId)
                .query(OrderView::map).optional();
    }

    private Optional<OrderView> find(UUID id) {
        return jdbc.sql(OrderView.SELECT + " where o.id = ?").param(id).query(OrderView::map).optional();
    }

    private record Priced(UUID sellerId, BigDecimal unitPrice, String currency) {
    }
}
