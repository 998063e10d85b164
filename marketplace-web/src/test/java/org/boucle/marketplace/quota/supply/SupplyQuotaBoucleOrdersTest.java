package org.boucle.marketplace.quota.supply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A public body's upcoming lots that leave through Boucle count as reuse on the day of their order: sold to another
 * public body (a transfer), given to an association (a donation). A refund takes the reuse back.
 */
@BoucleTest
class SupplyQuotaBoucleOrdersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void lotsSoldAndDonatedThroughBoucleCountUntilARefund() {
        TestSeller body = Park.publicBody(port);
        YearMonth next = YearMonth.now(ZoneId.of("Europe/Paris")).plusMonths(1);
        String retiredOn = next.atDay(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Park park = new Park(body, jdbc);
        for (int i = 1; i <= 4; i++) {
            park.device("L" + i, "Portable", "Latitude 5410", "15/01/2021", retiredOn);
        }
        park.device("L5", "Portable", "Latitude E6420", "10/01/2012", retiredOn);
        for (int i = 1; i <= 3; i++) {
            park.device("S" + i, "Écran", "P2219H", "01/05/2019", retiredOn);
        }
        for (int i = 1; i <= 3; i++) {
            park.device("D" + i, "Unité centrale", "OptiPlex 7080", "01/06/2022");
        }
        park.importIt();
        JsonNode lots = body.client().get("/api/v1/forecast/lots?from=" + next + "&to=" + next).json();
        String laptops = lotId(lots, "LAPTOP");
        String screens = lotId(lots, "SCREEN");
        String laptopListing = publish(body, laptops, "50");
        String screenListing = publish(body, screens, "null");

        TestSeller city = TestSeller.onboard(port, "PUBLIC_BUYER");
        String sale = order(city.client(), laptopListing, 5, "invoice");
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        assertThat(coordinator.post("/api/v1/orders/" + sale + "/bank-transfer", "{\"reference\": \"VIR-42\"}")
                .json().get("status").asText()).isEqualTo("PAID");
        TestSeller association = TestSeller.onboard(port, "ASSOCIATION");
        order(association.client(), screenListing, 2, "donation");
        // The next export no longer lists the three desktops: gone today, nobody knows where.
        park.without("D1", "D2", "D3").importIt();

        JsonNode before = body.client().get("/api/v1/quota/supply").json();
        // Stock on 1 January: the 11 devices; L5, bought in 2012, is over 10 years old: 10 eligible.
        assertThat(before.get("stockOnJanuary1").asLong()).isEqualTo(11);
        assertThat(before.get("excludedOver10Years").asLong()).isEqualTo(1);
        // The city took the 5 laptops of the lot, L5 among them (excluded): 4 count, as a transfer to a public body.
        // The association was given 2 of the 3 screens. The 3 desktops left with no known destination.
        assertThat(before.get("retired").asLong()).isEqualTo(9); // 4 + 2 + 3
        assertThat(before.get("retiredToReuse").asLong()).isEqualTo(6); // 4 + 2
        assertThat(before.get("throughBoucle").asLong()).isEqualTo(6);
        assertThat(before.at("/byChannel/transfer_public_body").asLong()).isEqualTo(4);
        assertThat(before.at("/byChannel/donation").asLong()).isEqualTo(2);
        assertThat(before.at("/byChannel/unknown").asLong()).isEqualTo(3);
        // 6 / 9 = 0.6666..., shown rounded down; 50 % of 9 is 4.5, so 5 were needed: met.
        assertThat(before.get("share").decimalValue()).isEqualByComparingTo("0.6666");
        assertThat(before.get("met").asBoolean()).isTrue();
        assertThat(before.get("missingUnits").asLong()).isZero();
        int month = LocalDate.now(ZoneId.of("Europe/Paris")).getMonthValue();
        assertThat(before.get("months").get(month - 1).get("retiredToReuse").asLong()).isEqualTo(6);

        ApiClient.Response refunded = body.client().post("/api/v1/orders/" + sale + "/refund", "{}");
        assertThat(refunded.json().get("status").asText()).as(refunded.body()).isEqualTo("REFUNDED");

        JsonNode after = body.client().get("/api/v1/quota/supply").json();
        // The laptops are back in the park: 2 screens and 3 desktops retired, 2 reused; 50 % of 5 needs 3.
        assertThat(after.get("retired").asLong()).isEqualTo(5);
        assertThat(after.get("retiredToReuse").asLong()).isEqualTo(2);
        assertThat(after.at("/byChannel/transfer_public_body").asLong()).isZero();
        assertThat(after.get("share").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(after.get("met").asBoolean()).isFalse();
        assertThat(after.get("missingUnits").asLong()).isEqualTo(1);
        assertThat(body.client().get("/api/v1/quota/supply/without-destination").json().findValuesAsText("assetTag"))
                .containsExactlyInAnyOrder("INV-D1", "INV-D2", "INV-D3");
    }

    private static String lotId(JsonNode lots, String category) {
        return lots.findValuesAsText("id").stream().filter(id -> id.endsWith(":" + category)).findFirst().orElseThrow();
    }

    private static String publish(TestSeller body, String lot, String unitPrice) {
        ApiClient.Response published = body.client().post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s", "unitPrice": %s}""".formatted(lot, unitPrice));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("id").asText();
    }

    private static String order(ApiClient buyer, String listing, int quantity, String paymentMethod) {
        ApiClient.Response held = buyer.post("/api/v1/reservations", """
                {"listingId": "%s", "quantity": %d}""".formatted(listing, quantity));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        ApiClient.Response order = buyer.post("/api/v1/reservations/" + held.json().get("id").asText() + "/checkout",
                "{\"paymentMethod\": \"" + paymentMethod + "\"}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json().get("id").asText();
    }
}
