package org.boucle.marketplace.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

/**
 * EPCIS import: one device's history exported, replayed by the workshop's own system onto another device, gives it the
 * same steps; a document with impossible steps or malformed events records nothing and names each event at fault.
 */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustodyEpcisImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CustodyChain chain;
    private JsonSchema schema;

    @BeforeAll
    void setUp() throws IOException {
        chain = new CustodyChain(port, jdbc);
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/epcis/EPCIS-JSON-Schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    @Test
    void aDevicesExportedStepsReplayedOntoAnotherGiveItTheSameHistory() {
        CustodyChain.Donation donation = chain.donor(2);
        TestSeller buyer = TestSeller.onboard(port, "PRIVATE_BUYER");
        ApiClient workshop = chain.workshop().client();
        chain.toWorkshop(donation, donation.serials());
        recorded(workshop, "DATA_WIPED", List.of(donation.serial(0)), CustodyChain.WIPED);
        recorded(workshop, "GRADED", List.of(donation.serial(0)), "{\"grade\": \"A\"}");
        recorded(workshop, "SOLD", List.of(donation.serial(0)), "{\"buyerOrganizationId\": \"" + buyer.id() + "\"}");

        JsonNode exported = workshop.get("/api/v1/epcis/events?deviceId=" + donation.id(0)).json();
        ObjectNode document = exported.deepCopy();
        ArrayNode replayed = JSON.createArrayNode();
        exported.at("/epcisBody/eventList").forEach(event -> {
            if (List.of("DATA_WIPED", "GRADED", "SOLD").contains(event.get("boucle:step").asText())) {
                ObjectNode copy = event.deepCopy();
                copy.putArray("epcList").add("urn:uuid:" + donation.id(1));
                // As another system would send it: no Boucle step, the CBV's terms only.
                copy.remove(List.of("boucle:step", "boucle:hash", "boucle:recordedBy"));
                replayed.add(copy);
            }
        });
        ((ObjectNode) document.get("epcisBody")).set("eventList", replayed);
        assertThat(schema.validate(document)).isEmpty();

        ApiClient.Response response = workshop.post("/api/v1/epcis/events", document.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("events").asInt()).isEqualTo(3);
        assertThat(response.json().get("recorded").asInt()).isEqualTo(3);

        JsonNode original = workshop.get("/api/v1/devices/" + donation.id(0) + "/custody").json();
        JsonNode copy = workshop.get("/api/v1/devices/" + donation.id(1) + "/custody").json();
        assertThat(steps(copy)).isEqualTo(steps(original))
                .containsExactly("ANNOUNCED", "COLLECTED", "RECEIVED", "DATA_WIPED", "GRADED", "SOLD");
        for (int i = 3; i < 6; i++) {
            assertThat(copy.get(i).get("occurredAt").asText()).isEqualTo(original.get(i).get("occurredAt").asText());
            assertThat(copy.get(i).get("organizationId").asText()).isEqualTo(chain.workshop().id());
            assertThat(copy.get(i).at("/details/epcisEventId").asText())
                    .isEqualTo("urn:uuid:" + original.get(i).get("id").asText());
        }
        assertThat(copy.get(3).at("/details/method").asText()).isEqualTo("NIST_800_88_PURGE");
        assertThat(copy.get(4).at("/details/grade").asText()).isEqualTo("A");
        assertThat(copy.get(5).get("holderId").asText()).isEqualTo(buyer.id());
        assertThat(workshop.get("/api/v1/devices/" + donation.id(1) + "/custody/verify").json().get("valid").asBoolean())
                .isTrue();
        JsonNode reexported = workshop.get("/api/v1/epcis/events?deviceId=" + donation.id(1)).json();
        assertThat(schema.validate(reexported)).isEmpty();
        List<String> bizSteps = new ArrayList<>();
        reexported.at("/epcisBody/eventList").forEach(e -> bizSteps.add(e.get("bizStep").asText()));
        assertThat(bizSteps).containsExactly("decommissioning", "collecting", "receiving", "boucle:data_wiping",
                "inspecting", "retail_selling");

        // Sent again, the events are already there: refused, each named, nothing recorded twice.
        ApiClient.Response again = workshop.post("/api/v1/epcis/events", document.toString());
        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(indexes(again.json())).containsExactly(0, 1, 2);
        assertThat(again.json().at("/events/0/code").asText()).isEqualTo("already-imported");
        assertThat(workshop.get("/api/v1/devices/" + donation.id(1) + "/custody").json()).hasSize(6);
    }

    @Test
    void dismantlingIsATransformationEventOfItsInputs() {
        CustodyChain.Donation donation = chain.donor(1);
        ApiClient workshop = chain.workshop().client();
        chain.toWorkshop(donation, donation.serials());
        recorded(workshop, "DATA_WIPED", donation.serials(), CustodyChain.WIPED);
        String device = "urn:uuid:" + donation.id(0);
        String site = "urn:uuid:" + chain.workshop().siteId();

        ApiClient.Response response = workshop.post("/api/v1/epcis/events", document("""
                {"type": "TransformationEvent", "eventTime": "%s", "eventTimeZoneOffset": "+01:00",
                 "inputEPCList": ["%s"], "transformationID": "urn:uuid:%s",
                 "bizStep": "https://ref.gs1.org/cbv/BizStep-disassembling",
                 "readPoint": {"id": "%s"}, "bizLocation": {"id": "%s"}}""".formatted(later(), device, UUID.randomUUID(),
                site, site)));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode history = workshop.get("/api/v1/devices/" + donation.id(0) + "/custody").json();
        JsonNode dismantled = history.get(history.size() - 1);
        assertThat(dismantled.get("step").asText()).isEqualTo("DISMANTLED");
        assertThat(dismantled.get("siteId").asText()).isEqualTo(chain.workshop().siteId());
        // An ObjectEvent cannot dismantle, nor a transformation do anything else.
        ApiClient.Response observed = workshop.post("/api/v1/epcis/events", document(event(device, "disassembling", later(), null)));
        assertThat(observed.status()).isEqualTo(400);
        assertThat(observed.json().at("/events/0/field").asText()).isEqualTo("epcisBody.eventList[0].type");
    }

    @Test
    void impossibleStepsRefuseTheWholeDocumentAndEachIsNamed() {
        CustodyChain.Donation donation = chain.donor(2);
        ApiClient workshop = chain.workshop().client();
        chain.toWorkshop(donation, List.of(donation.serial(0)));
        recorded(donation.donor().client(), "ANNOUNCED", List.of(donation.serial(1)), null);
        String c = "urn:uuid:" + donation.id(0);
        String d = "urn:uuid:" + donation.id(1);
        String now = later();

        ApiClient.Response response = workshop.post("/api/v1/epcis/events", document(
                event(c, "boucle:data_wiping", now, CustodyChain.WIPED),
                event(c, "retail_selling", now, null),
                event(d, "inspecting", now, "{\"grade\": \"B\"}"),
                event(c, "boucle:data_wiping", now, "{\"method\": \"NIST_800_88_PURGE\"}")));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/epcis-refused");
        assertThat(indexes(problem)).containsExactly(1, 2, 3);
        assertThat(fields(problem)).contains("epcisBody.eventList[3].boucle:details.tool",
                "epcisBody.eventList[3].boucle:details.media");
        assertThat(problem.at("/events/0/code").asText()).isEqualTo("not-graded");
        assertThat(problem.at("/events/0/field").asText()).isEqualTo("epcisBody.eventList[1].epcList[0]");
        assertThat(problem.at("/events/1/code").asText()).isEqualTo("not-holder");
        // The wipe that could be recorded was not: all or nothing.
        assertThat(workshop.get("/api/v1/devices/" + donation.id(0) + "/custody").json()).hasSize(3);
    }

    @Test
    void malformedEventsAreEachReportedWithTheirIndex() {
        CustodyChain.Donation donation = chain.donor(1);
        chain.toWorkshop(donation, donation.serials());
        String device = "urn:uuid:" + donation.id(0);
        String now = later();
        ObjectNode noTime = (ObjectNode) read(event(device, "inspecting", now, null));
        noTime.remove("eventTime");

        ApiClient.Response response = chain.workshop().client().post("/api/v1/epcis/events", document(
                event(device, "inspecting", now, null),
                event("urn:epc:id:sgtin:0614141.107346.2017", "inspecting", now, null),
                noTime.toString(),
                event(device, "teleporting", now, null),
                """
                {"type": "AggregationEvent", "eventTime": "%s", "eventTimeZoneOffset": "+00:00", "action": "ADD",
                 "parentID": "%s", "childEPCs": []}""".formatted(now, device)));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/epcis-invalid");
        assertThat(indexes(problem)).as(response.body()).containsOnly(1, 2, 3, 4).contains(1, 2, 3, 4);
        assertThat(fields(problem)).contains("epcisBody.eventList[1].epcList[0]", "epcisBody.eventList[3].bizStep",
                "epcisBody.eventList[4].type");
        assertThat(problem.get("errors")).isNotEmpty();
        assertThat(chain.workshop().client().get("/api/v1/devices/" + donation.id(0) + "/custody").json()).hasSize(3);

        ApiClient.Response notEpcis = chain.workshop().client().post("/api/v1/epcis/events", "{\"devices\": []}");
        assertThat(notEpcis.status()).isEqualTo(400);
        assertThat(notEpcis.json().at("/events/0/code").asText()).isEqualTo("not-epcis");
    }

    /** A second ahead, whole seconds: after the steps just recorded, never in the future beyond the clocks' skew. */
    private static String later() {
        return java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(1).withNano(0).toString();
    }

    private static String document(String... events) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                              {"boucle": "urn:boucle:epcis:"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-01-01T00:00:00Z",
                 "epcisBody": {"eventList": [%s]}}""".formatted(String.join(", ", events));
    }

    private static String event(String device, String bizStep, String time, String details) {
        return """
                {"type": "ObjectEvent", "eventID": "urn:uuid:%s", "eventTime": "%s", "eventTimeZoneOffset": "+00:00",
                 "epcList": ["%s"], "action": "OBSERVE", "bizStep": "%s"%s}"""
                .formatted(UUID.randomUUID(), time, device, bizStep, details == null ? "" : ", \"boucle:details\": " + details);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> steps(JsonNode history) {
        List<String> steps = new ArrayList<>();
        history.forEach(e -> steps.add(e.get("step").asText()));
        return steps;
    }

    private static Set<Integer> indexes(JsonNode problem) {
        Set<Integer> indexes = new java.util.LinkedHashSet<>();
        problem.get("events").forEach(e -> indexes.add(e.has("index") ? e.get("index").asInt() : -1));
        return indexes;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("events").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
