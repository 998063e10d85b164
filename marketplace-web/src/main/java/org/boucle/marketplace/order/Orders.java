package org.boucle.marketplace.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.payment.StripeGateway;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.reservation.ReservationView;
import org.boucle.marketplace.reservation.Reservations;
import org.boucle.marketplace.settlement.Settlements;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout and the life of an order: a held reservation becomes an order at most once, with its amounts and its
 * shares fixed; it is paid (Stripe, or a bank transfer recorded by a coordinator), donated, cancelled or refunded.
 * Stripe calls happen outside database transactions and carry idempotency keys, so every step can be retried.
 */
@Service
public class Orders {

    /** French standard VAT rate: listings are priced excluding VAT. */
    private static final BigDecimal VAT_RATE = new BigDecimal("0.200");
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Reservations reservations;
    private final Settlements settlements;
    private final StripeGateway stripe;
    private final Clock clock;

    Orders(JdbcClient jdbc, TransactionTemplate transactions, Reservations reservations, Settlements settlements,
            StripeGateway stripe, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.reservations = reservations;
        this.settlements = settlements;
        this.stripe = stripe;
        this.clock = clock;
    }

    /** serviceCode and commitmentNumber: the public buyer's Chorus Pro references, printed on its invoice. */
    public record CheckoutRequest(String paymentMethod, String serviceCode, String commitmentNumber) {
    }

    /** The order, and whether this call created it (false: the reservation was already checked out). */
    public record CheckedOut(OrderView order, boolean created) {
    }

    public CheckedOut checkout(Actor actor, UUID reservationId, CheckoutRequest request) {
        ReservationView reservation = reservations.reservation(actor, reservationId);
        Optional<OrderView> existing = byReservation(reservationId);
        if (existing.isPresent()) {
            return new CheckedOut(startPayment(existing.get()), false);
        }
        PaymentMethod method = PaymentMethod.of(request.paymentMethod()).orElseThrow(() -> new InvalidInputException(
                "paymentMethod", "one of card, sepa_debit, invoice, donation"));
        String serviceCode = reference("serviceCode", request.serviceCode(), 100);
        String commitment = reference("commitmentNumber", request.commitmentNumber(), 50);
        OrderView order;
        try {
            order = transactions.execute(status -> place(actor, reservation, method, serviceCode, commitment));
        } catch (DuplicateKeyException concurrentCheckout) {
            return new CheckedOut(byReservation(reservationId).orElseThrow(() -> concurrentCheckout), false);
        }
        return new CheckedOut(startPayment(order), true);
    }

