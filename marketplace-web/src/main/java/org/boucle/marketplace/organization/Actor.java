package org.boucle.marketplace.organization;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Whoever is acting: a user, on behalf of their organization, with the roles they hold in it.
 * Every read or write of private data is scoped through {@link #mayAccess(UUID)}.
 */
public record Actor(UUID userId, String email, String displayName, UUID organizationId, String organizationName,
        Set<OrganizationRole> roles) implements java.io.Serializable {

    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(OrganizationRole.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(OrganizationRole role) {
        return roles.contains(role);
    }

    public boolean isCoordinator() {
        return hasRole(OrganizationRole.COORDINATOR);
    }

    /** Own organization's private data, or any organization's for a coordinator. */
    public boolean mayAccess(UUID organization) {
        return isCoordinator() || organizationId.equals(organization);
    }
}
