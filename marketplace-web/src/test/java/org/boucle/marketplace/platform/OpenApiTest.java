package org.boucle.marketplace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoucleTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void theApiIsDescribedAndTheActingUserIsNotARequestParameter() {
        JsonNode document = ApiClient.anonymous(port).get("/v3/api-docs").json();

        assertThat(document.at("/info/title").asText()).isEqualTo("Boucle API");
        assertThat(document.get("paths").has("/api/v1/me")).isTrue();
        assertThat(document.get("paths").has("/api/v1/organizations/{id}/details")).isTrue();
        assertThat(document.at("/components/securitySchemes").has("basic")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1me/get").toString()).doesNotContain("\"actor\"");
    }

    @Test
    void theBrowsableUiIsServed() {
        ApiClient.Response response = ApiClient.anonymous(port).get("/swagger-ui/index.html");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("swagger-ui");
    }
}
