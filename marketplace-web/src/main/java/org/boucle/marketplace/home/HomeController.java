package org.boucle.marketplace.home;

import java.util.List;
import java.util.Map;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.DirectoryEntry;
import org.boucle.marketplace.organization.DirectoryQuery;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role's home page: what it is here to do, and its nearest partners in the chain. */
@Controller
class HomeController {

    private static final int PARTNERS_SHOWN = 4;

    // Who each role works with first: a donor needs a collector, a buyer a reseller…
    private static final Map<OrganizationRole, OrganizationRole> PARTNER = Map.of(
            OrganizationRole.DONOR, OrganizationRole.COLLECTOR,
            OrganizationRole.COLLECTOR, OrganizationRole.DONOR,
            OrganizationRole.WORKSHOP, OrganizationRole.COLLECTOR,
            OrganizationRole.RESELLER, OrganizationRole.WORKSHOP,
            OrganizationRole.ASSOCIATION, OrganizationRole.WORKSHOP,
            OrganizationRole.PUBLIC_BUYER, OrganizationRole.RESELLER,
            OrganizationRole.PRIVATE_BUYER, OrganizationRole.RESELLER);

    private final Organizations organizations;

    HomeController(Organizations organizations) {
        this.organizations = organizations;
    }

    record RoleSection(OrganizationRole role, OrganizationRole partnerRole, List<DirectoryEntry> partners) {
    }

    @GetMapping("/")
    String home(Actor actor, Model model) {
        List<RoleSection> sections = actor.roles().stream()
                .filter(PARTNER::containsKey)
                .map(role -> new RoleSection(role, PARTNER.get(role), organizations
                        .directory(new DirectoryQuery(PARTNER.get(role), null, null, null, null), actor).stream()
                        .limit(PARTNERS_SHOWN).toList()))
                .toList();
        model.addAttribute("sections", sections);
        if (actor.isCoordinator()) {
            model.addAttribute("overview", organizations.overview());
        }
        return "home";
    }

    @GetMapping("/territory")
    String territory(Actor actor, Model model) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Coordinators only");
        }
        model.addAttribute("overview", organizations.overview());
        model.addAttribute("entries", organizations.directory(DirectoryQuery.everything(), actor));
        return "territory";
    }
}
