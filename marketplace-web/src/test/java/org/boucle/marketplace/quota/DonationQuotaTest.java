package org.boucle.marketplace.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.quota.QuotaFixtures.HEADER;
import static org.boucle.marketplace.quota.QuotaFixtures.category;
import static org.boucle.marketplace.quota.QuotaFixtures.imported;
import static org.boucle.marketplace.quota.QuotaFixtures.quota;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Donations received count at the grid's flat value per unit on their date. The grid is shared and immutable, so this
 * test's values start on a day no value of these categories starts on yet (one day later at each run, from 2025), and
 * its donations are dated that day: no other value can apply to them. Laptops never get a value here.
 */
@BoucleTest
class DonationQuotaTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void donationsCountAtTheFlatValueOfTheirDay() {
        LocalDate day = jdbc.sql("""
                select greatest(coalesce(max(valid_from), date '2025-01-01'), date '2025-01-01') + 1
                  from quota_donation_value where boucle_category in ('SCREEN', 'SMARTPHONE')""")
                .query(Date.class).single().toLocalDate();
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        assertThat(value(coordinator, "SCREEN", day, "35.00").status()).isEqualTo(201);
        assertThat(value(coordinator, "SMARTPHONE", day, "60.00").status()).isEqualTo(201);
        // A later value does not reach back to donations made before it.
        assertThat(value(coordinator, "SCREEN", day.plusDays(1), "99.00").status()).isEqualTo(201);
        assertThat(value(coordinator, "SCREEN", day, "40.00").status()).isEqualTo(400);

        TestSeller workshop = TestSeller.onboard(port, "WORKSHOP");
        // A public body that also receives donations, as associations do on Boucle (a CCAS, for instance).
        TestSeller buyer = TestSeller.onboard(port, "PUBLIC_BUYER", "ASSOCIATION");
        String screens = donated(workshop, "SCREEN", 5);
        String phones = donated(workshop, "SMARTPHONE", 2);
        String laptops = donated(workshop, "LAPTOP", 1);
        for (String order : new String[] {
                QuotaFixtures.checkout(buyer.client(), screens, 3, "donation"),
                QuotaFixtures.checkout(buyer.client(), phones, 2, "donation"),
                QuotaFixtures.checkout(buyer.client(), laptops, 1, "donation")}) {
            dated(order, day);
        }
        String takenBack = QuotaFixtures.checkout(buyer.client(), screens, 2, "donation");
        dated(takenBack, day);
        assertThat(buyer.client().post("/api/v1/orders/" + takenBack + "/cancel", "{}").json().get("status").asText())
                .isEqualTo("CANCELLED");
        imported(buyer.client(), HEADER + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day)
                + ",IT_TELEPHONY,Portables neufs,UGAP,775.00,new\n");

        // 3 screens × 35.00 + 2 smartphones × 60.00 = 105 + 120 = 225.00 of réemploi; the 2 screens taken back count
        // for nothing; the laptop has no value yet. t = 775 + 225 = 1,000, q = 225: 0.225.
        JsonNode quota = quota(buyer.client(), day.getYear());
        JsonNode it = category(quota, "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it.get("qualifyingSpend").decimalValue()).isEqualByComparingTo("225.00");
        assertThat(it.get("totalSpend").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(it.get("share").decimalValue()).isEqualByComparingTo("0.225");
        assertThat(quota.get("uncountedDonations")).hasSize(1);
        assertThat(quota.at("/uncountedDonations/0/boucleCategory").asText()).isEqualTo("LAPTOP");
        assertThat(quota.at("/uncountedDonations/0/units").asInt()).isEqualTo(1);
    }

    @Test
    void onlyCoordinatorsSetValuesAndEveryBadFieldIsNamed() {
        ApiClient.Response refused = ApiClient.demo(port, "coordinator").post("/api/v1/quota/donation-values",
                "{\"category\": \"PHONE\", \"validFrom\": null, \"unitValue\": -1, \"source\": \" \"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("category", "validFrom", "unitValue", "source");
        assertThat(QuotaFixtures.publicBuyer(port).client().post("/api/v1/quota/donation-values",
                "{\"category\": \"SCREEN\", \"validFrom\": \"2030-01-01\", \"unitValue\": 1, \"source\": \"x\"}").status())
                .isEqualTo(403);
        assertThat(ApiClient.demo(port, "publicbuyer").get("/api/v1/quota/donation-values").status()).isEqualTo(200);
    }

    private static ApiClient.Response value(ApiClient coordinator, String category, LocalDate from, String value) {
        return coordinator.post("/api/v1/quota/donation-values", """
                {"category": "%s", "validFrom": "%s", "unitValue": %s,
                 "source": "Valeur d’essai (la grille de l’arrêté n’a pas pu être vérifiée)"}"""
                .formatted(category, from, value));
    }

    private static String donated(TestSeller workshop, String category, int quantity) {
        return workshop.create(workshop.laptop().put("category", category).put("quantityAvailable", quantity)
                .putNull("unitPrice")).get("id").asText();
    }

    /** The checkout happened at noon in Paris on that day. */
    private void dated(String order, LocalDate day) {
        jdbc.sql("update customer_order set created_at = ? where id = ?")
                .params(Timestamp.from(day.atTime(12, 0).atZone(PARIS).toInstant()), UUID.fromString(order)).update();
    }
}
