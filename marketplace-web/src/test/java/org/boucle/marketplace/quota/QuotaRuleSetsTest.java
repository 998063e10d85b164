package org.boucle.marketplace.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boucle.marketplace.quota.QuotaFixtures.HEADER;
import static org.boucle.marketplace.quota.QuotaFixtures.category;
import static org.boucle.marketplace.quota.QuotaFixtures.imported;
import static org.boucle.marketplace.quota.QuotaFixtures.paidOrder;
import static org.boucle.marketplace.quota.QuotaFixtures.quota;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.time.Instant;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules as data: the seeded texts and the changes between them, and coordinators adding a text.
 *
 * <p>Rule sets can never be deleted and tests share one database, so the sets created here come into force after
 * every set already stored (from 2100, later at each run): the seeded rules keep ruling every year before.
 */
@BoucleTest
class QuotaRuleSetsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRuleSetOfAYearIsTheLastInForceByItsEnd() {
        ApiClient buyer = QuotaFixtures.publicBuyer(port).client();
        assertThat(buyer.get("/api/v1/quota/rule-sets/in-force?year=2023").json().get("name").asText())
                .isEqualTo("Décret n° 2021-254");
        // Décret n° 2024-134 came into force on 1 July 2024: it rules the whole of 2024.
        assertThat(buyer.get("/api/v1/quota/rule-sets/in-force?year=2024").json().get("name").asText())
                .isEqualTo("Décret n° 2024-134");
        assertThat(buyer.get("/api/v1/quota/rule-sets/in-force?year=2020").status()).isEqualTo(404);
        JsonNode it2024 = buyer.get("/api/v1/quota/rule-sets/in-force?year=2024").json();
        assertThat(it2024.at("/boucleCategories/TABLET").asText()).isEqualTo("IT_TELEPHONY");
        assertThat(it2024.at("/boucleCategories").has("PRINTER")).isFalse();
        assertThat(buyer.get("/api/v1/quota/rule-sets").json().findValuesAsText("name"))
                .contains("Décret n° 2021-254", "Décret n° 2024-134");
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/quota/rule-sets").status()).isEqualTo(403);
    }

    @Test
    void fromDecree2021To2024TabletsAndTextilesStartCounting() {
        TestSeller workshop = TestSeller.onboard(port, "WORKSHOP");
        TestSeller buyer = QuotaFixtures.publicBuyer(port);
        imported(buyer.client(), HEADER + """
                01/05/2023,IT_TELEPHONY,Portables neufs,UGAP,2000.00,new
                01/05/2024,IT_TELEPHONY,Portables neufs,UGAP,2000.00,new
                """);
        paidOrder(port, jdbc, workshop, buyer, "TABLET", "300.00", 1, Instant.parse("2023-05-10T08:00:00Z"));
        paidOrder(port, jdbc, workshop, buyer, "TABLET", "300.00", 1, Instant.parse("2024-05-10T08:00:00Z"));

        // 2023, décret 2021-254: tablets were not in its list, so the refurbished tablet counts nowhere. IT: t = 2,000,
        // q = 0, 20 %: missing 0.2 × 2,000 / 0.8 = 500.00. Only the IT row is seeded.
        JsonNode q2023 = quota(buyer.client(), 2023);
        assertThat(q2023.at("/ruleSet/name").asText()).isEqualTo("Décret n° 2021-254");
        assertThat(q2023.get("categories")).hasSize(1);
        JsonNode it2023 = category(q2023, "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it2023.get("totalSpend").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(it2023.get("qualifyingSpend").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(it2023.get("missingSpend").decimalValue()).isEqualByComparingTo("500.00");

        // 2024, décret 2024-134: the tablet is IT equipment. t = 2,300, q = 300: 0.1304; textiles appear.
        JsonNode q2024 = quota(buyer.client(), 2024);
        assertThat(q2024.at("/ruleSet/name").asText()).isEqualTo("Décret n° 2024-134");
        assertThat(q2024.get("categories")).hasSize(3);
        JsonNode it2024 = category(q2024, "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it2024.get("totalSpend").decimalValue()).isEqualByComparingTo("2300.00");
        assertThat(it2024.get("share").decimalValue()).isEqualByComparingTo("0.1304");

        // Textiles are no category of 2023's rules: such a purchase is refused, with its row and column.
        ApiClient.Response refused = QuotaFixtures.importCsv(buyer.client(), HEADER
                + "01/06/2023,TEXTILES,Tenues,Fournisseur,100.00,new\n");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/rejected/0/row").asInt()).isEqualTo(2);
        assertThat(refused.json().at("/rejected/0/column").asText()).isEqualTo("category");
        assertThat(refused.json().at("/rejected/0/reason").asText()).contains("Décret n° 2021-254");
    }

    @Test
    void theMinimumRisesFrom2027() {
        TestSeller buyer = QuotaFixtures.publicBuyer(port);
        imported(buyer.client(), HEADER + """
                15/06/2026,IT_TELEPHONY,Portables neufs,UGAP,7700.00,new
                15/06/2026,IT_TELEPHONY,Portables reconditionnés,Atelier,2300.00,reuse
                15/06/2027,IT_TELEPHONY,Portables neufs,UGAP,7700.00,new
                15/06/2027,IT_TELEPHONY,Portables reconditionnés,Atelier,2300.00,reuse
                """);
        // The same 2,300 / 10,000 = 23 % meets 2026's 20 % but not 2027's 25 %: missing (2,500 − 2,300) / 0.75 =
        // 266.666… → 266.67.
        JsonNode it2026 = category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it2026.get("minimumShare").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(it2026.get("met").asBoolean()).isTrue();
        JsonNode it2027 = category(quota(buyer.client(), 2027), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it2027.get("share").decimalValue()).isEqualByComparingTo("0.23");
        assertThat(it2027.get("minimumShare").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(it2027.get("met").asBoolean()).isFalse();
        assertThat(it2027.get("missingSpend").decimalValue()).isEqualByComparingTo("266.67");
    }

    @Test
    void aCoordinatorAddsARuleSetThatRulesTheYearsFromItsDate() {
        int year = Math.max(2099, jdbc.sql("select max(extract(year from in_force_from))::int from quota_rule_set")
                .query(Integer.class).single()) + 1;
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        String suffix = UUID.randomUUID().toString();
        ApiClient.Response a = coordinator.post("/api/v1/quota/rule-sets", """
                {"name": "Texte A %s", "legalReference": "Décret d'essai A", "inForceFrom": "%d-01-01",
                 "categories": [{"code": "IT_TELEPHONY", "name": "Matériel informatique et téléphonie"}],
                 "rules": [{"category": "IT_TELEPHONY", "fromYear": %d, "minimumShare": 0.4, "origins": ["reuse"]}],
                 "boucleCategories": {"LAPTOP": "IT_TELEPHONY"}}""".formatted(suffix, year, year));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().at("/rules/0/toYear").isNull()).isTrue();
        ApiClient.Response b = coordinator.post("/api/v1/quota/rule-sets", """
                {"name": "Texte B %s", "legalReference": "Décret d'essai B", "inForceFrom": "%d-01-01",
                 "categories": [{"code": "IT_TELEPHONY", "name": "Matériel informatique et téléphonie"}],
                 "rules": [{"category": "IT_TELEPHONY", "fromYear": %d, "minimumShare": 0.1,
                            "origins": ["reuse", "reutilisation", "recycled_content"]}]}""".formatted(suffix, year + 1, year + 1));
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        assertThat(coordinator.get("/api/v1/quota/rule-sets/" + b.json().get("id").asText()).json().get("name").asText())
                .isEqualTo("Texte B " + suffix);

        TestSeller buyer = QuotaFixtures.publicBuyer(port);
        imported(buyer.client(), HEADER + """
                01/03/%1$d,IT_TELEPHONY,Neufs,UGAP,600.00,new
                01/03/%1$d,IT_TELEPHONY,Recyclés,Fournisseur,100.00,recycled_content
                01/03/%1$d,IT_TELEPHONY,Reconditionnés,Atelier,300.00,reuse
                01/03/%2$d,IT_TELEPHONY,Neufs,UGAP,600.00,new
                01/03/%2$d,IT_TELEPHONY,Recyclés,Fournisseur,100.00,recycled_content
                01/03/%2$d,IT_TELEPHONY,Reconditionnés,Atelier,300.00,reuse
                """.formatted(year, year + 1));
        // Under A, only reuse counts: 300 / 1,000 = 0.3 < 0.4, missing (400 − 300) / 0.6 = 166.666… → 166.67.
        JsonNode underA = quota(buyer.client(), year);
        assertThat(underA.at("/ruleSet/name").asText()).isEqualTo("Texte A " + suffix);
        JsonNode itA = category(underA, "IT_TELEPHONY", "reuse");
        assertThat(itA.get("share").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(itA.get("missingSpend").decimalValue()).isEqualByComparingTo("166.67");
        // Under B, recycled content counts too: 400 / 1,000 = 0.4 ≥ 0.1.
        JsonNode itB = category(quota(buyer.client(), year + 1), "IT_TELEPHONY", "reuse", "reutilisation",
                "recycled_content");
        assertThat(itB.get("share").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(itB.get("met").asBoolean()).isTrue();

        // Immutable: not through the API (no such endpoint), and not even in the database.
        assertThatThrownBy(() -> jdbc.sql("update quota_rule_set set name = 'changed' where id = ?")
                .param(UUID.fromString(a.json().get("id").asText())).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from quota_rule where rule_set_id = ?")
                .param(UUID.fromString(a.json().get("id").asText())).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        // Another set on the same day, or with the same name, is refused.
        ApiClient.Response sameDay = coordinator.post("/api/v1/quota/rule-sets", """
                {"name": "Texte A %s", "legalReference": "x", "inForceFrom": "%d-01-01",
                 "categories": [{"code": "IT", "name": "IT"}],
                 "rules": [{"category": "IT", "fromYear": %d, "minimumShare": 0.1, "origins": ["reuse"]}]}"""
                .formatted(suffix, year, year));
        assertThat(sameDay.status()).isEqualTo(400);
        assertThat(sameDay.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "inForceFrom");
    }

    @Test
    void aBadRuleSetIsRefusedWithEveryFieldAtFaultAndOnlyCoordinatorsAddOne() {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        ApiClient.Response refused = coordinator.post("/api/v1/quota/rule-sets", """
                {"name": " ", "legalReference": "Décret", "inForceFrom": "2101-02-03",
                 "categories": [{"code": "it", "name": "IT"}, {"code": "TEXTILES", "name": ""}],
                 "rules": [{"category": "FURNITURE", "fromYear": 2100, "toYear": 2090, "minimumShare": 1.5,
                            "origins": ["new"]},
                           {"category": "TEXTILES", "fromYear": 2101, "minimumShare": 0.2, "origins": ["reuse"]},
                           {"category": "TEXTILES", "fromYear": 2105, "minimumShare": 0.3, "origins": ["reuse", "recycled_content"]}],
                 "boucleCategories": {"PHONE": "TEXTILES", "LAPTOP": "IT"}}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "name", "categories[0].code", "categories[1].name", "rules[0].category", "rules[0].fromYear",
                "rules[0].toYear", "rules[0].minimumShare", "rules[0].origins", "rules[2]",
                "boucleCategories.PHONE", "boucleCategories.LAPTOP");
        ApiClient.Response malformedDate = coordinator.post("/api/v1/quota/rule-sets", "{\"inForceFrom\": \"1er juillet\"}");
        assertThat(malformedDate.status()).isEqualTo(400);
        assertThat(malformedDate.json().get("errors").findValuesAsText("field")).containsExactly("inForceFrom");
        ApiClient.Response notCoordinator = QuotaFixtures.publicBuyer(port).client().post("/api/v1/quota/rule-sets", "{}");
        assertThat(notCoordinator.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from quota_rule_set where in_force_from = ?")
                .param(Date.valueOf("2101-02-03")).query(Long.class).single()).isZero();
    }
}
