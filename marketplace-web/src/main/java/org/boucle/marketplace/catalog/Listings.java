package org.boucle.marketplace.catalog;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.inventory.Forecasts;
import org.boucle.marketplace.inventory.UpcomingLot;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.Organization;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.boucle.marketplace.search.SearchOutbox;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's listings: refurbished stock that workshops and resellers publish, and the upcoming lots donors
 * publish from their forecast.
 *
 * <p>Who sees what: an ACTIVE listing is visible to every signed-in actor; a paused or withdrawn one only to its
 * seller's members and coordinators, anyone else gets 404 as for an id that does not exist. Only the seller (or a
 * coordinator) changes a listing: 404 for others when they cannot see it, 403 when they can.
 *
 * <p>Every change grows the listing's version and writes a {@link SearchOutbox} row in the same transaction; a
 * request that changes nothing (pausing a paused listing) writes none.
 */
@Service
@Transactional(readOnly = true)
public class Listings {

    private static final Set<OrganizationRole> REFURBISHERS = Set.of(OrganizationRole.WORKSHOP, OrganizationRole.RESELLER);
    private static final int MAX_PAGE_SIZE = 100;
    private static final int MANUFACTURER_LENGTH = 80;
    private static final int MODEL_LENGTH = 120;

    private final ListingRepository repository;
    private final EntityManager entityManager;
    private final ListingViews views;
    private final ListingPhotos photos;
    private final ListingRules rules;
    private final Organizations organizations;
    private final Forecasts forecasts;
    private final SearchOutbox outbox;
    private final CatalogProperties properties;
    private final Clock clock;

