package org.boucle.marketplace.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One offer of the catalogue: an upcoming decommissioned lot or refurbished stock. The seller and the site are kept
 * by id: pages and the API read listings through one SQL view that joins them (see {@link ListingViews}).
 */
@Entity
class Listing {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private ListingKind kind;

    @Enumerated(EnumType.STRING)
    private ListingStatus status;

    private UUID sellerId;

    private UUID siteId;

    @Enumerated(EnumType.STRING)
    private Category category;

    private String manufacturer;

    private String model;

    private String title;

    private String description;

    private String cpuFamily;

    private Short cpuGeneration;

    private Integer ramGb;

    @Enumerated(EnumType.STRING)
    private StorageType storageType;

    private Integer storageGb;

    private BigDecimal screenInches;

    @Enumerated(EnumType.STRING)
    private Grade grade;

    private Short batteryHealthPercent;

    private int quantityAvailable;

    private BigDecimal unitPrice;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;

    private short warrantyMonths;

    private LocalDate availableFrom;

    private LocalDate availableUntil;

    private String sourceLotId;

    /** Grows at every change: optimistic lock, and the version the search index keeps. */
    @Version
    private long version;

    private Instant createdAt;

    private Instant updatedAt;

    protected Listing() {
    }

    Listing(ListingKind kind, UUID sellerId, String sourceLotId, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.status = ListingStatus.ACTIVE;
        this.sellerId = sellerId;
        this.sourceLotId = sourceLotId;
        this.currency = "EUR";
        this.createdAt = now;
    }

    /** Replaces everything the seller describes; kind, seller and status are not theirs to change here. */
    void describe(ListingDraft draft, Instant now) {
        ListingDraft.Specs specs = draft.specsOrEmpty();
        this.siteId = draft.siteId();
        this.category = draft.category();
        this.manufacturer = draft.manufacturer();
        this.model = draft.model();
        this.title = draft.title();
        this.description = draft.description();
        this.cpuFamily = specs.cpuFamily();
        this.cpuGeneration = specs.cpuGeneration() == null ? null : specs.cpuGeneration().shortValue();
        this.ramGb = specs.ramGb();
        this.storageType = specs.storageType();
        this.storageGb = specs.storageGb();
        this.screenInches = specs.screenInches();
        this.grade = draft.grade();
        this.batteryHealthPercent = draft.batteryHealthPercent() == null ? null : draft.batteryHealthPercent().shortValue();
        this.quantityAvailable = draft.quantityAvailable();
        this.unitPrice = draft.isDonation() ? null : draft.unitPrice();
        this.warrantyMonths = (short) draft.warrantyMonthsOrZero();
        this.availableFrom = draft.availableFrom();
        this.availableUntil = draft.availableUntil();
        stamp(now);
    }

    /** Applies a status change; false when the listing already had it, which is no change at all. */
    boolean changeStatus(ListingStatus next, Instant now) {
        if (status == next) {
            return false;
        }
        if (status == ListingStatus.WITHDRAWN) {
            throw new ListingWithdrawnException(id);
        }
        status = next;
        stamp(now);
        return true;
    }

    /** A change stored outside this entity (a photo): bumping updatedAt makes the version grow too. */
    void touch(Instant now) {
        stamp(now);
    }

    /** Every change moves updatedAt forward, even within the clock's resolution, so Hibernate always sees it dirty. */
    private void stamp(Instant now) {
        updatedAt = updatedAt == null || now.isAfter(updatedAt) ? now : updatedAt.plusNanos(1000);
    }

    void requireChangeable() {
        if (status == ListingStatus.WITHDRAWN) {
            throw new ListingWithdrawnException(id);
        }
    }

    UUID id() {
        return id;
    }

    ListingKind kind() {
        return kind;
    }

    ListingStatus status() {
        return status;
    }

    UUID sellerId() {
        return sellerId;
    }

    Category category() {
        return category;
    }

    LocalDate availableFrom() {
        return availableFrom;
    }

    long version() {
        return version;
    }
}
