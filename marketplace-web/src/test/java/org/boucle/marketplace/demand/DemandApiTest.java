package org.boucle.marketplace.demand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Needs through the API, as buyers, associations and coordinators post and read them, and what the allocation runs
 * read of them. The database is shared with every other test class: only the needs created here are looked at.
 */
@BoucleTest
class DemandApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Demands demands;

    @Autowired
    TransactionTemplate transactions;

    private ApiClient association;
    private ApiClient buyer;
    private ApiClient coordinator;
    private String associationSite;
    private String buyerSite;
    private LocalDate inAMonth;

    @BeforeEach
    void clients() {
        association = ApiClient.demo(port, "association");
        buyer = ApiClient.demo(port, "buyer");
        coordinator = ApiClient.demo(port, "coordinator");
        associationSite = siteOf("association@demo.boucle");
        buyerSite = siteOf("buyer@demo.boucle");
        inAMonth = demands.today().plusDays(30);
    }

    @Test
    void aBuyerPostsANeedWithItsMaximumPriceAndGetsItsLocation() {
        ApiClient.Response created = buyer.post("/api/v1/demands", """
                {"category": "LAPTOP", "quantity": 6, "minRamGb": 16, "minStorageGb": 256, "minCpuGeneration": 8,
                 "minScreenInches": 14, "minGrade": "B", "latestDate": "%s", "deliverySiteId": "%s",
                 "maxUnitPrice": 320.5, "note": "  Postes des coworkers  "}""".formatted(inAMonth, buyerSite));

        assertThat(created.status()).isEqualTo(201);
        JsonNode need = created.json();
        String id = need.get("id").asText();
        assertThat(need.get("kind").asText()).isEqualTo("BUYER");
        assertThat(need.get("organizationName").asText()).isEqualTo("Espace Coworking Bastille");
        assertThat(need.get("quantity").asInt()).isEqualTo(6);
        assertThat(need.get("remaining").asInt()).isEqualTo(6);
        assertThat(need.get("quantityAllocated").asInt()).isZero();
        assertThat(need.get("minRamGb").asInt()).isEqualTo(16);
        assertThat(need.get("minScreenInches").decimalValue()).isEqualByComparingTo("14");
        assertThat(need.get("maxUnitPrice").decimalValue()).isEqualByComparingTo("320.50");
        assertThat(need.get("latestDate").asText()).isEqualTo(inAMonth.toString());
        assertThat(need.get("deliverySiteId").asText()).isEqualTo(buyerSite);
        assertThat(need.get("note").asText()).isEqualTo("Postes des coworkers");
        assertThat(need.get("status").asText()).isEqualTo("OPEN");
        assertThat(need.hasNonNull("priority")).isFalse();
        ApiClient.Response read = buyer.get("/api/v1/demands/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id").asText()).isEqualTo(id);
    }

    @Test
    void theLocationHeaderNamesTheNewNeed() throws Exception {
        // ApiClient keeps no headers: a plain request, as any API user would send it.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/demands"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "association@demo.boucle:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(associationNeed(3)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        String id = new ObjectMapper().readTree(response.body()).get("id").asText();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/demands/" + id));
    }

    @Test
    void anAssociationPostsWhatItCanContributeAndThePeopleItServes() {
        JsonNode need = create(association, """
                {"category": "LAPTOP", "quantity": 12, "minGrade": "C", "latestDate": "%s", "deliverySiteId": "%s",
                 "populationServed": 80}""".formatted(inAMonth, associationSite));

        assertThat(need.get("kind").asText()).isEqualTo("ASSOCIATION");
        assertThat(need.get("maxUnitPrice").decimalValue()).isEqualByComparingTo("0");
        assertThat(need.get("populationServed").asInt()).isEqualTo(80);
        assertThat(need.get("minRamGb").asInt()).isZero();
        assertThat(need.get("minScreenInches").decimalValue()).isEqualByComparingTo("0");
        assertThat(need.hasNonNull("priority")).isFalse();
    }

    @Test
    void everyInvalidFieldIsReportedWithItsField() {
        String otherOrganizationsSite = buyerSite;
        ApiClient.Response refused = association.post("/api/v1/demands", """
                {"kind": "BUYER", "category": "TOASTER", "quantity": 0, "minRamGb": -1, "minStorageGb": 2000000,
                 "minCpuGeneration": 100, "minScreenInches": 15.65, "minGrade": "D", "latestDate": "%s",
                 "deliverySiteId": "%s", "maxUnitPrice": 10.001, "populationServed": -3, "note": "%s"}"""
                .formatted(demands.today().minusDays(1), otherOrganizationsSite, "x".repeat(1001)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactly("kind", "category", "quantity", "minRamGb", "minStorageGb",
                "minCpuGeneration", "minScreenInches", "minGrade", "latestDate", "deliverySiteId", "maxUnitPrice",
                "populationServed", "note");
        assertThat(message(refused, "deliverySiteId")).isEqualTo("Le site de livraison est un des sites de votre organisation.");
        assertThat(message(refused, "kind")).isEqualTo("Votre organisation peut publier un besoin : ASSOCIATION.");

        ApiClient.Response missing = association.post("/api/v1/demands", "{}");
        assertThat(fields(missing)).containsExactly("category", "quantity", "minGrade", "latestDate", "deliverySiteId");

        // A buyer pays: no price is no need; and only associations count the people they serve.
        ApiClient.Response noPrice = buyer.post("/api/v1/demands", """
                {"category": "SCREEN", "quantity": 2, "minGrade": "A", "latestDate": "%s", "deliverySiteId": "%s",
                 "populationServed": 10}""".formatted(inAMonth, buyerSite));
        assertThat(fields(noPrice)).containsExactly("maxUnitPrice", "populationServed");
        ApiClient.Response zero = buyer.post("/api/v1/demands", """
                {"category": "SCREEN", "quantity": 2, "minGrade": "A", "latestDate": "%s", "deliverySiteId": "%s",
                 "maxUnitPrice": 0}""".formatted(inAMonth, buyerSite));
        assertThat(fields(zero)).containsExactly("maxUnitPrice");
        assertThat(message(zero, "maxUnitPrice")).isEqualTo("Indiquez le prix unitaire maximum que vous payez (plus de 0 €).");

        // Neither a buyer nor an association: no need to post.
        assertThat(ApiClient.demo(port, "donor").post("/api/v1/demands", associationNeed(1)).status()).isEqualTo(403);
    }

    @Test
    void anAssociationCannotWeighItsOwnNeed() {
        ApiClient.Response refused = association.post("/api/v1/demands", """
                {"category": "LAPTOP", "quantity": 2, "minGrade": "C", "latestDate": "%s", "deliverySiteId": "%s",
                 "socialPriority": 10}""".formatted(inAMonth, associationSite));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("set by the territory's coordinators");
        ApiClient.Response criteria = association.post("/api/v1/demands", """
                {"category": "LAPTOP", "quantity": 2, "minGrade": "C", "latestDate": "%s", "deliverySiteId": "%s",
                 "priorityCriteria": ["URGENCY"]}""".formatted(inAMonth, associationSite));
        assertThat(criteria.status()).isEqualTo(403);

        String id = create(association, associationNeed(2)).get("id").asText();
        ApiClient.Response put = association.put("/api/v1/demands/" + id + "/priority", """
                {"socialPriority": 10, "criteria": ["URGENCY"]}""");
        assertThat(put.status()).isEqualTo(403);
        assertThat(association.get("/api/v1/demands/" + id).json().hasNonNull("priority")).isFalse();
    }

    @Test
    void aCoordinatorWeighsAnAssociationsNeedFromDocumentedCriteria() {
        String id = create(association, associationNeed(4)).get("id").asText();

        ApiClient.Response invalid = coordinator.put("/api/v1/demands/" + id + "/priority", """
                {"socialPriority": 11, "criteria": ["URGENCY", "BEING_NICE"], "note": "%s"}""".formatted("y".repeat(1001)));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("socialPriority", "criteria", "note");
        assertThat(fields(coordinator.put("/api/v1/demands/" + id + "/priority", "{\"socialPriority\": 3}")))
                .containsExactly("criteria");

        ApiClient.Response set = coordinator.put("/api/v1/demands/" + id + "/priority", """
                {"socialPriority": 8, "criteria": ["URGENCY", "PEOPLE_SERVED", "URGENCY"],
                 "note": "Rentrée des ateliers numériques le mois prochain"}""");
        assertThat(set.status()).isEqualTo(200);
        JsonNode priority = set.json().get("priority");
        assertThat(priority.get("socialPriority").asInt()).isEqualTo(8);
        assertThat(texts(priority.get("criteria"))).containsExactly("PEOPLE_SERVED", "URGENCY");
        assertThat(priority.get("note").asText()).isEqualTo("Rentrée des ateliers numériques le mois prochain");
        assertThat(priority.get("setBy").asText()).isEqualTo(
                coordinator.get("/api/v1/me").json().findValue("displayName").asText());
        assertThat(priority.hasNonNull("setAt")).isTrue();
        // The association reads it, and the optimiser weighs it.
        assertThat(association.get("/api/v1/demands/" + id).json().at("/priority/socialPriority").asInt()).isEqualTo(8);
        assertThat(openDemand(id)).hasValueSatisfying(open -> assertThat(open.socialPriority()).isEqualTo(8));

        String buyers = create(buyer, buyerNeed(1)).get("id").asText();
        ApiClient.Response notAnAssociation = coordinator.put("/api/v1/demands/" + buyers + "/priority", """
                {"socialPriority": 5, "criteria": ["URGENCY"]}""");
        assertThat(fields(notAnAssociation)).containsExactly("socialPriority");
    }

    @Test
    void anotherOrganizationsNeedIsNotFoundButCoordinatorsSeeEveryNeed() {
        String id = create(association, associationNeed(2)).get("id").asText();

        assertThat(buyer.get("/api/v1/demands/" + id).status()).isEqualTo(404);
        assertThat(buyer.post("/api/v1/demands/" + id + "/withdraw", "").status()).isEqualTo(404);
        assertThat(buyer.get("/api/v1/demands/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/demands/" + id).status()).isEqualTo(200);
    }

    @Test
    void anOpenNeedIsWithdrawnOnceByItsOrganizationOrACoordinator() {
        String mine = create(association, associationNeed(2)).get("id").asText();
        ApiClient.Response withdrawn = association.post("/api/v1/demands/" + mine + "/withdraw", "");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        ApiClient.Response again = association.post("/api/v1/demands/" + mine + "/withdraw", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(coordinator.put("/api/v1/demands/" + mine + "/priority", """
                {"socialPriority": 5, "criteria": ["URGENCY"]}""").status()).isEqualTo(409);
        assertThat(openDemand(mine)).isEmpty();

        String buyers = create(buyer, buyerNeed(1)).get("id").asText();
        assertThat(coordinator.post("/api/v1/demands/" + buyers + "/withdraw", "").json().get("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void membersListTheirOrganizationsNeedsAndCoordinatorsFilterEveryOrganizations() {
        String associations = create(association, associationNeed(2)).get("id").asText();
        String buyers = create(buyer, buyerNeed(2)).get("id").asText();
        association.post("/api/v1/demands/" + create(association, associationNeed(1)).get("id").asText() + "/withdraw", "");

        List<String> ownList = ids(association.get("/api/v1/demands"));
        assertThat(ownList).contains(associations).doesNotContain(buyers);
        assertThat(ids(buyer.get("/api/v1/demands"))).contains(buyers).doesNotContain(associations);

        List<String> openAssociations = ids(coordinator.get("/api/v1/demands?status=OPEN&kind=ASSOCIATION"));
        assertThat(openAssociations).contains(associations).doesNotContain(buyers);
        JsonNode all = coordinator.get("/api/v1/demands?status=OPEN&kind=ASSOCIATION").json();
        assertThat(all.findValuesAsText("status")).containsOnly("OPEN");
        assertThat(all.findValuesAsText("kind")).containsOnly("ASSOCIATION");
        assertThat(ids(coordinator.get("/api/v1/demands?kind=BUYER"))).contains(buyers);
        assertThat(fields(coordinator.get("/api/v1/demands?status=LOST&kind=NOBODY"))).containsExactly("status", "kind");
    }

    @Test
    void theOptimiserReadsOpenNeedsWithUnitsLeftAndAllocationsNeverExceedWhatRemains() {
        String id = create(association, associationNeed(5)).get("id").asText();
        String buyers = create(buyer, buyerNeed(3)).get("id").asText();
        String late = create(association, associationNeed(1)).get("id").asText();
        jdbc.sql("update demand set latest_date = ? where id = ?")
                .params(java.sql.Date.valueOf(demands.today().minusDays(1)), UUID.fromString(late)).update();

        OpenDemand open = openDemand(id).orElseThrow();
        assertThat(open.remaining()).isEqualTo(5);
        assertThat(open.isAssociation()).isTrue();
        assertThat(open.socialPriority()).isEqualTo(1);
        assertThat(open.organizationName()).isEqualTo("Le Lien Numérique");
        assertThat(open.deliverySiteId()).hasToString(associationSite);
        assertThat(open.latitude()).isNotZero();
        OpenDemand buying = openDemand(buyers).orElseThrow();
        assertThat(buying.socialPriority()).isZero();
        assertThat(buying.maxUnitPriceCents()).isEqualTo(25_000);
        assertThat(openDemand(late)).isEmpty();

        assertThat(allocate(id, 6)).isFalse();
        assertThat(allocate(id, 3)).isTrue();
        assertThat(openDemand(id).orElseThrow().remaining()).isEqualTo(2);
        assertThat(allocate(id, 3)).isFalse();
        assertThat(allocate(id, 2)).isTrue();
        JsonNode fulfilled = association.get("/api/v1/demands/" + id).json();
        assertThat(fulfilled.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(fulfilled.get("quantityAllocated").asInt()).isEqualTo(5);
        assertThat(fulfilled.get("remaining").asInt()).isZero();
        assertThat(openDemand(id)).isEmpty();
        assertThat(allocate(id, 1)).isFalse();
        assertThat(association.post("/api/v1/demands/" + id + "/withdraw", "").status()).isEqualTo(409);
    }

    private boolean allocate(String id, int units) {
        return Boolean.TRUE.equals(transactions.execute(status -> demands.recordAllocated(UUID.fromString(id), units)));
    }

    private Optional<OpenDemand> openDemand(String id) {
        return demands.open(demands.today()).stream().filter(d -> d.id().toString().equals(id)).findFirst();
    }

    private String associationNeed(int quantity) {
        return """
                {"category": "LAPTOP", "quantity": %d, "minGrade": "C", "latestDate": "%s", "deliverySiteId": "%s",
                 "maxUnitPrice": 20, "populationServed": 30}""".formatted(quantity, inAMonth, associationSite);
    }

    private String buyerNeed(int quantity) {
        return """
                {"category": "SCREEN", "quantity": %d, "minGrade": "B", "latestDate": "%s", "deliverySiteId": "%s",
                 "maxUnitPrice": 250}""".formatted(quantity, inAMonth, buyerSite);
    }

    private static JsonNode create(ApiClient client, String body) {
        ApiClient.Response response = client.post("/api/v1/demands", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").findValuesAsText("field");
    }

    private static String message(ApiClient.Response response, String field) {
        return StreamSupport.stream(response.json().get("errors").spliterator(), false)
                .filter(error -> error.get("field").asText().equals(field)).findFirst().orElseThrow()
                .get("message").asText();
    }

    private static List<String> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().findValuesAsText("id");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private String siteOf(String email) {
        return jdbc.sql("""
                select s.id from site s join user_account u on u.organization_id = s.organization_id
                 where u.email = ? order by s.name, s.id limit 1""")
                .param(email).query(UUID.class).single().toString();
    }
}
