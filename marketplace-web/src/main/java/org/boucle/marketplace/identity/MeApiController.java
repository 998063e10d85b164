package org.boucle.marketplace.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationSummary;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in user and their personal API tokens")
class MeApiController {

    private final Accounts accounts;
    private final Organizations organizations;

    MeApiController(Accounts accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    record Me(User user, OrganizationSummary organization, Set<OrganizationRole> roles) {

        record User(UUID id, String email, String displayName) {
        }
    }

    @GetMapping
    @Operation(summary = "Who am I: the user, their organization and the roles they act with")
    Me me(Actor actor) {
        return new Me(new Me.User(actor.userId(), actor.email(), actor.displayName()),
                organizations.summary(actor.organizationId()), actor.roles());
    }

    @PostMapping("/tokens")
    @Operation(summary = "Issue a personal API token; its secret is shown only in this response")
    ResponseEntity<IssuedToken> issue(@Valid @RequestBody NewToken request, Actor actor) {
        IssuedToken token = accounts.issueToken(actor, request);
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id())).body(token);
    }

    @GetMapping("/tokens")
    @Operation(summary = "My personal API tokens")
    List<ApiTokenView> tokens(Actor actor) {
        return accounts.tokens(actor);
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "Revoke one of my tokens")
    ResponseEntity<Void> revoke(@PathVariable UUID id, Actor actor) {
        accounts.revokeToken(actor, id);
        return ResponseEntity.noContent().build();
    }
}
