package org.boucle.marketplace.identity;

import java.util.List;
import org.boucle.marketplace.organization.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Spring Security authorities of an actor: one {@code ROLE_*} per organization role held. */
final class Authorities {

    private Authorities() {
    }

    static List<GrantedAuthority> of(Actor actor) {
        return actor.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }
}
