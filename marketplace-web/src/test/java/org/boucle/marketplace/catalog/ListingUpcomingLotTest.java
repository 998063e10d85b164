package org.boucle.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A donor lists the lots its forecast announces; publishing a lot again updates its listing. */
@BoucleTest
class ListingUpcomingLotTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestSeller donor;
    private Outbox outbox;
    private String laptops;

    @BeforeEach
    void importAParkThatRetiresThreeLaptopsInMarch2027() {
        donor = TestSeller.onboard(port, "DONOR");
        outbox = new Outbox(jdbc);
        StringJoiner rows = new StringJoiner(",\n");
        rows.add(asset(1, "Laptops", "Lenovo", "ThinkPad T14", "2027-03-10"));
        rows.add(asset(2, "Laptops", "Lenovo", "ThinkPad T14", "2027-03-20"));
        rows.add(asset(3, "Laptops", "Dell", "Latitude 5490", "2027-03-25"));
        rows.add(asset(4, "Monitors", "Dell", "P2419H", "2027-03-02"));
        byte[] export = ("{\"total\": 4, \"rows\": [" + rows + "]}").getBytes(StandardCharsets.UTF_8);
        ApiClient.Response imported = donor.client().upload("/api/v1/inventory/imports", Map.of("format", "snipeit-json"),
                "hardware.json", export);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        JsonNode lots = donor.client().get("/api/v1/forecast/lots?from=2027-03&to=2027-03").json();
        assertThat(lots).hasSize(2);
        laptops = lots.findValuesAsText("id").stream().filter(id -> id.endsWith(":LAPTOP")).findFirst().orElseThrow();
    }

    @Test
    void aDonorPublishesAnUpcomingLotFromItsForecast() {
        ApiClient.Response published = donor.client().post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s", "unitPrice": 80}""".formatted(laptops));

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        JsonNode listing = published.json();
        assertThat(listing.get("kind").asText()).isEqualTo("UPCOMING_LOT");
        assertThat(listing.get("title").asText())
                .isEqualTo("3 ordinateurs portables — Lenovo ThinkPad T14 (lot à venir, mars 2027)");
        assertThat(listing.get("manufacturer").asText()).isEqualTo("Lenovo");
        assertThat(listing.get("model").asText()).isEqualTo("ThinkPad T14");
        assertThat(listing.get("category").asText()).isEqualTo("LAPTOP");
        assertThat(listing.get("quantityAvailable").asInt()).isEqualTo(3);
        assertThat(listing.get("unitPrice").decimalValue()).isEqualByComparingTo("80");
        assertThat(listing.get("grade").isNull()).isTrue();
        assertThat(listing.get("availableFrom").asText()).isEqualTo("2027-03-01");
        assertThat(listing.get("availableUntil").asText()).isEqualTo("2027-03-31");
        assertThat(listing.at("/site/id").asText()).isEqualTo(donor.siteId());
        assertThat(listing.at("/seller/id").asText()).isEqualTo(donor.id());
        assertThat(listing.get("sourceLotId").asText()).isEqualTo(laptops);
        assertThat(listing.get("description").asText()).contains("mars 2027", "Siège");
        assertThat(outbox.rows(listing.get("id").asText())).isEqualTo(1);
        // Every signed-in actor sees it in the catalogue.
        assertThat(ApiClient.demo(port, "association").get("/api/v1/listings/" + listing.get("id").asText()).status())
                .isEqualTo(200);
    }

    @Test
    void publishingTheSameLotAgainUpdatesItsListing() {
        String id = donor.client().post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s", "unitPrice": 80}""".formatted(laptops)).json().get("id").asText();

        ApiClient.Response again = donor.client().post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s", "unitPrice": null, "description": "Pour les associations du territoire."}""".formatted(laptops));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("donation").asBoolean()).isTrue();
        assertThat(again.json().get("unitPrice").isNull()).isTrue();
        assertThat(again.json().get("description").asText()).isEqualTo("Pour les associations du territoire.");
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
        assertThat(outbox.rows(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from listing where source_lot_id = ?", Long.class, laptops)).isEqualTo(1);
        assertThat(donor.client().get("/api/v1/listings?kind=UPCOMING_LOT").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void onlyTheDonorItselfAndCoordinatorsPublishItsLots() {
        assertThat(ApiClient.demo(port, "buyer").post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s", "unitPrice": 80}""".formatted(laptops)).status()).isEqualTo(403);
        // Another donor does not even learn that the lot exists.
        assertThat(ApiClient.demo(port, "donor").post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s", "unitPrice": 80}""".formatted(laptops)).status()).isEqualTo(404);
        ApiClient.Response byCoordinator = ApiClient.demo(port, "coordinator").post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s"}""".formatted(laptops));
        assertThat(byCoordinator.status()).as(byCoordinator.body()).isEqualTo(201);
        assertThat(byCoordinator.json().at("/seller/id").asText()).isEqualTo(donor.id());
    }

    @Test
    void badPublicationsNameTheirField() {
        assertThat(field(donor.client().post("/api/v1/listings/upcoming-lots", "{\"lotId\": \"nonsense\"}"))).isEqualTo("lotId");
        assertThat(field(donor.client().post("/api/v1/listings/upcoming-lots", "{}"))).isEqualTo("lotId");
        assertThat(field(donor.client().post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s"}""".formatted(laptops.replace("2027-03", "2031-01"))))).isEqualTo("lotId");
        assertThat(field(donor.client().post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s", "unitPrice": -1}""".formatted(laptops)))).isEqualTo("unitPrice");
        assertThat(jdbc.queryForObject("select count(*) from listing where seller_id = ?::uuid", Long.class, donor.id()))
                .isZero();
    }

    @Test
    void anUpcomingLotHasNoGradeEvenWhenEdited() {
        JsonNode listing = donor.client().post("/api/v1/listings/upcoming-lots", """
                {"lotId": "%s", "unitPrice": 80}""".formatted(laptops)).json();
        String id = listing.get("id").asText();
        String edit = """
                {"siteId": "%s", "category": "LAPTOP", "title": "%s", "quantityAvailable": 3, "unitPrice": 70,
                 "availableFrom": "2027-03-01", "availableUntil": "2027-03-31", "grade": "A"}"""
                .formatted(donor.siteId(), listing.get("title").asText());

        assertThat(field(donor.client().put("/api/v1/listings/" + id, edit))).isEqualTo("grade");
        JsonNode edited = donor.client().put("/api/v1/listings/" + id, edit.replace(", \"grade\": \"A\"", "")).json();
        assertThat(edited.get("unitPrice").decimalValue()).isEqualByComparingTo("70");
        assertThat(edited.get("sourceLotId").asText()).isEqualTo(laptops);
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().at("/errors/0/field").asText();
    }

    /** One asset as Snipe-IT's hardware API lists it, retired on a planned date. */
    private static String asset(int id, String category, String manufacturer, String model, String eol) {
        return """
                {"id": %d, "name": "PC-%d", "asset_tag": "T-%05d", "serial": "SN-%d",
                 "model": {"id": 7, "name": "%s"}, "model_number": null,
                 "status_label": {"id": 2, "name": "Ready to Deploy", "status_type": "deployable", "status_meta": "deployable"},
                 "category": {"id": 3, "name": "%s"}, "manufacturer": {"id": 4, "name": "%s"},
                 "location": {"id": 1, "name": "Siège"}, "rtd_location": null,
                 "purchase_date": {"date": "2021-03-01", "formatted": "2021-03-01"}, "purchase_cost": "1 049,00",
                 "warranty_months": "36 months", "warranty_expires": null,
                 "asset_eol_date": {"date": "%s", "formatted": "%s"}, "eol": null, "custom_fields": {}, "deleted_at": null}"""
                .formatted(id, id, id, id, model, category, manufacturer, eol, eol);
    }
}
