package org.boucle.marketplace.organization;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.boucle.engine.geo.GeoPoint;
import org.boucle.engine.geo.RoadDistance;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stakeholder network: who is who in the territory, where, and what they offer. */
@Service
@Transactional(readOnly = true)
public class Organizations {

    private final OrganizationRepository organizations;
    private final CommuneRepository communes;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, CommuneRepository communes, Clock clock) {
        this.organizations = organizations;
        this.communes = communes;
        this.clock = clock;
    }

    /** Directory entries matching the query, nearest first when the actor has a site, else by name. */
    public List<DirectoryEntry> directory(DirectoryQuery query, Actor actor) {
        Optional<GeoPoint> origin = organizations.findById(actor.organizationId())
                .flatMap(own -> own.sites().stream().findFirst())
                .map(Site::location);
        Comparator<DirectoryEntry> order = Comparator.comparing(DirectoryEntry::distanceKm,
                Comparator.nullsLast(Comparator.naturalOrder()));
        return organizations.findAll(DirectorySpecifications.matching(query), Sort.by("name")).stream()
                .map(o -> entry(o, origin))
                .sorted(origin.isPresent() ? order.thenComparing(DirectoryEntry::name) : Comparator.comparing(DirectoryEntry::name))
                .toList();
    }

    /** The public directory entry of one organization. */
    public DirectoryEntry entry(UUID id) {
        return organizations.findById(id).map(o -> entry(o, Optional.empty()))
                .orElseThrow(() -> new NotFoundException("organization", id));
    }

    /** The organization itself, for features that attach data to it. */
    public Organization organization(UUID id) {
        return organizations.findById(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    public OrganizationSummary summary(UUID id) {
        Organization organization = organization(id);
        return new OrganizationSummary(organization.id(), organization.name(), organization.roles());
    }

    /** Private details: only the organization's own members and coordinators; anyone else gets 404. */
    public OrganizationDetails details(UUID id, Actor actor) {
        return OrganizationDetails.of(accessible(id, actor));
    }

    /** Fails with 404 unless the actor may see this organization's private data. */
    public void requireAccessible(UUID id, Actor actor) {
        if (!actor.mayAccess(id) || !organizations.existsById(id)) {
            throw new NotFoundException("organization", id);
        }
    }

    /** How many organizations were made by the demo seed, and how many by anyone else. */
    public Census census() {
        return new Census(organizations.countDemo(), organizations.countNonDemo());
    }

    public record Census(long demo, long other) {
    }

    /** The coordinator's view of the network: how many actors of each role, and where their sites are. */
    public TerritoryOverview overview() {
        var byRole = new java.util.EnumMap<OrganizationRole, Long>(OrganizationRole.class);
        for (OrganizationRole role : OrganizationRole.values()) {
            byRole.put(role, 0L);
        }
        organizations.countByRole().forEach(row -> byRole.put((OrganizationRole) row[0], (Long) row[1]));
        List<TerritoryOverview.CommuneSites> communes = organizations.countSitesByCommune().stream()
                .map(row -> new TerritoryOverview.CommuneSites((String) row[0], (Long) row[1], (Long) row[2]))
                .toList();
        return new TerritoryOverview(organizations.count(), byRole, communes);
    }

    public List<Commune> communes() {
        return communes.findAllByOrderByNameAsc();
    }

    @Transactional
    public OrganizationDetails create(NewOrganization request, Actor actor) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators onboard organizations");
        }
        return OrganizationDetails.of(register(request, false));
    }

    /** Registers an organization without an acting user: the demo seed and coordinators' onboarding share it. */
    @Transactional
    public Organization register(NewOrganization request, boolean demo) {
        if (organizations.existsByNameIgnoreCase(request.name().strip())) {
            throw new InvalidInputException("name", "An organization with this name already exists");
        }
        Organization organization = new Organization(request.name().strip(), request.roles(), demo, clock.instant());
        organization.describe(Objects.requireNonNullElse(request.profile(), OrganizationProfile.empty()));
        return organizations.save(organization);
    }

    @Transactional
    public OrganizationDetails updateProfile(UUID id, OrganizationProfile profile, Actor actor) {
        Organization organization = accessible(id, actor);
        organization.describe(profile);
        return OrganizationDetails.of(organization);
    }

    @Transactional
    public OrganizationDetails.SiteDetails addSite(UUID id, NewSite request, Actor actor) {
        Organization organization = accessible(id, actor);
        Site site = addSite(organization, request);
        organizations.flush();
        return OrganizationDetails.of(organization).sites().stream()
                .filter(s -> s.id().equals(site.id())).findFirst().orElseThrow();
    }

    @Transactional
    public Site addSite(Organization organization, NewSite request) {
        Commune commune = communes.findById(request.communeCode())
                .orElseThrow(() -> new InvalidInputException("communeCode", "Unknown commune " + request.communeCode()));
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw new InvalidInputException("latitude", "Give both latitude and longitude, or neither");
        }
        GeoPoint location = request.latitude() == null ? commune.centre() : new GeoPoint(request.latitude(), request.longitude());
        WeeklyHours hours;
        try {
            hours = WeeklyHours.parse(request.openingHours());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("openingHours", e.getMessage());
        }
        return organization.addSite(request.name().strip(), request.street().strip(), request.postalCode(), commune, location,
                request.accessNotes(), hours, clock.instant());
    }

    private Organization accessible(UUID id, Actor actor) {
        return organizations.findById(id).filter(o -> actor.mayAccess(o.id()))
                .orElseThrow(() -> new NotFoundException("organization", id));
    }

    private static DirectoryEntry entry(Organization o, Optional<GeoPoint> origin) {
        Double distance = origin.flatMap(from -> o.sites().stream()
                        .map(s -> RoadDistance.DEFAULT.kilometres(from, s.location()))
                        .min(Double::compare))
                .map(km -> Math.round(km * 10) / 10.0)
                .orElse(null);
        OrganizationProfile p = o.profile();
        return new DirectoryEntry(o.id(), o.name(), o.roles(), p.offerings(), p.populations(), p.capacityUnitsPerMonth(),
                p.description(), p.website(), p.contactEmail(), p.contactPhone(),
                o.sites().stream().map(DirectoryEntry.SiteView::of).toList(), distance);
    }
}
