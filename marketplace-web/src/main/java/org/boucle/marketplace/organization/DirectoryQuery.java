package org.boucle.marketplace.organization;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** How an actor looks for others: by role, service offered, commune, capacity or name. */
public record DirectoryQuery(
        OrganizationRole role,
        Offering offering,
        @Pattern(regexp = "[0-9AB]{5}", message = "{boucle.validation.insee}") String commune,
        @PositiveOrZero Integer minCapacity,
        @Size(max = 100) String text) {

    public DirectoryQuery {
        commune = blankToNull(commune);
        text = blankToNull(text);
    }

    public static DirectoryQuery everything() {
        return new DirectoryQuery(null, null, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
