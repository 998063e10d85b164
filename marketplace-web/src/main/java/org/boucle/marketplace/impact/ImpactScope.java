package org.boucle.marketplace.impact;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.boucle.marketplace.organization.OrganizationRole;

/**
 * Whose impact: the territory's, or one kind of organization's. A donor's is that of the devices it gave, a
 * workshop's that of the devices it received, an association's that of the devices handed to it.
 */
public enum ImpactScope {
    TERRITORY(OrganizationRole.COORDINATOR),
    DONOR(OrganizationRole.DONOR),
    WORKSHOP(OrganizationRole.WORKSHOP),
    ASSOCIATION(OrganizationRole.ASSOCIATION);

    private final OrganizationRole role;

    ImpactScope(OrganizationRole role) {
        this.role = role;
    }

    /** The role an organization needs for its impact to be measured in this scope. */
    public OrganizationRole role() {
        return role;
    }

    /** The code the API and the pages use: territory, donor... */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImpactScope> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equalsIgnoreCase(code.strip())).findFirst();
    }
}
