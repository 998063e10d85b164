package org.boucle.marketplace.organization;

import java.util.List;
import java.util.Map;

/** How the territory's stakeholder network is made up. */
public record TerritoryOverview(long organizations, Map<OrganizationRole, Long> organizationsByRole,
        List<CommuneSites> communes) {

    public record CommuneSites(String commune, long organizations, long sites) {
    }
}
