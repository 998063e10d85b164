package org.boucle.marketplace.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.Organization;
import org.boucle.marketplace.organization.OrganizationRole;

/** A person who signs in and acts on behalf of one organization, with some of its roles. */
@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String email;

    /** Null for accounts that only sign in through the territory's identity provider. */
    private String passwordHash;

    private String displayName;

    private String locale;

    private boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<OrganizationRole> roles = EnumSet.noneOf(OrganizationRole.class);

    private Instant createdAt;

    protected UserAccount() {
    }

    UserAccount(Organization organization, String email, String passwordHash, String displayName, String locale,
            Set<OrganizationRole> roles, Instant createdAt) {
        if (roles.isEmpty() || !organization.roles().containsAll(roles)) {
            throw new IllegalArgumentException("a member's roles must be some of the organization's roles "
                    + organization.roles() + ": " + roles);
        }
        this.id = UUID.randomUUID();
        this.organization = organization;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.locale = locale;
        this.enabled = true;
        this.roles.addAll(roles);
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    String displayName() {
        return displayName;
    }

    String locale() {
        return locale;
    }

    boolean enabled() {
        return enabled;
    }

    Organization organization() {
        return organization;
    }

    Set<OrganizationRole> roles() {
        return EnumSet.copyOf(roles);
    }

    Actor actor() {
        return new Actor(id, email, displayName, organization.id(), organization.name(), roles);
    }
}
