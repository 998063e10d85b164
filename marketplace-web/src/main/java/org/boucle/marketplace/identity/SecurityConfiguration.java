package org.boucle.marketplace.identity;

import java.util.List;
import java.util.Map;
import org.boucle.marketplace.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Two doors: the JSON API under /api (stateless; HTTP Basic or personal API tokens; problem+json errors)
 * and the web pages (login form, and the territory's OIDC provider when one is configured).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String STRIPE_WEBHOOK = "/api/v1/payments/stripe/webhook";

    /** A wipe certificate's public verification: whoever holds its code (printed on it, in its QR code). */
    static final String VERIFY_WIPE_CERTIFICATE = "/verify/*";
    static final String WIPE_CERTIFICATE_API = "/api/v1/wipe-certificates/*";
    /** A donor's pickups calendar: calendar applications cannot log in, the address carries a secret token. */
    static final String PICKUP_CALENDAR = "/collection/pickups/*.ics";
    static final String[] PUBLIC_PATHS = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/error", "/error/**", "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", VERIFY_WIPE_CERTIFICATE, PICKUP_CALENDAR};

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt for new hashes; the {id} prefix lets a later algorithm take over without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation per security filter: each API call would otherwise open and close a dozen observations (11 % of a
     * request's CPU under load); the request itself is still observed as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenAuthenticator tokens, Problems problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> problems.write(response,
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                        "Authenticate with HTTP Basic or a personal API token (Authorization: Bearer …)"),
                Map.of("WWW-Authenticate", "Basic realm=\"Boucle\", Bearer realm=\"Boucle\""));
        AccessDeniedHandler forbidden = (request, response, failure) -> problems.write(response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your roles do not allow this"), Map.of());
        return http.securityMatcher("/api/**")
                // Stripe signs its webhook instead of logging in; the endpoint refuses what it cannot verify.
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, STRIPE_WEBHOOK).permitAll()
                        .requestMatchers(HttpMethod.GET, WIPE_CERTIFICATE_API).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, unauthorized), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProviders,
            Accounts accounts) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new ActorOidcUserService(accounts))));
        }
        return http.build();
    }

    @Bean
    WebMvcConfigurer currentActorArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentActorResolver());
            }
        };
    }
}
