package org.boucle.marketplace.identity;

import org.boucle.marketplace.organization.Actor;

/** Any authenticated principal (password, API token, identity provider) knows the actor it stands for. */
interface ActorPrincipal {

    Actor actor();
}
