package org.boucle.marketplace.organization;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boucle.engine.geo.GeoPoint;

/** A place where an organization gives, collects, processes or receives equipment. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String name;

    private String street;

    private String postalCode;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commune_code")
    private Commune commune;

    private double latitude;

    private double longitude;

    private String accessNotes;

    @ElementCollection
    @CollectionTable(name = "site_opening_hours", joinColumns = @JoinColumn(name = "site_id"))
    private List<OpeningHours> openingHours = new ArrayList<>();

    private Instant createdAt;

    protected Site() {
    }

    Site(Organization organization, String name, String street, String postalCode, Commune commune, GeoPoint location,
            String accessNotes, WeeklyHours hours, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.organization = organization;
        this.name = name;
        this.street = street;
        this.postalCode = postalCode;
        this.commune = commune;
        this.latitude = location.latitude();
        this.longitude = location.longitude();
        this.accessNotes = accessNotes;
        this.openingHours.addAll(hours.intervals());
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public Organization organization() {
        return organization;
    }

    public String name() {
        return name;
    }

    public String street() {
        return street;
    }

    public String postalCode() {
        return postalCode;
    }

    public Commune commune() {
        return commune;
    }

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    public String accessNotes() {
        return accessNotes;
    }

    public WeeklyHours hours() {
        return new WeeklyHours(openingHours);
    }
}