    Listings(ListingRepository repository, EntityManager entityManager, ListingViews views, ListingPhotos photos,
            ListingRules rules, Organizations organizations, Forecasts forecasts, SearchOutbox outbox,
            CatalogProperties properties, Clock clock) {
        this.repository = repository;
        this.entityManager = entityManager;
        this.views = views;
        this.photos = photos;
        this.rules = rules;
        this.organizations = organizations;
        this.forecasts = forecasts;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** Publishes refurbished stock, for the actor's organization or, for a coordinator, any workshop or reseller. */
    @Transactional
    public ListingView create(Actor actor, ListingDraft draft) {
        ListingDraft complete = checkedNew(actor, draft);
        Listing listing = new Listing(ListingKind.REFURBISHED, complete.sellerId(), null, clock.instant());
        listing.describe(complete, clock.instant());
        entityManager.persist(listing);
        return changed(listing);
    }

    /** Replaces a listing's description; a {@code version} older than the stored one is a conflict (409). */
    @Transactional
    public ListingView update(Actor actor, UUID id, ListingDraft draft) {
        Listing listing = owned(actor, id);
        ListingDraft complete = checkedChange(listing, draft);
        listing.describe(complete, clock.instant());
        return changed(listing);
    }

    /**
     * Every field a create (id null) or an update would refuse, without changing anything: forms show them all at
     * once, even when some fields could not be read at all.
     */
    public List<FieldProblem> problems(Actor actor, UUID id, ListingDraft draft) {
        try {
            if (id == null) {
                checkedNew(actor, draft);
            } else {
                checkedChange(owned(actor, id), draft);
            }
            return List.of();
        } catch (InvalidListingException e) {
            return e.problems();
        }
    }

    private ListingDraft checkedNew(Actor actor, ListingDraft draft) {
        if (!actor.isCoordinator() && REFURBISHERS.stream().noneMatch(actor::hasRole)) {
            throw new AccessDeniedException("Only workshops, resellers and coordinators publish refurbished stock");
        }
        if (draft.kind() == ListingKind.UPCOMING_LOT) {
            throw new InvalidListingException("kind", rules.message("catalog.error.kind"));
        }
        Organization seller = accessibleOrganization(actor, draft.sellerId() == null ? actor.organizationId() : draft.sellerId());
        if (REFURBISHERS.stream().noneMatch(seller::hasRole)) {
            throw new InvalidListingException("sellerId", rules.message("catalog.error.notRefurbisher"));
        }
        ListingDraft complete = draft.completedFor(seller.id(), ListingKind.REFURBISHED, today());
        rules.check(complete, ListingKind.REFURBISHED, seller);
        return complete;
    }

    private ListingDraft checkedChange(Listing listing, ListingDraft draft) {
        listing.requireChangeable();
        if (draft.version() != null && draft.version() != listing.version()) {
            throw new ObjectOptimisticLockingFailureException(Listing.class, listing.id());
        }
        if (draft.kind() != null && draft.kind() != listing.kind()) {
            throw new InvalidListingException("kind", rules.message("catalog.error.kindChange"));
        }
        if (draft.sellerId() != null && !draft.sellerId().equals(listing.sellerId())) {
            throw new InvalidListingException("sellerId", rules.message("catalog.error.sellerChange"));
        }
        ListingDraft complete = draft.completedFor(listing.sellerId(), listing.kind(), listing.availableFrom());
        rules.check(complete, listing.kind(), organizations.organization(listing.sellerId()));
        return complete;
    }

    @Transactional
    public ListingView pause(Actor actor, UUID id) {
        return changeStatus(actor, id, ListingStatus.PAUSED);
    }

    @Transactional
    public ListingView resume(Actor actor, UUID id) {
        return changeStatus(actor, id, ListingStatus.ACTIVE);
    }

    /** Withdraws a listing for good; withdrawing it again changes nothing. */
    @Transactional
    public ListingView withdraw(Actor actor, UUID id) {
        return changeStatus(actor, id, ListingStatus.WITHDRAWN);
    }

    /** Adds a JPEG, PNG or WebP photo (told by its bytes) at the first free position. */
    @Transactional
    public ListingView addPhoto(Actor actor, UUID id, InputStream content) {
        Listing listing = owned(actor, id);
        listing.requireChangeable();
        int limit = (int) properties.maxPhotoSize().toBytes();
        byte[] bytes;
        try {
            bytes = content.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length == 0) {
            throw new InvalidListingException("file", rules.message("catalog.error.photoMissing"));
        }
        if (bytes.length > limit) {
            throw new InvalidListingException("file", rules.message("catalog.error.photoSize", properties.maxPhotoSize().toMegabytes()));
        }
        PhotoFormat format = PhotoFormat.sniff(bytes, bytes.length)
                .orElseThrow(() -> new InvalidListingException("file", rules.message("catalog.error.photoType")));
        List<Integer> taken = photos.positions(id);
        if (taken.size() >= properties.maxPhotos()) {
            throw new InvalidListingException("file", rules.message("catalog.error.photoCount", properties.maxPhotos()));
        }
        int position = 0;
        while (taken.contains(position)) {
            position++;
        }
        photos.insert(id, position, format, bytes, clock.instant());
        listing.touch(clock.instant());
        return changed(listing);
    }

    @Transactional
    public ListingView removePhoto(Actor actor, UUID id, int position) {
        Listing listing = owned(actor, id);
        listing.requireChangeable();
        if (!photos.delete(id, position)) {
            throw new NotFoundException("photo", position);
        }
        listing.touch(clock.instant());
        return changed(listing);
    }

    /** A photo of a listing the actor may see. */
    public ListingPhoto photo(Actor actor, UUID id, int position) {
        repository.findById(id).filter(listing -> listing.status() == ListingStatus.ACTIVE || actor.mayAccess(listing.sellerId()))
                .orElseThrow(() -> new NotFoundException("listing", id));
        return photos.find(id, position).orElseThrow(() -> new NotFoundException("photo", position));
    }

    public ListingView view(Actor actor, UUID id) {
        return visible(actor, id);
    }

    /** A seller's own listings (any seller's for a coordinator), most recently changed first. */
    public ListingPage sellerListings(Actor actor, UUID sellerId, ListingStatus status, ListingKind kind, int page, int size) {
        UUID seller = sellerId == null ? actor.organizationId() : sellerId;
        organizations.requireAccessible(seller, actor);
        if (page < 0) {
            throw new InvalidInputException("page", rules.message("catalog.error.page"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", rules.message("catalog.error.size", MAX_PAGE_SIZE));
        }
        return views.ofSeller(seller, status, kind, page, size);
    }

    /**
     * Lists an upcoming lot of the donor's forecast (id "donor:site:YYYY-MM:CATEGORY", as {@link Forecasts#lots}
     * gives it): quantity, site and the month as availability window come from the forecast. Publishing the same lot
     * again updates its listing.
     *
     * @param unitPrice per unit excluding VAT, or null to give the lot away
     */
    @Transactional
    public ListingView publishUpcomingLot(Actor actor, String lotId, BigDecimal unitPrice, String description) {
        if (!actor.isCoordinator() && !actor.hasRole(OrganizationRole.DONOR)) {
            throw new AccessDeniedException("Only donors and coordinators publish upcoming lots");
        }
        LotKey key = LotKey.parse(lotId).orElseThrow(() -> new InvalidListingException("lotId", rules.message("catalog.error.lotId")));
        Organization donor = accessibleOrganization(actor, key.donor());
        if (!donor.hasRole(OrganizationRole.DONOR)) {
            throw new InvalidListingException("lotId", rules.message("catalog.error.lotId"));
        }
        UpcomingLot lot = forecasts.lots(actor, donor.id(), key.month(), key.month()).stream()
                .filter(candidate -> candidate.id().equals(lotId)).findFirst()
                .orElseThrow(() -> new InvalidListingException("lotId", rules.message("catalog.error.lotUnknown")));
        return publish(donor, lot, unitPrice, description);
    }

    /** The donor's published lots, by forecast lot id: the inventory page marks them. */
    public Map<String, ListingView> publishedLots(Actor actor, UUID donorId) {
        organizations.requireAccessible(donorId, actor);
        return views.publishedLots(donorId);
    }

    private ListingView publish(Organization donor, UpcomingLot lot, BigDecimal unitPrice, String description) {
        if (lot.siteId() == null) {
            throw new InvalidListingException("lotId", rules.message("catalog.error.lotSite"));
        }
        YearMonth month = YearMonth.parse(lot.month());
        ListingDraft draft = new ListingDraft(donor.id(), ListingKind.UPCOMING_LOT, lot.siteId(),
                Category.valueOf(lot.category()), truncate(UpcomingLotText.manufacturer(lot.typicalModel()), MANUFACTURER_LENGTH),
                truncate(UpcomingLotText.model(lot.typicalModel()), MODEL_LENGTH), UpcomingLotText.title(lot),
                description == null || description.isBlank() ? UpcomingLotText.description(lot) : description, null, null,
                null, (int) Math.min(Integer.MAX_VALUE, lot.quantity()), unitPrice, null, ListingRules.CURRENCY, 0,
                month.atDay(1), month.atEndOfMonth(), null);
        rules.check(draft, ListingKind.UPCOMING_LOT, donor);
        Listing listing = repository.findBySellerIdAndSourceLotId(donor.id(), lot.id()).orElse(null);
        if (listing == null) {
            listing = new Listing(ListingKind.UPCOMING_LOT, donor.id(), lot.id(), clock.instant());
            listing.describe(draft, clock.instant());
            entityManager.persist(listing);
        } else {
            listing.requireChangeable();
            listing.describe(draft, clock.instant());
        }
        return changed(listing);
    }

    /** Stores the change now, so that the version is the new one, and tells the search index. */
    private ListingView changed(Listing listing) {
        entityManager.flush();
        outbox.listingChanged(listing.id());
        return views.find(listing.id()).orElseThrow();
    }

    private ListingView changeStatus(Actor actor, UUID id, ListingStatus status) {
        Listing listing = owned(actor, id);
        if (listing.changeStatus(status, clock.instant())) {
            return changed(listing);
        }
        return views.find(id).orElseThrow();
    }

    /** A listing the actor may change: 404 when they may not even see it, 403 when they see it but do not own it. */
    private Listing owned(Actor actor, UUID id) {
        Listing listing = repository.findById(id).orElseThrow(() -> new NotFoundException("listing", id));
        if (!actor.mayAccess(listing.sellerId())) {
            if (listing.status() == ListingStatus.ACTIVE) {
                throw new AccessDeniedException("Only the seller and coordinators change a listing");
            }
            throw new NotFoundException("listing", id);
        }
        boolean mayPublish = actor.isCoordinator() || (listing.kind() == ListingKind.UPCOMING_LOT
                ? actor.hasRole(OrganizationRole.DONOR) : REFURBISHERS.stream().anyMatch(actor::hasRole));
        if (!mayPublish) {
            throw new AccessDeniedException("Your roles do not allow changing this listing");
        }
        return listing;
    }

    private ListingView visible(Actor actor, UUID id) {
        return views.find(id).filter(view -> view.isActive() || actor.mayAccess(view.seller().id()))
                .orElseThrow(() -> new NotFoundException("listing", id));
    }

    private Organization accessibleOrganization(Actor actor, UUID id) {
        organizations.requireAccessible(id, actor);
        return organizations.organization(id);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length).strip();
    }

    /** The parts of an upcoming lot's id that locate it in the forecast. */
    private record LotKey(UUID donor, YearMonth month) {

        static Optional<LotKey> parse(String lotId) {
            String[] parts = lotId == null ? new String[0] : lotId.split(":");
            if (parts.length != 4) {
                return Optional.empty();
            }
            try {
                return Optional.of(new LotKey(UUID.fromString(parts[0]), YearMonth.parse(parts[2])));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
