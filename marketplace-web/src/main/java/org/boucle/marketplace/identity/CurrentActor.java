package org.boucle.marketplace.identity;

import java.util.Optional;
import org.boucle.marketplace.organization.Actor;
import org.springframework.security.core.Authentication;

/** The actor behind an authentication, whatever way they signed in. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        if (authentication instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }
}
