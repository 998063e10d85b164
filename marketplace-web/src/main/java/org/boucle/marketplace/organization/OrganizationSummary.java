package org.boucle.marketplace.organization;

import java.util.Set;
import java.util.UUID;

/** An organization named with its roles. */
public record OrganizationSummary(UUID id, String name, Set<OrganizationRole> roles) {
}
