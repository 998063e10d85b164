package org.boucle.marketplace.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.Organization;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts, their memberships and their personal API tokens. */
@Service
@Transactional(readOnly = true)
public class Accounts {

    static final String TOKEN_PREFIX = "bcl_";

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final Organizations organizations;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Accounts(UserAccountRepository users, ApiTokenRepository tokens, Organizations organizations,
            PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public Optional<Actor> actor(String email) {
        return users.findByEmailIgnoreCase(email).filter(UserAccount::enabled).map(UserAccount::actor);
    }

    Optional<UserAccount> account(String email) {
        return users.findByEmailIgnoreCase(email);
    }

    public List<MemberView> members(UUID organizationId, Actor actor) {
        organizations.requireAccessible(organizationId, actor);
        return users.findByOrganizationIdOrderByDisplayName(organizationId).stream().map(MemberView::of).toList();
    }

    @Transactional
    public MemberView addMember(UUID organizationId, NewMember member, Actor actor) {
        organizations.requireAccessible(organizationId, actor);
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators add members");
        }
        return MemberView.of(register(organizations.organization(organizationId), member));
    }

    /** Registers a member without an acting user: the demo seed and coordinators' onboarding share it. */
    @Transactional
    public UserAccount register(Organization organization, NewMember member) {
        if (users.existsByEmailIgnoreCase(member.email())) {
            throw new InvalidInputException("email", "An account with this e-mail already exists");
        }
        if (!organization.roles().containsAll(member.roles())) {
            throw new InvalidInputException("roles", "A member can only hold roles of the organization: " + organization.roles());
        }
        String hash = member.password() == null ? null : passwordEncoder.encode(member.password());
        return users.save(new UserAccount(organization, member.email().strip(), hash, member.displayName().strip(),
                Objects.requireNonNullElse(member.locale(), "fr"), member.roles(), clock.instant()));
    }

    @Transactional
    public IssuedToken issueToken(Actor actor, NewToken request) {
        UserAccount user = users.findById(actor.userId()).orElseThrow(() -> new NotFoundException("user", actor.userId()));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = request.expiresInDays() == null ? null : now.plus(Duration.ofDays(request.expiresInDays()));
        ApiToken saved = tokens.save(new ApiToken(user, request.name().strip(), tokenHash(token), now, expiresAt));
        return new IssuedToken(saved.id(), request.name().strip(), token, now, expiresAt);
    }

    public List<ApiTokenView> tokens(Actor actor) {
        return tokens.findByUserIdOrderByCreatedAtDesc(actor.userId()).stream().map(ApiToken::view).toList();
    }

    @Transactional
    public void revokeToken(Actor actor, UUID tokenId) {
        tokens.findByIdAndUserId(tokenId, actor.userId())
                .orElseThrow(() -> new NotFoundException("API token", tokenId))
                .revoke(clock.instant());
    }

    /** How a token is kept: only its SHA-256, so a leaked table leaks no usable token. */
    static String tokenHash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
