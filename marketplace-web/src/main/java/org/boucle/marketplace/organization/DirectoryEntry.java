package org.boucle.marketplace.organization;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An organization as every signed-in actor of the territory sees it. */
public record DirectoryEntry(
        UUID id,
        String name,
        Set<OrganizationRole> roles,
        Set<Offering> offerings,
        Set<Population> populations,
        Integer capacityUnitsPerMonth,
        String description,
        String website,
        String contactEmail,
        String contactPhone,
        List<SiteView> sites,
        Double distanceKm) {

    /** A site as the directory shows it: no access notes, which stay private to its organization. */
    public record SiteView(UUID id, String name, String street, String postalCode, String communeCode, String commune,
            double latitude, double longitude, String openingHours) {

        static SiteView of(Site site) {
            return new SiteView(site.id(), site.name(), site.street(), site.postalCode(), site.commune().inseeCode(),
                    site.commune().name(), site.location().latitude(), site.location().longitude(),
                    site.hours().toString());
        }
    }
}
