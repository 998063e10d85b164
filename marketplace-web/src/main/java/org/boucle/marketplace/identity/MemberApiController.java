package org.boucle.marketplace.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{organizationId}/members")
@Tag(name = "Organizations")
class MemberApiController {

    private final Accounts accounts;

    MemberApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Members of an organization (its own members and coordinators only)")
    List<MemberView> members(@PathVariable UUID organizationId, Actor actor) {
        return accounts.members(organizationId, actor);
    }

    @PostMapping
    @Operation(summary = "Add a member (coordinators only)")
    ResponseEntity<MemberView> add(@PathVariable UUID organizationId, @Valid @RequestBody NewMember member, Actor actor) {
        MemberView created = accounts.addMember(organizationId, member, actor);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organizationId + "/members")).body(created);
    }
}
