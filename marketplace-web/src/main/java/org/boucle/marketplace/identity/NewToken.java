package org.boucle.marketplace.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A request for a personal API token; without an expiry it lasts until revoked. */
public record NewToken(@NotBlank @Size(max = 100) String name, @Positive @Max(3650) Integer expiresInDays) {
}
