package org.boucle.marketplace.organization;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new site. Coordinates default to the commune's centre when unknown;
 * opening hours use the compact form {@code "Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00"}.
 */
public record NewSite(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Pattern(regexp = "[0-9]{5}", message = "{boucle.validation.postalCode}") String postalCode,
        @NotBlank @Pattern(regexp = "[0-9AB]{5}", message = "{boucle.validation.insee}") String communeCode,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 2000) String accessNotes,
        @Size(max = 500) String openingHours) {

    public NewSite {
        // Forms send empty fields as "": they mean "not given".
        accessNotes = accessNotes == null || accessNotes.isBlank() ? null : accessNotes.strip();
    }
}
