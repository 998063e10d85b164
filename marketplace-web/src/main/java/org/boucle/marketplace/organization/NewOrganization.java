package org.boucle.marketplace.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A coordinator onboards an actor of the territory. */
public record NewOrganization(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty Set<OrganizationRole> roles,
        @Valid OrganizationProfile profile) {
}
