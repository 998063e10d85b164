package org.boucle.marketplace.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The EPCIS 2.0 export: what it says of each step, and that it validates against GS1's JSON schema. */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustodyEpcisTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CustodyChain chain;
    private JsonSchema schema;

    @BeforeAll
    void setUp() throws IOException {
        chain = new CustodyChain(port, jdbc);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(new ObjectMapper().readTree(gs1Schema()), config);
    }

    @Test
    void aDonorsDevicesEventsAreAValidEpcisDocument() {
        CustodyChain.Donation donation = chain.donor(3);
        TestSeller buyer = TestSeller.onboard(port, "PRIVATE_BUYER");
        chain.readyForSale(donation, donation.serials());
        ApiClient workshop = chain.workshop().client();
        recorded(workshop, "SOLD", List.of(donation.serial(0)), "{\"buyerOrganizationId\": \"" + buyer.id() + "\"}");
        recorded(workshop, "DISMANTLED", List.of(donation.serial(1)), null);
        recorded(workshop, "RECYCLED", List.of(donation.serial(2)), "{\"weeeChannel\": \"ecosystem\"}");

        ApiClient.Response response = donation.donor().client().get("/api/v1/epcis/events?donorId=" + donation.donor().id());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode document = response.json();
        assertValid(document);
        assertThat(document.get("type").asText()).isEqualTo("EPCISDocument");
        JsonNode events = document.at("/epcisBody/eventList");
        assertThat(events).hasSize(18);

        List<JsonNode> sold = eventsOf(events, donation.id(0));
        assertThat(sold).extracting(e -> e.get("bizStep").asText()).containsExactly("decommissioning", "collecting",
                "receiving", "boucle:data_wiping", "inspecting", "retail_selling");
        JsonNode collecting = sold.get(1);
        assertThat(collecting.at("/sourceList/0/source").asText()).isEqualTo("urn:uuid:" + donation.donor().id());
        assertThat(collecting.at("/destinationList/0/destination").asText()).isEqualTo("urn:uuid:" + chain.collector().id());
        assertThat(sold.get(5).at("/destinationList/0/destination").asText()).isEqualTo("urn:uuid:" + buyer.id());
        assertThat(sold.get(5).get("disposition").asText()).isEqualTo("retail_sold");
        assertThat(sold.get(3).at("/boucle:details/method").asText()).isEqualTo("NIST_800_88_PURGE");

        JsonNode dismantled = eventsOf(events, donation.id(1)).get(5);
        assertThat(dismantled.get("type").asText()).isEqualTo("TransformationEvent");
        assertThat(dismantled.at("/inputEPCList/0").asText()).isEqualTo("urn:uuid:" + donation.id(1));
        JsonNode recycled = eventsOf(events, donation.id(2)).get(5);
        assertThat(recycled.get("disposition").asText()).isEqualTo("destroyed");
        assertThat(recycled.at("/sourceList/0/source").asText()).isEqualTo("urn:uuid:" + chain.workshop().id());

        // One device, for whoever may read it; a period that excludes everything; someone else's donor.
        JsonNode one = workshop.get("/api/v1/epcis/events?deviceId=" + donation.id(0)).json();
        assertValid(one);
        assertThat(one.at("/epcisBody/eventList")).hasSize(6);
        assertThat(donation.donor().client().get("/api/v1/epcis/events?donorId=" + donation.donor().id()
                + "&from=2000-01-01&to=2000-12-31").json().at("/epcisBody/eventList")).isEmpty();
        assertThat(workshop.get("/api/v1/epcis/events?donorId=" + donation.donor().id()).status()).isEqualTo(404);
        assertThat(workshop.get("/api/v1/epcis/events").status()).isEqualTo(400);
    }

    @Test
    void theDemoDonorsExportValidates() {
        String chu = jdbc.sql("select id from organization where name = 'CHU Grenoble Alpes'").query(UUID.class).single()
                .toString();
        JsonNode document = ApiClient.demo(port, "donor").get("/api/v1/epcis/events?donorId=" + chu).json();
        assertThat(document.at("/epcisBody/eventList").size()).isGreaterThan(100);
        assertValid(document);
    }

    private void assertValid(JsonNode document) {
        Set<ValidationMessage> errors = schema.validate(document);
        assertThat(errors).as(document.toPrettyString()).isEmpty();
    }

    private static List<JsonNode> eventsOf(JsonNode events, UUID device) {
        String epc = "urn:uuid:" + device;
        List<JsonNode> of = new java.util.ArrayList<>();
        events.forEach(e -> {
            if (epc.equals(e.at("/epcList/0").asText()) || epc.equals(e.at("/inputEPCList/0").asText())) {
                of.add(e);
            }
        });
        return of;
    }

    /**
     * GS1's EPCIS 2.0 schema, copied from the shared standards (../shared/standards/epcis) into the application's
     * resources, where the EPCIS import validates against it too.
     */
    private static InputStream gs1Schema() {
        return java.util.Objects.requireNonNull(CustodyEpcisTest.class.getResourceAsStream("/epcis/EPCIS-JSON-Schema.json"),
                "the GS1 schema is in src/main/resources/epcis");
    }
}
