package org.boucle.marketplace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

class HealthTest {

    @Nested
    @BoucleTest
    class WithBothStores {

        @LocalServerPort
        int port;

        @Test
        void healthIsUpWithAComponentForPostgresqlAndOneForElasticsearch() {
            ApiClient.Response response = ApiClient.anonymous(port).get("/actuator/health");

            assertThat(response.status()).isEqualTo(200);
            JsonNode health = response.json();
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("UP");
            assertThat(ApiClient.anonymous(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }

    @Nested
    @BoucleTest
    @TestPropertySource(properties = {"spring.elasticsearch.uris=http://127.0.0.1:9", "spring.elasticsearch.connection-timeout=500ms"})
    class WithElasticsearchUnreachable {

        @LocalServerPort
        int port;

        @Test
        void healthIsDownAndSaysWhichComponentIs() {
            ApiClient.Response response = ApiClient.anonymous(port).get("/actuator/health");

            assertThat(response.status()).isEqualTo(503);
            JsonNode health = response.json();
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("DOWN");
            assertThat(ApiClient.anonymous(port).get("/actuator/health/readiness").status()).isEqualTo(503);
            assertThat(ApiClient.anonymous(port).get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }
}
