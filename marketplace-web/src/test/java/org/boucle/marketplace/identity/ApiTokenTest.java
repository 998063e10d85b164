package org.boucle.marketplace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoucleTest
class ApiTokenTest {

    @LocalServerPort
    int port;

    @Test
    void aPersonalTokenAuthenticatesUntilRevoked() {
        ApiClient donor = ApiClient.demo(port, "donor");
        ApiClient.Response issued = donor.post("/api/v1/me/tokens", "{\"name\": \"GLPI sync\", \"expiresInDays\": 30}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        String id = issued.json().get("id").asText();
        assertThat(token).startsWith("bcl_").hasSizeGreaterThan(40);

        ApiClient withToken = ApiClient.anonymous(port).bearer(token);
        assertThat(withToken.get("/api/v1/me").json().at("/user/email").asText()).isEqualTo("donor@demo.boucle");

        JsonNode listed = donor.get("/api/v1/me/tokens").json();
        assertThat(listed.findValuesAsText("id")).contains(id);
        assertThat(listed.toString()).doesNotContain(token);

        assertThat(donor.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
        ApiClient.Response refused = withToken.get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThat(ApiClient.anonymous(port).bearer("bcl_forged").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).bearer("something-else").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void nobodyCanRevokeSomeoneElsesToken() {
        String id = ApiClient.demo(port, "buyer").post("/api/v1/me/tokens", "{\"name\": \"laptop\"}").json().get("id").asText();

        assertThat(ApiClient.demo(port, "donor").delete("/api/v1/me/tokens/" + id).status()).isEqualTo(404);
        assertThat(ApiClient.demo(port, "coordinator").delete("/api/v1/me/tokens/" + id).status()).isEqualTo(404);
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/me/tokens").json().findValuesAsText("revokedAt")).isEmpty();
    }
}
