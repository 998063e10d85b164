package org.boucle.marketplace.quota.supply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.DirectoryEntry;
import org.boucle.marketplace.organization.DirectoryQuery;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.OrganizationSummary;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Décret n° 2023-266 for the territory's public bodies that retire equipment: where each stands for a year, the
 * retired devices whose destination is still unknown, and the territory's view for coordinators. A public body's
 * members see its own figures, coordinators everyone's; anyone else gets 404, as for an unknown organization.
 */
@Service
public class SupplyQuota {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final SupplyRules rules;
    private final SupplyMeasure measure;
    private final Organizations organizations;
    private final Clock clock;

    SupplyQuota(SupplyRules rules, SupplyMeasure measure, Organizations organizations, Clock clock) {
        this.rules = rules;
        this.measure = measure;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Whether the decree binds an organization with these roles: a public body (Boucle's public buyers are the State's
     * services, local authorities and their groupings) that retires equipment (a donor).
     */
    public static boolean concerns(Set<OrganizationRole> organizationRoles) {
        return organizationRoles.contains(OrganizationRole.PUBLIC_BUYER) && organizationRoles.contains(OrganizationRole.DONOR);
    }

    /** The territory's public bodies and their year: every one's figures, and their sum. */
    public record Territory(int year, SupplyRule rule, SupplyFigures total, List<SupplyFigures> organizations) {
    }

    /** A public body's figures for a year; its own organization and the current year when not given. */
    public SupplyFigures figures(Actor actor, UUID organizationId, Integer year) {
        UUID organization = publicDonor(actor, organizationId);
        int measured = year(year);
        SupplyRule rule = rule(measured);
        SupplyMeasure.Tally tally = measure.measure(List.of(organization), measured, rule)
                .getOrDefault(organization, new SupplyMeasure.Tally());
        return SupplyFigures.of(organization, organizations.summary(organization).name(), measured, rule, tally);
    }

    /** The retired devices of the year with no known destination, in the order they left. */
    public List<RetiredDevice> withoutDestination(Actor actor, UUID organizationId, Integer year) {
        UUID organization = publicDonor(actor, organizationId);
        int measured = year(year);
        return measure.withoutDestination(organization, measured, rule(measured));
    }

    /** Every public body of the territory, by name: for coordinators only. */
    public Territory territory(Actor actor, Integer year) {
        requireCoordinator(actor);
        int measured = year(year);
        SupplyRule rule = rule(measured);
        List<DirectoryEntry> bodies = publicDonors(actor);
        Map<UUID, SupplyMeasure.Tally> tallies = measure.measure(bodies.stream().map(DirectoryEntry::id).toList(), measured, rule);
        List<SupplyFigures> figures = bodies.stream()
                .map(b -> SupplyFigures.of(b.id(), b.name(), measured, rule,
                        tallies.getOrDefault(b.id(), new SupplyMeasure.Tally())))
                .toList();
        return new Territory(measured, rule, SupplyFigures.of(null, null, measured, rule,
                SupplyMeasure.Tally.sum(tallies.values())), figures);
    }

    /** The public bodies a coordinator may pick, by name. */
    public List<OrganizationSummary> publicBodies(Actor actor) {
        requireCoordinator(actor);
        return publicDonors(actor).stream().map(b -> new OrganizationSummary(b.id(), b.name(), b.roles())).toList();
    }

    /** Every objective of the decree, oldest first. */
    public List<SupplyRule> rules() {
        return rules.all();
    }

    public int currentYear() {
        return LocalDate.now(clock.withZone(FRANCE)).getYear();
    }

    /** The organization whose figures the actor asks for, once it is known to be visible and bound by the decree. */
    UUID publicDonor(Actor actor, UUID organizationId) {
        UUID organization = organizationId == null ? actor.organizationId() : organizationId;
        organizations.requireAccessible(organization, actor);
        if (!concerns(organizations.summary(organization).roles())) {
            throw new InvalidInputException("organizationId", "This organization is not a public body that retires "
                    + "equipment: décret n° 2023-266 binds the State's services, local authorities and their groupings");
        }
        return organization;
    }

    private int year(Integer year) {
        int current = currentYear();
        if (year == null) {
            return current;
        }
        if (year > current) {
            throw new InvalidInputException("year", year + " has not begun yet");
        }
        return year;
    }

    private SupplyRule rule(int year) {
        return rules.forYear(year).orElseThrow(() -> new InvalidInputException("year",
                "No objective applies to " + year + ": décret n° 2023-266 sets them from 2023"));
    }

    private List<DirectoryEntry> publicDonors(Actor actor) {
        return organizations.directory(new DirectoryQuery(OrganizationRole.DONOR, null, null, null, null), actor).stream()
                .filter(entry -> concerns(entry.roles()))
                .sorted(Comparator.comparing(DirectoryEntry::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static void requireCoordinator(Actor actor) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("The territory's figures are for coordinators");
        }
    }
}
