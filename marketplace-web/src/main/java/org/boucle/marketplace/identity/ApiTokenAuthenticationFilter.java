package org.boucle.marketplace.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.boucle.marketplace.organization.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer bcl_…} personal API tokens. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenAuthenticator tokens;
    private final AuthenticationEntryPoint entryPoint;

    ApiTokenAuthenticationFilter(ApiTokenAuthenticator tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var actor = tokens.authenticate(header.substring(7).strip());
        if (actor.isEmpty()) {
            SecurityContextHolder.clearContext();
            AuthenticationException failure = new BadCredentialsException("Unknown, expired or revoked API token");
            entryPoint.commence(request, response, failure);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(actor.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    static final class TokenAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

        private final Actor actor;

        TokenAuthentication(Actor actor) {
            super(Authorities.of(actor));
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return actor;
        }

        /** The account's email, as for a password login, rather than the whole actor spelled out. */
        @Override
        public String getName() {
            return actor.email();
        }
    }
}
