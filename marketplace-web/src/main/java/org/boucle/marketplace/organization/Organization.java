package org.boucle.marketplace.organization;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.boucle.engine.geo.GeoPoint;

/** An actor of the territory's reuse sector: a donor, a workshop, an association, a public buyer… */
@Entity
public class Organization {

    @Id
    private UUID id;

    private String name;

    private String siret;

    private String description;

    private String website;

    private String contactEmail;

    private String contactPhone;

    @Column(name = "capacity_units_per_month")
    private Integer capacityUnitsPerMonth;

    private boolean demo;

    @ElementCollection
    @CollectionTable(name = "organization_role", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<OrganizationRole> roles = EnumSet.noneOf(OrganizationRole.class);

    @ElementCollection
    @CollectionTable(name = "organization_offering", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "offering")
    @Enumerated(EnumType.STRING)
    private Set<Offering> offerings = EnumSet.noneOf(Offering.class);

    @ElementCollection
    @CollectionTable(name = "organization_population", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "population")
    @Enumerated(EnumType.STRING)
    private Set<Population> populations = EnumSet.noneOf(Population.class);

    @OneToMany(mappedBy = "organization", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<Site> sites = new ArrayList<>();

    private Instant createdAt;

    @Version
    private long version;

    protected Organization() {
    }

    Organization(String name, Set<OrganizationRole> roles, boolean demo, Instant createdAt) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an organization needs at least one role");
        }
        this.id = UUID.randomUUID();
        this.name = name;
        this.roles.addAll(roles);
        this.demo = demo;
        this.createdAt = createdAt;
    }

    void describe(OrganizationProfile profile) {
        this.siret = profile.siret();
        this.description = profile.description();
        this.website = profile.website();
        this.contactEmail = profile.contactEmail();
        this.contactPhone = profile.contactPhone();
        this.capacityUnitsPerMonth = profile.capacityUnitsPerMonth();
        replace(this.offerings, profile.offerings());
        replace(this.populations, profile.populations());
    }

    private static <T> void replace(Set<T> target, Collection<T> values) {
        target.clear();
        if (values != null) {
            target.addAll(values);
        }
    }

    Site addSite(String siteName, String street, String postalCode, Commune commune, GeoPoint location,
            String accessNotes, WeeklyHours hours, Instant now) {
        Site site = new Site(this, siteName, street, postalCode, commune, location, accessNotes, hours, now);
        sites.add(site);
        return site;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganizationProfile profile() {
        return new OrganizationProfile(siret, description, website, contactEmail, contactPhone, capacityUnitsPerMonth,
                Set.copyOf(offerings), Set.copyOf(populations));
    }

    public Set<OrganizationRole> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(OrganizationRole.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(OrganizationRole role) {
        return roles.contains(role);
    }

    public boolean isDemo() {
        return demo;
    }

    public List<Site> sites() {
        return List.copyOf(sites);
    }
}
