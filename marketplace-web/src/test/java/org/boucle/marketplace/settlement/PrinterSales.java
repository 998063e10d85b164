package org.boucle.marketplace.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.catalog.TestSeller;

/**
 * Refurbished printers sold under sharing rules the tests set themselves, so every share can be computed by hand:
 * workshop 20.00 €/unit, collector 3.00 €/unit, platform 3 %, solidarity fund 5 %, the seller the rest.
 */
public final class PrinterSales {

    private final int port;

    public PrinterSales(int port) {
        this.port = port;
    }

    /** Puts the rules in force now (a new version for refurbished printers) and answers their version. */
    public int rulesInForce() {
        ApiClient.Response created = ApiClient.demo(port, "coordinator").post("/api/v1/sharing-rules", """
                {"listingKind": "REFURBISHED", "category": "PRINTER", "note": "Barème des tests de partage",
                 "rules": [{"role": "WORKSHOP", "basis": "PER_UNIT", "value": 20.00},
                           {"role": "COLLECTOR", "basis": "PER_UNIT", "value": 3.00},
                           {"role": "PLATFORM", "basis": "PERCENT", "value": 3},
                           {"role": "SOLIDARITY_FUND", "basis": "PERCENT", "value": 5}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("version").asInt();
    }

    /** A printer listing of that seller; unitPrice null for a donation. */
    public String printer(TestSeller seller, int quantity, Double unitPrice) {
        var listing = seller.laptop().put("category", "PRINTER").put("manufacturer", "HP")
                .put("model", "LaserJet Pro M404").put("title", "Imprimante HP LaserJet Pro M404 reconditionnée")
                .put("quantityAvailable", quantity);
        listing.remove("batteryHealthPercent");
        listing.remove("specs");
        if (unitPrice == null) {
            listing.putNull("unitPrice");
        } else {
            listing.put("unitPrice", unitPrice);
        }
        return seller.create(listing).get("id").asText();
    }

    public static String reserve(ApiClient client, String listing, int quantity) {
        ApiClient.Response held = client.post("/api/v1/reservations",
                "{\"listingId\": \"" + listing + "\", \"quantity\": " + quantity + "}");
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        return held.json().get("id").asText();
    }

    /** The settlement as "ROLE SOURCE cents STATUS" lines, in order. */
    public static List<String> lines(JsonNode settlement) {
        List<String> lines = new ArrayList<>();
        settlement.forEach(line -> lines.add(line.get("role").asText() + " " + line.get("source").asText() + " "
                + line.get("amountCents").asLong() + " " + line.get("status").asText()));
        return lines;
    }
}
