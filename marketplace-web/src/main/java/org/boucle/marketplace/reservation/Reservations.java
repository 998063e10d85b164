package org.boucle.marketplace.reservation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.search.SearchOutbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds on listed stock. Taking units is one conditional UPDATE on the listing (check and decrement together), so
 * no interleaving of requests, threads or app instances can hold more than there is; everything else about a hold
 * (its row, the search outbox) commits or rolls back with that update. A hold tells the search index only when it
 * takes the last units: searches read the quantity left from the database (see {@code CatalogSearch}), the index
 * only needs to know whether there is any.
 */
@Service
public class Reservations {

    private static final Set<OrganizationRole> RESERVERS = EnumSet.of(OrganizationRole.PUBLIC_BUYER,
            OrganizationRole.PRIVATE_BUYER, OrganizationRole.ASSOCIATION);
    private static final int MAX_KEY = 200;
    private static final String HOLD = """
            with taken as (
                update listing set quantity_available = quantity_available - :quantity, version = version + 1,
                                   updated_at = :now
                 where id = :listing and status = 'ACTIVE' and quantity_available >= :quantity
                   and seller_id <> :organization and (unit_price is not null or :association)
                returning id, title, kind, quantity_available),
            held as (
                insert into reservation (id, listing_id, organization_id, reserved_by, quantity, status, expires_at,
                                         idempotency_key, created_at, agreed_unit_price)
                select gen_random_uuid(), id, :organization, :user, :quantity, 'HELD',
                       case when cast(:expiry as timestamptz) is not null then cast(:expiry as timestamptz)
                            when kind = 'UPCOMING_LOT' then cast(:lotExpiry as timestamptz)
                            else cast(:stockExpiry as timestamptz) end, :key, :now, cast(:agreed as numeric)
                  from taken
                returning id, listing_id, expires_at),
            queued as (insert into search_outbox (listing_id) select id from taken where quantity_available = 0)
            select h.id, t.title, h.expires_at, t.quantity_available = 0 from held h join taken t on t.id = h.listing_id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SearchOutbox outbox;
    private final ReservationProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Reservations(JdbcClient jdbc, TransactionTemplate transactions, SearchOutbox outbox, ReservationProperties properties,
            Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** A reservation, and whether this call made it (false: the same Idempotency-Key was seen before). */
    public record Reserved(ReservationView reservation, boolean created) {
    }

    public Reserved reserve(Actor actor, UUID listingId, int quantity, String idempotencyKey) {
        return reserve(actor, listingId, quantity, idempotencyKey, null, null);
    }

    /**
     * A hold that lasts {@code hold} whatever the listing's kind, at a unit price agreed for it: units an accepted
     * allocation plan gives a recipient, who needs days rather than minutes to confirm them, at what it can pay.
     *
     * @param agreedUnitPrice what checkout charges per unit instead of the listing's price (excluding VAT); null for
     *        the listing's price
     */
    public Reserved reserveFor(Actor actor, UUID listingId, int quantity, String idempotencyKey, Duration hold,
            BigDecimal agreedUnitPrice) {
        if (hold == null || hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("a hold lasts more than nothing: " + hold);
        }
        if (agreedUnitPrice != null && agreedUnitPrice.signum() < 0) {
            throw new IllegalArgumentException("an agreed price is at least 0: " + agreedUnitPrice);
        }
        return reserve(actor, listingId, quantity, idempotencyKey, hold, agreedUnitPrice);
    }

    private Reserved reserve(Actor actor, UUID listingId, int quantity, String idempotencyKey, Duration hold,
            BigDecimal agreedUnitPrice) {
        if (quantity < 1) {
            throw new InvalidInputException("quantity", "must be at least 1");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
            throw new InvalidInputException("Idempotency-Key", "1 to " + MAX_KEY + " characters");
        }
        if (idempotencyKey != null) {
            Optional<ReservationView> seen = byKey(actor, idempotencyKey);
            if (seen.isPresent()) {
                return replay(seen.get(), listingId, quantity);
            }
        }
        try {
            return new Reserved(hold(actor, listingId, quantity, idempotencyKey, hold, agreedUnitPrice), true);
        } catch (DuplicateKeyException concurrentSameKey) {
            // The same key raced in from another request: its hold committed, ours rolled back whole.
            return replay(byKey(actor, idempotencyKey).orElseThrow(() -> concurrentSameKey), listingId, quantity);
        }
    }


    /**
     * One statement on its own (autocommit): the stock check and decrement, the hold's row and, when it took the
     * last units, the outbox row commit together, and the listing's row stays locked for that statement alone, as in
     * the raw conditional update. A concurrent request with the same key fails on the unique index and takes nothing.
     */
    private ReservationView hold(Actor actor, UUID listingId, int quantity, String idempotencyKey, Duration hold,
            BigDecimal agreedUnitPrice) {
        for (int attempt = 1; ; attempt++) {
            if (RESERVERS.stream().anyMatch(actor::hasRole)) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                Optional<Held> held = jdbc.sql(HOLD)
                        .param("listing", listingId).param("quantity", quantity).param("now", Timestamp.from(now))
                        .param("organization", actor.organizationId()).param("user", actor.userId())
                        .param("association", actor.hasRole(OrganizationRole.ASSOCIATION))
                        .param("lotExpiry", Timestamp.from(now.plus(properties.upcomingLotHold())))
                        .param("stockExpiry", Timestamp.from(now.plus(properties.refurbishedHold())))
                        .param("key", idempotencyKey)
                        .param("expiry", hold == null ? null : Timestamp.from(now.plus(hold)), Types.TIMESTAMP)
                        .param("agreed", agreedUnitPrice, Types.NUMERIC)
                        .query((rs, n) -> new Held(new ReservationView(rs.getObject(1, UUID.class), listingId,
                                rs.getString(2), actor.organizationId(), quantity, "HELD", rs.getTimestamp(3).toInstant(),
                                now, agreedUnitPrice), rs.getBoolean(4)))
                        .optional();
                if (held.isPresent()) {
                    if (held.get().soldOut()) {
                        outbox.wakeIndexerAfterCommit();
                    }
                    return held.get().reservation();
                }
            }
            // Nothing taken: say why.
            Listed listing = jdbc.sql("""
                    select seller_id, unit_price is null, quantity_available from listing
                     where id = ? and status = 'ACTIVE'""")
                    .param(listingId)
                    .query((rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getInt(3)))
                    .optional()
                    .orElseThrow(() -> new NotFoundException("listing", listingId));
            if (!mayReserve(actor, listing.sellerId(), listing.donation())) {
                throw new AccessDeniedException(listing.donation() && RESERVERS.stream().anyMatch(actor::hasRole)
                        ? "Donated equipment is reserved for associations"
                        : "Only buyers and associations reserve, and never their own listings");
            }
            if (listing.available() < quantity || attempt == 2) {
                throw new InsufficientQuantityException(listing.available());
            }
            // Units came back between the update and the look: try once more.
        }
    }

    /** A hold just taken, and whether it took the listing's last units. */
    private record Held(ReservationView reservation, boolean soldOut) {
    }

    private Reserved replay(ReservationView seen, UUID listingId, int quantity) {
        if (!seen.listingId().equals(listingId) || seen.quantity() != quantity) {
            throw new IdempotencyKeyReusedException();
        }
        return new Reserved(seen, false);
    }

    /** Whether the actor may hold units of a listing sold by {@code sellerId}, a donation or not. */
    public boolean mayReserve(Actor actor, UUID sellerId, boolean donation) {
        return RESERVERS.stream().anyMatch(actor::hasRole) && !sellerId.equals(actor.organizationId())
                && (!donation || actor.hasRole(OrganizationRole.ASSOCIATION));
    }

    /** Reservations other organizations hold on the actor's organization's listings, newest first. */
    public List<ReservationView> onOwnListings(Actor actor) {
        return jdbc.sql(ReservationView.SELECT + " where l.seller_id = ? order by r.created_at desc limit 200")
                .param(actor.organizationId())
                .query(ReservationView::map)
                .list();
    }

    public ReservationView reservation(Actor actor, UUID id) {
        return find(id).filter(r -> actor.mayAccess(r.organizationId()))
                .orElseThrow(() -> new NotFoundException("reservation", id));
    }

    /** The organization's reservations, newest first. */
    public List<ReservationView> reservations(Actor actor) {
        return jdbc.sql(ReservationView.SELECT + " where r.organization_id = ? order by r.created_at desc limit 200")
                .param(actor.organizationId())
                .query(ReservationView::map)
                .list();
    }

    /** Gives a hold's units back. Releasing a reservation that no longer holds anything changes nothing. */
    public ReservationView release(Actor actor, UUID id) {
        reservation(actor, id);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            List<Ended> released = jdbc.sql("""
                    with ended as (
                        update reservation set status = 'RELEASED', ended_at = :now
                         where id = :id and status = 'HELD'
                        returning id, listing_id, quantity),
                    restocked as (
                        update listing l set quantity_available = l.quantity_available + e.quantity,
                                             version = l.version + 1, updated_at = :now
                          from ended e where l.id = e.listing_id
                        returning l.id)
                    select e.id, e.listing_id from ended e join restocked r on r.id = e.listing_id""")
                    .param("now", Timestamp.from(now)).param("id", id)
                    .query(Reservations::ended).list();
            ended(released);
            return find(id).orElseThrow();
        });
    }

    /** Puts units of a cancelled or refunded order back on sale, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void restock(UUID listingId, int quantity) {
        jdbc.sql("""
                update listing set quantity_available = quantity_available + ?, version = version + 1, updated_at = ?
                 where id = ?""")
                .params(quantity, Timestamp.from(clock.instant()), listingId)
                .update();
        outbox.listingChanged(listingId);
    }

    /**
     * Returns expired holds to stock, a batch at a time. Safe on several instances at once: each batch is claimed
     * with skip locked and ended, restocked and queued for the index in one statement.
     */
    int expire() {
        Integer count = transactions.execute(status -> {
            Instant now = clock.instant();
            List<Ended> expired = jdbc.sql("""
                    with expired as (
                        update reservation set status = 'EXPIRED', ended_at = :now
                         where id in (select id from reservation where status = 'HELD' and expires_at <= :now
                                       order by expires_at limit 500 for update skip locked)
                        returning id, listing_id, quantity),
                    per_listing as (select listing_id, sum(quantity) as quantity from expired group by listing_id),
                    restocked as (
                        update listing l set quantity_available = l.quantity_available + p.quantity,
                                             version = l.version + 1, updated_at = :now
                          from per_listing p where l.id = p.listing_id
                        returning l.id)
                    select e.id, e.listing_id from expired e join restocked r on r.id = e.listing_id""")
                    .param("now", Timestamp.from(now))
                    .query(Reservations::ended).list();
            ended(expired);
            return (int) expired.stream().map(Ended::listingId).distinct().count();
        });
        return count == null ? 0 : count;
    }

    /** A hold that ended, and the listing its units went back to. */
    private record Ended(UUID reservationId, UUID listingId) {
    }

    private static Ended ended(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Ended(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
    }

    /** Queues the listings for the index and tells whoever counted the holds, in the same transaction. */
    private void ended(List<Ended> holds) {
        if (holds.isEmpty()) {
            return;
        }
        holds.stream().map(Ended::listingId).distinct().forEach(outbox::listingChanged);
        events.publishEvent(new HoldsEnded(holds.stream().map(Ended::reservationId).toList()));
    }

    private Optional<ReservationView> byKey(Actor actor, String key) {
        return jdbc.sql(ReservationView.SELECT + " where r.organization_id = ? and r.idempotency_key = ?")
                .params(actor.organizationId(), key)
                .query(ReservationView::map)
                .optional();
    }

    private Optional<ReservationView> find(UUID id) {
        return jdbc.sql(ReservationView.SELECT + " where r.id = ?").param(id).query(ReservationView::map).optional();
    }

    private record Listed(UUID sellerId, boolean donation, int available) {
    }
}
