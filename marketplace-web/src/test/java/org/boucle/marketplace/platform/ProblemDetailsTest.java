package org.boucle.marketplace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input gets RFC 9457 problem+json naming what is wrong, never a stack trace or a class name. */
@BoucleTest
class ProblemDetailsTest {

    @LocalServerPort
    int port;

    @Test
    void bodyValidationNamesEveryFieldAtFault() {
        ApiClient.Response response = ApiClient.demo(port, "coordinator").post("/api/v1/organizations",
                "{\"name\": \"\", \"roles\": [], \"profile\": {\"siret\": \"12345678901234\", \"contactEmail\": \"nope\"}}");

        assertProblem(response, 400);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "roles", "profile.siret", "profile.contactEmail");
    }

    @Test
    void anUnknownEnumValueInTheQueryListsTheAllowedValues() {
        ApiClient.Response response = ApiClient.demo(port, "buyer").get("/api/v1/organizations?role=WIZARD");

        assertProblem(response, 400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("role");
        assertThat(errors.toString()).contains("WIZARD", "DONOR", "COORDINATOR");
    }

    @Test
    void anOutOfRangeQueryParameterIsNamed() {
        ApiClient.Response response = ApiClient.demo(port, "buyer").get("/api/v1/organizations?minCapacity=-3&commune=Grenoble");

        assertProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("minCapacity", "commune");
    }

    @Test
    void anUnknownEnumValueInTheBodyIsNamedByItsPath() {
        ApiClient.Response response = ApiClient.demo(port, "coordinator").post("/api/v1/organizations",
                "{\"name\": \"x\", \"roles\": [\"DONOR\", \"WIZARD\"]}");

        assertProblem(response, 400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("roles[1]");
    }

    @Test
    void malformedJsonIsAProblemNotACrash() {
        ApiClient.Response response = ApiClient.demo(port, "coordinator").post("/api/v1/organizations", "{\"name\": ");

        assertProblem(response, 400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/malformed-body");
    }

    @Test
    void aBadIdInThePathNamesTheParameter() {
        ApiClient.Response response = ApiClient.demo(port, "donor").get("/api/v1/organizations/not-a-uuid");

        assertProblem(response, 400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("id");
    }

    @Test
    void domainRulesAreReportedOnTheirField() {
        ApiClient donor = ApiClient.demo(port, "donor");
        String chu = donor.get("/api/v1/me").json().at("/organization/id").asText();

        ApiClient.Response response = donor.post("/api/v1/organizations/" + chu + "/sites",
                "{\"name\": \"Annexe\", \"street\": \"1 rue\", \"postalCode\": \"38000\", \"communeCode\": \"38185\","
                        + " \"openingHours\": \"Mo-Fr 17:00-08:00\"}");

        assertProblem(response, 400);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("openingHours");
    }

    @Test
    void unknownApiPathsAnswer404AsAProblem() {
        assertProblem(ApiClient.demo(port, "donor").get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void aWrongMethodAnswers405AsAProblem() {
        assertProblem(ApiClient.demo(port, "donor").delete("/api/v1/me"), 405);
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception", "java.", "org.springframework", "at org.", "trace");
    }
}