    private OrderView place(Actor actor, ReservationView reservation, PaymentMethod method, String serviceCode,
            String commitmentNumber) {
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
        // A price agreed for the hold (an accepted allocation plan's) replaces the listing's; agreed at 0, it is a gift.
        BigDecimal unitPrice = reservation.agreedUnitPrice() != null ? reservation.agreedUnitPrice() : listing.unitPrice();
        boolean donated = unitPrice == null || unitPrice.signum() == 0;
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
        if (method.throughStripe() && !stripe.enabled()) {
            throw new CheckoutRefusedException("payment-method-unavailable",
                    "Card and SEPA debit payments need Stripe, which is not enabled on this platform: "
                            + "public buyers can pay on invoice");
        }
        BigDecimal total = donated ? BigDecimal.ZERO.setScale(2)
                : unitPrice.multiply(BigDecimal.valueOf(reservation.quantity())).setScale(2, RoundingMode.HALF_UP);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into customer_order (id, reservation_id, listing_id, buyer_id, seller_id, ordered_by, quantity,
                                            unit_price, total_excl_vat, vat_rate, currency, payment_method, status,
                                            created_at, buyer_service_code, buyer_commitment_number, invoice_number)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        case when ? then null
                             else 'BCL-' || ? || '-' || lpad(nextval('invoice_number_seq')::text, 6, '0') end)""")
                .params(id, reservation.id(), reservation.listingId(), reservation.organizationId(), listing.sellerId(),
                        actor.userId(), reservation.quantity(), unitPrice, total,
                        donated ? BigDecimal.ZERO : VAT_RATE, listing.currency(), method.code(),
                        donated ? "DONATED" : "AWAITING_PAYMENT", Timestamp.from(now), serviceCode, commitmentNumber,
                        donated, String.valueOf(now.atZone(FRANCE).getYear()))
                .update();
        settlements.plan(id);
        if (donated) {
            // The chain's costs of donated units are covered by the solidarity fund, as far as it can.
            settlements.credit(id);
        }
        return find(id).orElseThrow();
    }

    /** Opens the Stripe side of an unpaid order if it is not open yet: a PaymentIntent, or a sent invoice. */
    private OrderView startPayment(OrderView order) {
        if (!stripe.enabled() || !order.status().equals("AWAITING_PAYMENT")) {
            return order;
        }
        PaymentMethod method = PaymentMethod.of(order.paymentMethod()).orElseThrow();
        if (method.throughStripe() && order.paymentIntentId() == null) {
            StripeGateway.PaymentIntentRef intent = stripe.createPaymentIntent(order.id(), paidCents(order),
                    order.currency(), method.code(), description(order));
            jdbc.sql("""
                    update customer_order set payment_intent_id = ?, payment_client_secret = ?
                     where id = ? and payment_intent_id is null""")
                    .params(intent.id(), intent.clientSecret(), order.id()).update();
        } else if (method == PaymentMethod.INVOICE && order.stripeInvoiceId() == null) {
            String invoice = stripe.sendInvoice(order.id(), customerOf(order.buyerId()), paidCents(order),
                    order.currency(), description(order), order.invoiceNumber());
            jdbc.sql("update customer_order set stripe_invoice_id = ? where id = ? and stripe_invoice_id is null")
                    .params(invoice, order.id()).update();
        }
        return find(order.id()).orElseThrow();
    }

    private String customerOf(UUID organizationId) {
        Optional<String> known = jdbc.sql("select stripe_customer_id from organization where id = ?")
                .param(organizationId).query(String.class).optional();
        if (known.isPresent()) {
            return known.get();
        }
        record Buyer(String name, String email, String siret) {
        }
        Buyer buyer = jdbc.sql("select name, contact_email, siret from organization where id = ?").param(organizationId)
                .query((rs, n) -> new Buyer(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        String customer = stripe.createCustomer(organizationId, buyer.name(), buyer.email(), buyer.siret());
        jdbc.sql("update organization set stripe_customer_id = ? where id = ? and stripe_customer_id is null")
                .params(customer, organizationId).update();
        return customer;
    }

    /**
     * Cancels an order nobody paid (buyer, seller or coordinator), or takes back a donation: the units go back on
     * sale and the shares are cancelled or reversed.
     */
    public OrderView cancel(Actor actor, UUID id) {
        OrderView order = order(actor, id);
        switch (order.status()) {
            case "AWAITING_PAYMENT" -> {
                if (order.paymentIntentId() != null) {
                    stripe.cancelPaymentIntent(id, order.paymentIntentId());
                }
                if (order.stripeInvoiceId() != null) {
                    stripe.voidInvoice(id, order.stripeInvoiceId());
                }
                transactions.executeWithoutResult(status -> cancelUnpaid(id));
            }
            case "DONATED" -> transactions.executeWithoutResult(status -> {
                if (end(id, "DONATED", "CANCELLED")) {
                    reservations.restock(order.listingId(), order.quantity());
                    settlements.reverse(id);
                }
            });
            default -> throw new CheckoutRefusedException("order-not-cancellable",
                    "Only an unpaid order or a donation can be cancelled; a paid order is refunded by its seller");
        }
        return find(id).orElseThrow();
    }

    /** Ends an unpaid order in the caller's transaction; false if it was no longer awaiting payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancelUnpaid(UUID id) {
        OrderView order = find(id).orElseThrow();
        if (!end(id, "AWAITING_PAYMENT", "CANCELLED")) {
            return false;
        }
        reservations.restock(order.listingId(), order.quantity());
        settlements.cancel(id);
        return true;
    }

    /**
     * Refunds a paid order in full (its seller or a coordinator): Stripe refunds the charge and takes back the
     * transferred shares; the units go back on sale and every share is reversed in the ledger. An order paid by bank
     * transfer outside Stripe is marked refunded here and repaid by bank transfer.
     */
    public OrderView refund(Actor actor, UUID id) {
        OrderView order = order(actor, id);
        if (!actor.isCoordinator() && !actor.mayAccess(order.sellerId())) {
            throw new AccessDeniedException("Only the seller or a coordinator refunds an order");
        }
        if (!order.status().equals("PAID")) {
            throw new CheckoutRefusedException("order-not-refundable", "Only a paid order can be refunded");
        }
        String refundId = null;
        if (order.paymentIntentId() != null || order.stripeInvoiceId() != null) {
            settlements.reverseTransfers(id);
            String charge = order.chargeId() != null ? order.chargeId()
                    : stripe.invoiceCharge(order.stripeInvoiceId()).orElseThrow(() -> new CheckoutRefusedException(
                            "order-not-refundable", "Stripe shows no charge for this order's invoice yet"));
            refundId = stripe.refund(id, charge);
        }
        String refund = refundId;
        transactions.executeWithoutResult(status -> refunded(id, refund));
        return find(id).orElseThrow();
    }

    /** Marks a paid order refunded, restocks it and reverses its shares, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean refunded(UUID id, String refundId) {
        OrderView order = find(id).orElseThrow();
        if (!end(id, "PAID", "REFUNDED")) {
            return false;
        }
        jdbc.sql("update customer_order set refund_id = coalesce(?, refund_id) where id = ?").params(refundId, id).update();
        reservations.restock(order.listingId(), order.quantity());
        settlements.reverse(id);
        return true;
    }

    /** A coordinator records the bank transfer that paid an invoice outside Stripe. */
    public OrderView recordBankTransfer(Actor actor, UUID id, String reference) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators record bank transfers");
        }
        OrderView order = order(actor, id);
        String ref = Optional.ofNullable(reference("reference", reference, 200))
                .orElseThrow(() -> new InvalidInputException("reference", "the bank transfer's reference is required"));
        if (!order.paymentMethod().equals("invoice") || order.stripeInvoiceId() != null) {
            throw new CheckoutRefusedException("order-not-payable-by-transfer",
                    "Only an invoice issued outside Stripe is settled by a recorded bank transfer");
        }
        if (!order.status().equals("AWAITING_PAYMENT")) {
            throw new CheckoutRefusedException("order-not-awaiting-payment", "This order is " + order.status());
        }
        transactions.executeWithoutResult(status -> paid(id, null, ref));
        return find(id).orElseThrow();
    }

    /** The order's money arrived: PAID and every share credited, once; false if it was not awaiting payment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean paid(UUID id, String chargeId, String reference) {
        int updated = jdbc.sql("""
                update customer_order set status = 'PAID', paid_at = ?, charge_id = coalesce(?, charge_id),
                                          payment_reference = coalesce(?, payment_reference), last_payment_error = null
                 where id = ? and status = 'AWAITING_PAYMENT'""")
                .params(Timestamp.from(clock.instant()), chargeId, reference, id)
                .update();
        if (updated == 0) {
            return false;
        }
        settlements.credit(id);
        return true;
    }

    public OrderView order(Actor actor, UUID id) {
        return find(id).filter(o -> actor.mayAccess(o.buyerId()) || actor.mayAccess(o.sellerId()))
                .map(o -> o.buyerId().equals(actor.organizationId()) ? o : o.forSeller())
                .orElseThrow(() -> new NotFoundException("order", id));
    }

    /** The orders the actor's organization placed, newest first. */
    public List<OrderView> orders(Actor actor) {
        return jdbc.sql(OrderView.SELECT + " where o.buyer_id = ? order by o.created_at desc limit 200")
                .param(actor.organizationId())
                .query(OrderView::map)
                .list();
    }

    Optional<OrderView> find(UUID id) {
        return jdbc.sql(OrderView.SELECT + " where o.id = ?").param(id).query(OrderView::map).optional();
    }

    Optional<OrderView> byPaymentIntent(String paymentIntentId) {
        return jdbc.sql(OrderView.SELECT + " where o.payment_intent_id = ?").param(paymentIntentId)
                .query(OrderView::map).optional();
    }

    Optional<OrderView> byStripeInvoice(String invoiceId) {
        return jdbc.sql(OrderView.SELECT + " where o.stripe_invoice_id = ?").param(invoiceId)
                .query(OrderView::map).optional();
    }

    /** Unpaid card and SEPA orders whose buyer never started paying within the window. */
    List<UUID> abandoned(Instant createdBefore) {
        return jdbc.sql("""
                select id from customer_order
                 where status = 'AWAITING_PAYMENT' and payment_method in ('card', 'sepa_debit')
                   and created_at < ? and payment_processing_at is null
                 order by created_at limit 100""")
                .param(Timestamp.from(createdBefore)).query(UUID.class).list();
    }

    private boolean end(UUID id, String from, String to) {
        return jdbc.sql("update customer_order set status = ?, ended_at = ? where id = ? and status = ?")
                .params(to, Timestamp.from(clock.instant()), id, from).update() == 1;
    }

    private Optional<OrderView> byReservation(UUID reservationId) {
        return jdbc.sql(OrderView.SELECT + " where o.reservation_id = ?").param(reservationId)
                .query(OrderView::map).optional();
    }

    private static long paidCents(OrderView order) {
        return Settlements.paidCents(order.totalExclVat(), order.vatRate());
    }

    private static String description(OrderView order) {
        return "Boucle " + order.invoiceNumber() + " – " + order.quantity() + " × " + order.listingTitle();
    }

    private static String reference(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, "at most " + maxLength + " characters");
        }
        return trimmed;
    }

    private record Priced(UUID sellerId, BigDecimal unitPrice, String currency) {
    }
}
