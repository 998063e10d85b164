package org.boucle.marketplace.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "The territory's stakeholder network and its directory")
@Validated
class OrganizationApiController {

    private final Organizations organizations;

    OrganizationApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @Operation(summary = "Find actors by role, service offered, commune, capacity or name")
    List<DirectoryEntry> directory(@Valid @ModelAttribute DirectoryQuery query, Actor actor) {
        return organizations.directory(query, actor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organization's public directory entry")
    DirectoryEntry entry(@PathVariable UUID id) {
        return organizations.entry(id);
    }

    @GetMapping("/{id}/details")
    @Operation(summary = "Private details (members of the organization and coordinators only)")
    OrganizationDetails details(@PathVariable UUID id, Actor actor) {
        return organizations.details(id, actor);
    }

    @PutMapping("/{id}/profile")
    @Operation(summary = "Update the organization's profile (its own members and coordinators only)")
    OrganizationDetails updateProfile(@PathVariable UUID id, @Valid @RequestBody OrganizationProfile profile, Actor actor) {
        return organizations.updateProfile(id, profile, actor);
    }

    @PostMapping("/{id}/sites")
    @Operation(summary = "Add a site (its own members and coordinators only)")
    ResponseEntity<OrganizationDetails.SiteDetails> addSite(@PathVariable UUID id, @Valid @RequestBody NewSite site,
            Actor actor) {
        OrganizationDetails.SiteDetails created = organizations.addSite(id, site, actor);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + id + "/details")).body(created);
    }

    @PostMapping
    @Operation(summary = "Onboard an organization (coordinators only)")
    ResponseEntity<OrganizationDetails> create(@Valid @RequestBody NewOrganization organization, Actor actor) {
        OrganizationDetails created = organizations.create(organization, actor);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id())).body(created);
    }
}
