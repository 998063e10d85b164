package org.boucle.marketplace.home;

import java.util.ArrayList;
import java.util.List;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;

/** The menu an actor sees: what every member can do, then what their roles add. */
public final class Navigation {

    public record Item(String path, String labelKey) {
    }

    private Navigation() {
    }

    public static List<Item> forActor(Actor actor) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("/", "nav.home"));
        if (actor.isCoordinator()) {
            items.add(new Item("/territory", "nav.territory"));
            items.add(new Item("/inventory/territory", "nav.inventories"));
        }
        if (actor.hasRole(OrganizationRole.DONOR)) {
            items.add(new Item("/inventory", "nav.inventory"));
        }
        items.add(new Item("/directory", "nav.directory"));
        items.add(new Item("/organization", actor.hasRole(OrganizationRole.DONOR) ? "nav.organization.donor" : "nav.organization"));
        items.add(new Item("/account", "nav.account"));
        return items;
    }
}
