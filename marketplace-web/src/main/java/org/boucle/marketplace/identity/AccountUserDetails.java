package org.boucle.marketplace.identity;

import java.util.Collection;
import org.boucle.marketplace.organization.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A password-authenticated user, for the login form and HTTP Basic. */
final class AccountUserDetails implements UserDetails, CredentialsContainer, ActorPrincipal {

    private final Actor actor;
    private final boolean enabled;
    private String passwordHash;

    AccountUserDetails(Actor actor, String passwordHash, boolean enabled) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return Authorities.of(actor);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.email();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AccountUserDetails[" + actor.email() + "]";
    }

}
