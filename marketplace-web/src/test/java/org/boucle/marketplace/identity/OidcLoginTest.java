package org.boucle.marketplace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Signing in through the territory's identity provider: the provider proves the address, Boucle decides the rest. */
@BoucleTest
class OidcLoginTest {

    private static final StubIdentityProvider IDP = new StubIdentityProvider();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.oidc.client-id", () -> StubIdentityProvider.CLIENT_ID);
        registry.add(prefix + "registration.oidc.client-secret", () -> "stub-secret");
        registry.add(prefix + "registration.oidc.client-name", () -> "Keycloak du territoire");
        registry.add(prefix + "registration.oidc.scope", () -> "openid,email");
        registry.add(prefix + "registration.oidc.authorization-grant-type", () -> "authorization_code");
        registry.add(prefix + "registration.oidc.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(prefix + "provider.oidc.authorization-uri", () -> IDP.url("/authorize"));
        registry.add(prefix + "provider.oidc.token-uri", () -> IDP.url("/token"));
        registry.add(prefix + "provider.oidc.jwk-set-uri", () -> IDP.url("/jwks"));
        registry.add(prefix + "provider.oidc.user-name-attribute", () -> "email");
    }

    @AfterAll
    static void stopProvider() {
        IDP.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLoginPageOffersTheProvider() throws Exception {
        assertThat(get("/login").body()).contains("Se connecter avec Keycloak du territoire", "/oauth2/authorization/oidc");
    }

    @Test
    void aProvenAddressOfAKnownAccountSignsInWithThatAccountsOrganizationAndRoles() throws Exception {
        HttpResponse<String> callback = signInAs("association@demo.boucle");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Bonjour Amélie Fabre", "Le Lien Numérique", "data-role=\"ASSOCIATION\"");
    }

    @Test
    void aProvenAddressWithoutABoucleAccountIsRefused() throws Exception {
        HttpResponse<String> callback = signInAs("stranger@example.org");

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        assertThat(get("/").headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private HttpResponse<String> signInAs(String email) throws Exception {
        HttpResponse<String> start = get("/oauth2/authorization/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(IDP.url("/authorize"));
        Map<String, String> query = Arrays.stream(authorize.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query).containsEntry("client_id", StubIdentityProvider.CLIENT_ID).containsKey("nonce");

        IDP.willAuthenticate(email, query.get("nonce"));
        String callback = query.get("redirect_uri") + "?code=stub-code&state="
                + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
