package org.boucle.marketplace.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.boucle.marketplace.organization.OrganizationRole;

/** A person joining an organization. Without a password, they sign in through the identity provider only. */
public record NewMember(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String displayName,
        @Size(min = 12, max = 128, message = "{boucle.validation.password}") String password,
        @Pattern(regexp = "fr|en", message = "{boucle.validation.locale}") String locale,
        @NotEmpty Set<OrganizationRole> roles) {
}
