package org.boucle.marketplace.organization;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An organization as its own members and coordinators see it, private details included. */
public record OrganizationDetails(UUID id, String name, Set<OrganizationRole> roles, OrganizationProfile profile,
        List<SiteDetails> sites) {

    public record SiteDetails(UUID id, String name, String street, String postalCode, String communeCode, String commune,
            double latitude, double longitude, String openingHours, String accessNotes) {
    }

    static OrganizationDetails of(Organization organization) {
        return new OrganizationDetails(organization.id(), organization.name(), organization.roles(), organization.profile(),
                organization.sites().stream()
                        .map(s -> new SiteDetails(s.id(), s.name(), s.street(), s.postalCode(), s.commune().inseeCode(),
                                s.commune().name(), s.location().latitude(), s.location().longitude(),
                                s.hours().toString(), s.accessNotes()))
                        .toList());
    }
}
