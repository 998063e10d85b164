package org.boucle.marketplace.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.payment.PaymentUnavailableException;
import org.boucle.marketplace.payment.StripeGateway;
import org.boucle.marketplace.settlement.Ledger.Posting;
import org.boucle.marketplace.sharing.Sale;
import org.boucle.marketplace.sharing.Share;
import org.boucle.marketplace.sharing.ShareRole;
import org.boucle.marketplace.sharing.SharingRules;
import org.boucle.marketplace.sharing.Split;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How each order's money is shared. The shares are fixed at checkout by the sharing rules in force when the units
 * were reserved; they are credited in the ledger when the money arrives, paid out by Stripe Connect transfer to
 * actors with a connected account, and reversed by a refund or a cancellation.
 *
 * <p>The seller takes the shares of the chain's roles that no other organization holds for the listing yet (the
 * custody chain will name the collector and workshop); the platform's and the solidarity fund's shares stay on the
 * platform's balance.
 */
@Service
public class Settlements {

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);

    /** The buyer's money pays the platform and fund percentages first, then the chain's fees, then the seller. */
    private static final List<ShareRole> PAYMENT_ORDER = List.of(ShareRole.PLATFORM, ShareRole.SOLIDARITY_FUND,
            ShareRole.DONOR, ShareRole.WORKSHOP, ShareRole.COLLECTOR, ShareRole.SELLER);

    private final JdbcClient jdbc;
    private final SharingRules sharing;
    private final Ledger ledger;
    private final StripeGateway stripe;
    private final TransactionTemplate transactions;

    Settlements(JdbcClient jdbc, SharingRules sharing, Ledger ledger, StripeGateway stripe,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.sharing = sharing;
        this.ledger = ledger;
        this.stripe = stripe;
        // Pay-outs also run right after a payment's commit, where a joined transaction would be the finished one.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Fixes the order's shares (all pending) in the checkout's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void plan(UUID orderId) {
        Sold sold = jdbc.sql("""
                select o.total_excl_vat, o.vat_rate, o.currency, o.quantity, o.seller_id, l.kind, l.category,
                       r.created_at
                  from customer_order o join listing l on l.id = o.listing_id
                  join reservation r on r.id = o.reservation_id
                 where o.id = ?""")
                .param(orderId)
                .query((rs, n) -> new Sold(paidCents(rs.getBigDecimal(1), rs.getBigDecimal(2)), rs.getString(3),
                        rs.getInt(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .single();
        Split split = sharing.split(new Sale(sold.kind(), sold.category(), sold.reservedAt(), sold.amountCents(),
                sold.quantity()));
        long fromPayment = sold.amountCents();
        short position = 0;
        for (ShareRole role : PAYMENT_ORDER) {
            long share = split.shares().stream().filter(s -> s.role() == role).mapToLong(Share::amountCents).sum();
            long paid = Math.min(share, fromPayment);
            fromPayment -= paid;
            UUID organization = switch (role) {
                case PLATFORM, SOLIDARITY_FUND -> null;
                default -> sold.sellerId();
            };
            if (paid > 0) {
                insertLine(orderId, position++, organization, role, "PAYMENT", paid, sold, split);
            }
            if (share > paid) {
                insertLine(orderId, position++, organization, role, "SOLIDARITY_FUND", share - paid, sold, split);
            }
        }
        if (fromPayment != 0) {
            throw new IllegalStateException("Split of order " + orderId + " leaves " + fromPayment + " cents unshared");
        }
    }

    /**
     * The order's money arrived (or, for a donation, the units were given): every pending share is credited. The
     * solidarity fund's part is credited only while its balance covers it; otherwise it stays UNFUNDED, visible.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void credit(UUID orderId) {
        List<PendingLine> lines = jdbc.sql("""
                select id, organization_id, role, source, amount_cents, currency from settlement_line
                 where order_id = ? and status = 'PENDING' order by position for update""")
                .param(orderId)
                .query((rs, n) -> new PendingLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)))
                .list();
        if (lines.isEmpty()) {
            return;
        }
        String currency = lines.get(0).currency();
        List<PendingLine> paid = lines.stream().filter(l -> l.source().equals("PAYMENT")).toList();
        if (!paid.isEmpty()) {
            List<Posting> postings = new ArrayList<>();
            postings.add(new Posting(Ledger.Account.BUYER_PAYMENTS.id(),
                    -paid.stream().mapToLong(PendingLine::amountCents).sum(), null));
            paid.forEach(line -> postings.add(new Posting(accountOf(line), line.amountCents(), line.id())));
            ledger.post(orderId, currency, "Partage du paiement de la commande", postings);
            setStatus(paid, "CREDITED");
        }
        List<PendingLine> subsidised = lines.stream().filter(l -> l.source().equals("SOLIDARITY_FUND")).toList();
        if (!subsidised.isEmpty()) {
            long subsidy = subsidised.stream().mapToLong(PendingLine::amountCents).sum();
            if (ledger.lockSolidarityFund() >= subsidy) {
                List<Posting> postings = new ArrayList<>();
                postings.add(new Posting(Ledger.Account.SOLIDARITY_FUND.id(), -subsidy, null));
                subsidised.forEach(line -> postings.add(new Posting(accountOf(line), line.amountCents(), line.id())));
                ledger.post(orderId, currency, "Subvention du fonds de solidarité", postings);
                setStatus(subsidised, "CREDITED");
            } else {
                setStatus(subsidised, "UNFUNDED");
            }
        }
    }

    /** An unpaid order was cancelled: its shares will never be paid. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(UUID orderId) {
        jdbc.sql("update settlement_line set status = 'CANCELLED' where order_id = ? and status in ('PENDING', 'UNFUNDED')")
                .param(orderId).update();
    }

    /**
     * Reverses every share already credited or paid out (a refund, or a donation taken back). Transfers must have
     * been reversed at Stripe first ({@link #reverseTransfers}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reverse(UUID orderId) {
        List<CreditedLine> lines = jdbc.sql("""
                select id, organization_id, role, source, amount_cents, currency, status from settlement_line
                 where order_id = ? and status in ('CREDITED', 'TRANSFERRED') order by position for update""")
                .param(orderId)
                .query((rs, n) -> new CreditedLine(new PendingLine(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6)), rs.getString(7).equals("TRANSFERRED")))
                .list();
        if (!lines.isEmpty()) {
            List<Posting> postings = new ArrayList<>();
            for (CreditedLine credited : lines) {
                PendingLine line = credited.line();
                UUID account = accountOf(line);
                if (credited.transferred()) {
                    // The transfer reversal brought the money back from the connected account.
                    postings.add(new Posting(Ledger.Account.PAYOUTS.id(), -line.amountCents(), line.id()));
                    postings.add(new Posting(account, line.amountCents(), line.id()));
                }
                postings.add(new Posting(account, -line.amountCents(), line.id()));
                postings.add(new Posting(line.source().equals("PAYMENT") ? Ledger.Account.BUYER_PAYMENTS.id()
                        : Ledger.Account.SOLIDARITY_FUND.id(), line.amountCents(), line.id()));
            }
            ledger.post(orderId, lines.get(0).line().currency(), "Annulation du partage de la commande", postings);
        }
        jdbc.sql("""
                update settlement_line set status = case when status in ('CREDITED', 'TRANSFERRED') then 'REVERSED'
                                                         else 'CANCELLED' end
                 where order_id = ? and status in ('PENDING', 'UNFUNDED', 'CREDITED', 'TRANSFERRED')""")
                .param(orderId).update();
    }

    /** Takes back, at Stripe, the shares already transferred for this order. Safe to repeat. */
    public void reverseTransfers(UUID orderId) {
        List<TransferredLine> transferred = jdbc.sql("""
                select id, transfer_id, amount_cents from settlement_line
                 where order_id = ? and status = 'TRANSFERRED' and reversal_id is null""")
                .param(orderId)
                .query((rs, n) -> new TransferredLine(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
        for (TransferredLine line : transferred) {
            String reversal = stripe.reverseTransfer(line.id(), line.transferId(), line.amountCents());
            jdbc.sql("update settlement_line set reversal_id = ? where id = ?").params(reversal, line.id()).update();
        }
    }

    /**
     * Pays credited shares to the connected accounts of orders paid through Stripe, one transfer per share in the
     * order's transfer group, funded from the order's charge. Returns how many transfers were made; a failure leaves
     * the share for the next attempt (same idempotency key).
     */
    public int payOut(Optional<UUID> onlyOrder) {
        List<UUID> due = jdbc.sql("""
                select s.id from settlement_line s
                  join organization org on org.id = s.organization_id
                  join customer_order o on o.id = s.order_id
                 where s.status = 'CREDITED' and s.transfer_id is null and org.stripe_account_id is not null
                   and o.status = 'PAID' and (o.payment_intent_id is not null or o.stripe_invoice_id is not null)
                   and (cast(? as uuid) is null or s.order_id = ?)
                 order by s.order_id, s.position limit 200""")
                .params(onlyOrder.orElse(null), onlyOrder.orElse(null))
                .query(UUID.class).list();
        int transferred = 0;
        for (UUID line : due) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> transfer(line)))) {
                    transferred++;
                }
            } catch (PaymentUnavailableException e) {
                log.warn("Transfer of settlement line {} failed, will retry: {}", line, e.getMessage());
            }
        }
        return transferred;
    }

    private boolean transfer(UUID lineId) {
        Optional<Due> due = jdbc.sql("""
                select s.order_id, s.amount_cents, s.currency, s.source, s.organization_id, org.stripe_account_id,
                       o.charge_id, o.stripe_invoice_id
                  from settlement_line s
                  join organization org on org.id = s.organization_id
                  join customer_order o on o.id = s.order_id
                 where s.id = ? and s.status = 'CREDITED' and s.transfer_id is null
                   for update of s skip locked""")
                .param(lineId)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        rs.getString(8)))
                .optional();
        if (due.isEmpty()) {
            return false;
        }
        Due d = due.get();
        String charge = d.chargeId();
        if (charge == null && d.stripeInvoiceId() != null) {
            charge = stripe.invoiceCharge(d.stripeInvoiceId()).orElse(null);
            jdbc.sql("update customer_order set charge_id = ? where id = ?").params(charge, d.orderId()).update();
        }
        // A subsidy is paid from the fund's money already on the platform's balance, not from this order's charge.
        String source = d.source().equals("PAYMENT") ? charge : null;
        String transferId = stripe.transfer(lineId, d.orderId(), d.amountCents(), d.currency(), d.destination(), source);
        jdbc.sql("update settlement_line set transfer_id = ?, status = 'TRANSFERRED' where id = ?")
                .params(transferId, lineId).update();
        UUID account = ledger.accountOf(d.organizationId());
        ledger.post(d.orderId(), d.currency(), "Virement Stripe " + transferId,
                List.of(new Posting(account, -d.amountCents(), lineId),
                        new Posting(Ledger.Account.PAYOUTS.id(), d.amountCents(), lineId)));
        return true;
    }

    public List<SettlementLine> settlement(UUID orderId) {
        return jdbc.sql(SettlementLine.SELECT + " where s.order_id = ? order by s.position").param(orderId)
                .query(SettlementLine::map).list();
    }

    /** What the buyer pays, in cents: the order's total including VAT, rounded as the order shows it. */
    public static long paidCents(BigDecimal totalExclVat, BigDecimal vatRate) {
        return totalExclVat.add(totalExclVat.multiply(vatRate)).setScale(2, RoundingMode.HALF_UP).movePointRight(2)
                .longValueExact();
    }

    private UUID accountOf(PendingLine line) {
        return switch (line.role()) {
            case "PLATFORM" -> Ledger.Account.PLATFORM.id();
            case "SOLIDARITY_FUND" -> Ledger.Account.SOLIDARITY_FUND.id();
            default -> ledger.accountOf(line.organizationId());
        };
    }

    private void insertLine(UUID orderId, short position, UUID organization, ShareRole role, String source,
            long cents, Sold sold, Split split) {
        jdbc.sql("""
                insert into settlement_line (id, order_id, position, organization_id, role, source, amount_cents,
                                             currency, rule_set_id, rule_version, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(UUID.randomUUID(), orderId, position, organization, role.name(), source, cents,
                        sold.currency(), split.ruleSetId(), split.ruleVersion())
                .update();
    }

    private void setStatus(List<PendingLine> lines, String status) {
        for (PendingLine line : lines) {
            jdbc.sql("update settlement_line set status = ? where id = ?").params(status, line.id()).update();
        }
    }

    private record Sold(long amountCents, String currency, int quantity, UUID sellerId, String kind, String category,
            java.time.Instant reservedAt) {
    }

    private record PendingLine(UUID id, UUID organizationId, String role, String source, long amountCents,
            String currency) {
    }

    private record CreditedLine(PendingLine line, boolean transferred) {
    }

    private record TransferredLine(UUID id, String transferId, long amountCents) {
    }

    private record Due(UUID orderId, long amountCents, String currency, String source, UUID organizationId,
            String destination, String chargeId, String stripeInvoiceId) {
    }
}
