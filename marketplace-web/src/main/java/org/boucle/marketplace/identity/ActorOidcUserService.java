package org.boucle.marketplace.identity;

import org.boucle.marketplace.organization.Actor;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs in through the territory's identity provider (Keycloak, ProConnect…): the provider proves the
 * e-mail address, Boucle's own account decides the organization and roles. Unknown addresses are refused.
 */
class ActorOidcUserService extends OidcUserService {

    private final Accounts accounts;

    ActorOidcUserService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        if (user.getEmail() == null || Boolean.FALSE.equals(user.getEmailVerified())) {
            throw new OAuth2AuthenticationException(new OAuth2Error("email_not_verified",
                    "The identity provider did not vouch for an e-mail address", null));
        }
        Actor actor = accounts.actor(user.getEmail()).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error("unknown_user", "No Boucle account for this e-mail address", null)));
        return new ActorOidcUser(user, actor);
    }

    static final class ActorOidcUser extends DefaultOidcUser implements ActorPrincipal {

        private final Actor actor;

        ActorOidcUser(OidcUser user, Actor actor) {
            super(Authorities.of(actor), user.getIdToken(), user.getUserInfo(), "email");
            this.actor = actor;
        }

        @Override
        public Actor actor() {
            return actor;
        }
    }
}
