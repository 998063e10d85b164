package org.boucle.marketplace.organization;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What an organization tells the sector about itself; editable by its own members. */
public record OrganizationProfile(
        @Siret String siret,
        @Size(max = 2000) String description,
        @Size(max = 300) String website,
        @Email @Size(max = 254) String contactEmail,
        @Size(max = 40) String contactPhone,
        @PositiveOrZero @Max(10_000_000) Integer capacityUnitsPerMonth,
        Set<Offering> offerings,
        Set<Population> populations) {

    public OrganizationProfile {
        // Forms send empty fields as "": they mean "not given".
        siret = blankToNull(siret);
        description = blankToNull(description);
        website = blankToNull(website);
        contactEmail = blankToNull(contactEmail);
        contactPhone = blankToNull(contactPhone);
        offerings = offerings == null ? Set.of() : Set.copyOf(offerings);
        populations = populations == null ? Set.of() : Set.copyOf(populations);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static OrganizationProfile empty() {
        return new OrganizationProfile(null, null, null, null, null, null, Set.of(), Set.of());
    }
}
