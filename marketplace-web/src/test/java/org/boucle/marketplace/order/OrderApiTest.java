package org.boucle.marketplace.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Checkout without Stripe: donations to associations, invoices to public buyers, card and SEPA refused clearly. */
@BoucleTest
class OrderApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestSeller workshop;
    private String priced;
    private String donated;

    @BeforeEach
    void listings() {
        workshop = TestSeller.onboard(port, "WORKSHOP");
        priced = workshop.create(workshop.laptop().put("quantityAvailable", 10).put("unitPrice", 249.90)).get("id").asText();
        donated = workshop.create(workshop.laptop().put("quantityAvailable", 5).putNull("unitPrice")).get("id").asText();
    }

    @Test
    void anAssociationChecksOutADonationOnce() {
        ApiClient association = ApiClient.demo(port, "association");
        String reservation = reserve(association, donated, 2);

        ApiClient.Response order = association.post("/api/v1/reservations/" + reservation + "/checkout",
                "{\"paymentMethod\": \"donation\"}");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        assertThat(order.json().get("status").asText()).isEqualTo("DONATED");
        assertThat(order.json().get("totalExclVat").decimalValue()).isZero();
        ApiClient.Response again = association.post("/api/v1/reservations/" + reservation + "/checkout",
                "{\"paymentMethod\": \"donation\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(order.json().get("id").asText());

        // The units are gone for good: releasing a checked-out reservation gives nothing back.
        assertThat(association.delete("/api/v1/reservations/" + reservation).status()).isEqualTo(204);
        assertThat(available(donated)).isEqualTo(3);
        String orderId = order.json().get("id").asText();
        assertThat(workshop.client().get("/api/v1/orders/" + orderId).status()).isEqualTo(200);
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
        assertThat(association.get("/api/v1/orders").json().findValuesAsText("id")).contains(orderId);
    }

    @Test
    void aPublicBuyerOrdersOnInvoiceWithItsAmountsFixed() {
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        String reservation = reserve(publicBuyer, priced, 3);
        JsonNode order = publicBuyer.post("/api/v1/reservations/" + reservation + "/checkout",
                "{\"paymentMethod\": \"invoice\"}").json();
        assertThat(order.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.get("paymentMethod").asText()).isEqualTo("invoice");
        assertThat(order.get("totalExclVat").decimalValue()).isEqualByComparingTo("749.70");
        assertThat(order.get("totalInclVat").decimalValue()).isEqualByComparingTo("899.64");
        assertThat(available(priced)).isEqualTo(7);
    }

    @Test
    void withoutStripeCardAndSepaAreRefusedAndTheHoldStays() {
        ApiClient buyer = ApiClient.demo(port, "buyer");
        String reservation = reserve(buyer, priced, 1);
        for (String method : new String[] {"card", "sepa_debit"}) {
            ApiClient.Response refused = buyer.post("/api/v1/reservations/" + reservation + "/checkout",
                    "{\"paymentMethod\": \"" + method + "\"}");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("type").asText()).endsWith("/payment-method-unavailable");
        }
        assertThat(buyer.post("/api/v1/reservations/" + reservation + "/checkout", "{\"paymentMethod\": \"invoice\"}")
                .json().get("type").asText()).endsWith("/payment-method-mismatch");
        assertThat(buyer.post("/api/v1/reservations/" + reservation + "/checkout", "{\"paymentMethod\": \"cash\"}")
                .json().get("errors").findValuesAsText("field")).containsExactly("paymentMethod");
        assertThat(buyer.get("/api/v1/reservations/" + reservation).json().get("status").asText()).isEqualTo("HELD");
        assertThat(ApiClient.demo(port, "association").post("/api/v1/reservations/" + reservation + "/checkout",
                "{\"paymentMethod\": \"invoice\"}").status()).isEqualTo(404);
    }

    @Test
    void anExpiredHoldCannotBeCheckedOut() {
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        String reservation = reserve(publicBuyer, priced, 1);
        jdbc.sql("update reservation set expires_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), UUID.fromString(reservation)).update();
        ApiClient.Response refused = publicBuyer.post("/api/v1/reservations/" + reservation + "/checkout",
                "{\"paymentMethod\": \"invoice\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/reservation-not-held");
    }

    private static String reserve(ApiClient client, String listing, int quantity) {
        ApiClient.Response held = client.post("/api/v1/reservations",
                "{\"listingId\": \"" + listing + "\", \"quantity\": " + quantity + "}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        return held.json().get("id").asText();
    }

    private int available(String listing) {
        return jdbc.sql("select quantity_available from listing where id = ?").param(UUID.fromString(listing))
                .query(Integer.class).single();
    }
}
