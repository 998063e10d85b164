package org.boucle.marketplace.identity;

import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.organization.OrganizationRole;

/** A member of an organization, as its colleagues and coordinators see them. */
public record MemberView(UUID id, String email, String displayName, String locale, Set<OrganizationRole> roles,
        boolean enabled) {

    static MemberView of(UserAccount account) {
        return new MemberView(account.id(), account.email(), account.displayName(), account.locale(), account.roles(),
                account.enabled());
    }
}
