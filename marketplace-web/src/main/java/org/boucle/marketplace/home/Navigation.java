package org.boucle.marketplace.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.quota.supply.SupplyQuota;

/** The menu an actor sees: what every member can do, then what their roles add. */
public final class Navigation {

    public record Item(String path, String labelKey) {
    }

    /** Who publishes in the catalogue: donors their upcoming lots, workshops and resellers their refurbished stock. */
    private static final Set<OrganizationRole> SELLERS = Set.of(OrganizationRole.DONOR, OrganizationRole.WORKSHOP,
            OrganizationRole.RESELLER);

    /** Who reserves in the catalogue. */
    private static final Set<OrganizationRole> RESERVERS = Set.of(OrganizationRole.PUBLIC_BUYER,
            OrganizationRole.PRIVATE_BUYER, OrganizationRole.ASSOCIATION);

    /** Whose impact is measured: the devices a donor gave, a workshop received, an association was handed. */
    private static final Set<OrganizationRole> IMPACT = Set.of(OrganizationRole.DONOR, OrganizationRole.WORKSHOP,
            OrganizationRole.ASSOCIATION);

    private Navigation() {
    }

    /** The menu of an actor whose organization holds the given roles. */
    public static List<Item> forActor(Actor actor, Set<OrganizationRole> organizationRoles) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("/", "nav.home"));
        items.add(new Item("/catalog", "nav.catalog"));
        if (actor.isCoordinator()) {
            items.add(new Item("/territory", "nav.territory"));
            items.add(new Item("/inventory/territory", "nav.inventories"));
            items.add(new Item("/admin/search", "nav.searchAdmin"));
            items.add(new Item("/admin/sharing-rules", "nav.sharingRules"));
            items.add(new Item("/allocation", "nav.allocation"));
        }
        if (actor.hasRole(OrganizationRole.DONOR)) {
            items.add(new Item("/inventory", "nav.inventory"));
            // Donors come back for the proof that their devices' data were wiped.
            items.add(new Item("/custody/certificates", "nav.wipeCertificates"));
        }
        if (actor.isCoordinator() || actor.hasRole(OrganizationRole.PUBLIC_BUYER)) {
            items.add(new Item("/quota", "nav.quota"));
        }
        if (actor.isCoordinator() || SupplyQuota.concerns(organizationRoles)) {
            items.add(new Item("/quota/supply", "nav.quotaSupply"));
        }
        if (actor.isCoordinator() || RESERVERS.stream().anyMatch(actor::hasRole)) {
            items.add(new Item("/demands", "nav.demands"));
        }
        if (actor.isCoordinator() || actor.hasRole(OrganizationRole.COLLECTOR) || actor.hasRole(OrganizationRole.WORKSHOP)) {
            items.add(new Item("/custody/scan", "nav.custody"));
        }
        if (RESERVERS.stream().anyMatch(actor::hasRole)) {
            items.add(new Item("/reservations", "nav.reservations"));
            items.add(new Item("/orders", "nav.orders"));
        }
        if (SELLERS.stream().anyMatch(actor::hasRole)) {
            items.add(new Item("/catalog/mine", "nav.listings"));
            items.add(new Item("/reservations/sales", "nav.sales"));
        }
        if (actor.isCoordinator() || actor.hasRole(OrganizationRole.DONOR)) {
            items.add(new Item("/collection/pickups", "nav.pickups"));
        }
        if (actor.isCoordinator() || actor.hasRole(OrganizationRole.COLLECTOR)) {
            items.add(new Item("/collection/plans", "nav.collectionPlans"));
            items.add(new Item("/collection/fleet", "nav.fleet"));
        }
        if (actor.hasRole(OrganizationRole.COLLECTOR)) {
            items.add(new Item("/collection/routes", "nav.routes"));
        }
        if (actor.isCoordinator() || IMPACT.stream().anyMatch(actor::hasRole)) {
            items.add(new Item("/impact", "nav.impact"));
        }
        items.add(new Item("/notifications", "nav.notifications"));
        items.add(new Item("/directory", "nav.directory"));
        items.add(new Item("/organization", actor.hasRole(OrganizationRole.DONOR) ? "nav.organization.donor" : "nav.organization"));
        items.add(new Item("/account", "nav.account"));
        return items;
    }
}
