package org.boucle.marketplace.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A personal token for the JSON API; only the SHA-256 of its secret is kept. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    private String name;

    private String tokenHash;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(UserAccount user, String name, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.user = user;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    UUID id() {
        return id;
    }

    UserAccount user() {
        return user;
    }

    ApiTokenView view() {
        return new ApiTokenView(id, name, createdAt, expiresAt, lastUsedAt, revokedAt);
    }
}
