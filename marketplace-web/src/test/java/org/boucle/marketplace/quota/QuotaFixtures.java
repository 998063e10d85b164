package org.boucle.marketplace.quota;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.catalog.TestSeller;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh public buyers and the purchases they make, through the API as users make them, so that every test's figures
 * are its own whatever else the shared database holds.
 */
final class QuotaFixtures {

    static final String HEADER = "date,category,description,supplier,amount_excl_vat,origin\n";

    private QuotaFixtures() {
    }

    static TestSeller publicBuyer(int port) {
        return TestSeller.onboard(port, "PUBLIC_BUYER");
    }

    static ApiClient.Response importCsv(ApiClient client, String csv) {
        return importCsv(client, csv, StandardCharsets.UTF_8, Map.of());
    }

    static ApiClient.Response importCsv(ApiClient client, String csv, Charset charset, Map<String, String> fields) {
        return client.upload("/api/v1/quota/purchases", fields, "achats.csv", csv.getBytes(charset));
    }

    /** Imports and fails the test setup if the file is refused. */
    static JsonNode imported(ApiClient client, String csv) {
        ApiClient.Response response = importCsv(client, csv);
        if (response.status() != 201) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
        return response.json();
    }

    static JsonNode quota(ApiClient client, int year) {
        ApiClient.Response response = client.get("/api/v1/quota?year=" + year);
        if (response.status() != 200) {
            throw new IllegalStateException(response.status() + " " + response.body());
        }
        return response.json();
    }

    /** The entry of a category whose minimum counts the given origins, e.g. ("TEXTILES", "recycled_content"). */
    static JsonNode category(JsonNode quota, String category, String... origins) {
        for (JsonNode entry : quota.get("categories")) {
            if (entry.get("category").asText().equals(category) && entry.get("origins").size() == origins.length
                    && java.util.Arrays.stream(origins).allMatch(origin -> entry.get("origins").toString()
                            .contains("\"" + origin + "\""))) {
                return entry;
            }
        }
        throw new AssertionError("No " + category + " " + String.join("+", origins) + " in " + quota);
    }

    /**
     * An order placed on Boucle: a listing of the workshop's, reserved by the buyer, checked out on invoice, the
     * bank transfer recorded by the coordinator, then dated: paid at {@code paidAt}.
     *
     * @return the order's id
     */
    static String paidOrder(int port, JdbcClient jdbc, TestSeller workshop, TestSeller buyer, String category,
            String unitPrice, int quantity, Instant paidAt) {
        String listing = workshop.create(workshop.laptop().put("category", category).put("quantityAvailable", quantity)
                .put("unitPrice", new java.math.BigDecimal(unitPrice))).get("id").asText();
        String order = checkout(buyer.client(), listing, quantity, "invoice");
        ApiClient.Response paid = ApiClient.demo(port, "coordinator").post("/api/v1/orders/" + order + "/bank-transfer",
                "{\"reference\": \"VIR-" + UUID.randomUUID() + "\"}");
        if (paid.status() != 200 || !paid.json().get("status").asText().equals("PAID")) {
            throw new IllegalStateException(paid.status() + " " + paid.body());
        }
        jdbc.sql("update customer_order set paid_at = ? where id = ?")
                .params(Timestamp.from(paidAt), UUID.fromString(order)).update();
        return order;
    }

    /** Reserves and checks out; answers the order's id. */
    static String checkout(ApiClient buyer, String listing, int quantity, String paymentMethod) {
        ApiClient.Response held = buyer.post("/api/v1/reservations",
                "{\"listingId\": \"" + listing + "\", \"quantity\": " + quantity + "}");
        if (held.status() != 201) {
            throw new IllegalStateException(held.status() + " " + held.body());
        }
        ApiClient.Response order = buyer.post("/api/v1/reservations/" + held.json().get("id").asText() + "/checkout",
                "{\"paymentMethod\": \"" + paymentMethod + "\"}");
        if (order.status() != 201) {
            throw new IllegalStateException(order.status() + " " + order.body());
        }
        return order.json().get("id").asText();
    }
}
