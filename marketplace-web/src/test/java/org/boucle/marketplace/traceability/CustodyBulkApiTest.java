package org.boucle.marketplace.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.traceability.CustodyChain.record;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many devices at once: all recorded, or none, with every refused device and its reason. */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustodyBulkApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CustodyChain chain;

    @BeforeAll
    void chain() {
        chain = new CustodyChain(port, jdbc);
    }

    @Test
    void devicesAreNamedByIdSerialOrAssetTag() {
        CustodyChain.Donation donation = chain.donor(3);
        JsonNode recorded = recorded(donation.donor().client(), "ANNOUNCED",
                List.of(donation.id(0).toString(), donation.serial(1), "INV-" + donation.serial(2)), null);
        assertThat(recorded.get("recorded").asInt()).isEqualTo(3);
        assertThat(recorded.get("events")).extracting(e -> UUID.fromString(e.get("deviceId").asText()))
                .containsExactly(donation.id(0), donation.id(1), donation.id(2));
        assertThat(recorded.get("events")).allSatisfy(e -> assertThat(e.get("hash").asText()).hasSize(64));
    }

    @Test
    void oneRefusedDeviceRefusesTheWholeRequestAndEachIsListedWithItsReason() {
        CustodyChain.Donation donation = chain.donor(4);
        ApiClient collector = chain.collector().client();
        recorded(donation.donor().client(), "ANNOUNCED", donation.serials().subList(0, 3), null);
        recorded(collector, "COLLECTED", List.of(donation.serial(1)), null);
        String unknown = "NO-SUCH-" + UUID.randomUUID();

        ApiClient.Response response = record(collector, "COLLECTED",
                List.of(donation.serial(0), donation.serial(1), donation.serial(2), donation.serial(3), unknown), null);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/custody-refused");
        JsonNode refused = problem.get("refused");
        assertThat(refused).extracting(r -> r.get("index").asInt()).containsExactly(1, 3, 4);
        assertThat(refused).extracting(r -> r.get("code").asText())
                .containsExactly("already-collected", "not-announced", "unknown-device");
        assertThat(refused.get(0).get("deviceId").asText()).isEqualTo(donation.id(1).toString());
        assertThat(refused.get(2).get("reason").asText()).isEqualTo("Aucun appareil ne correspond à « " + unknown + " ».");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("devices[1]", "devices[3]", "devices[4]");
        // Nothing was recorded for the devices that could take the step.
        assertThat(steps(donation.id(0))).containsExactly("ANNOUNCED");
        assertThat(steps(donation.id(2))).containsExactly("ANNOUNCED");

        recorded(collector, "COLLECTED", List.of(donation.serial(0), donation.serial(2)), null);
        assertThat(steps(donation.id(0))).containsExactly("ANNOUNCED", "COLLECTED");
    }

    @Test
    void theSameDeviceNamedTwiceIsRecordedOnce() {
        CustodyChain.Donation donation = chain.donor(1);
        JsonNode recorded = recorded(donation.donor().client(), "ANNOUNCED",
                List.of(donation.serial(0), donation.id(0).toString()), null);
        assertThat(recorded.get("recorded").asInt()).isEqualTo(1);
        assertThat(steps(donation.id(0))).containsExactly("ANNOUNCED");
    }

    @Test
    void eachStepsDetailsAreCheckedFieldByField() {
        CustodyChain.Donation donation = chain.donor(1);
        List<String> device = List.of(donation.serial(0));
        chain.toWorkshop(donation, device);
        ApiClient workshop = chain.workshop().client();

        assertInvalid(record(workshop, "DATA_WIPED", device, "{\"method\": \"FORMAT_C\"}"), "details.method",
                "details.tool", "details.operator", "details.result", "details.media");
        assertInvalid(record(workshop, "DATA_WIPED", device, """
                {"method": "IEEE_2883_PURGE", "tool": "hdparm", "operator": "N. H.", "result": "SUCCESS",
                 "media": [{"type": "HDD"}]}"""), "details.media[0].serial");
        assertInvalid(record(workshop, "GRADED", device, "{\"grade\": \"D\"}"), "details.grade");
        assertInvalid(record(workshop, "RECYCLED", device, "{}"), "details.weeeChannel");
        assertInvalid(record(workshop, "SOLD", device, "{\"buyerOrganizationId\": \"" + UUID.randomUUID() + "\"}"),
                "details.buyerOrganizationId");
        assertInvalid(workshop.post("/api/v1/custody/events", "{\"devices\": []}"), "devices", "step");
        assertInvalid(workshop.post("/api/v1/custody/events", "{\"devices\": [\"x\"], \"step\": \"TELEPORTED\"}"), "step");
        assertInvalid(workshop.post("/api/v1/custody/events", """
                {"devices": ["%s"], "step": "SORTED", "siteId": "%s"}""".formatted(donation.serial(0),
                chain.collector().siteId())), "siteId");
        assertInvalid(workshop.post("/api/v1/custody/events", """
                {"devices": ["%s"], "step": "SORTED", "occurredAt": "2999-01-01T00:00:00Z"}""".formatted(donation.serial(0))),
                "occurredAt");
        assertThat(steps(donation.id(0))).containsExactly("ANNOUNCED", "COLLECTED", "RECEIVED");

        JsonNode wiped = recorded(workshop, "DATA_WIPED", device, """
                {"method": "NIST_800_88_DESTROY", "tool": "Shredder", "operator": "N. H.", "result": "SUCCESS",
                 "media": [{"serial": "WD-1"}, {"serial": "WD-2"}]}""");
        assertThat(wiped.get("recorded").asInt()).isEqualTo(1);
        ApiClient.Response sited = workshop.post("/api/v1/custody/events", """
                {"devices": ["%s"], "step": "SORTED", "siteId": "%s", "occurredAt": "2020-01-01T10:00:00Z"}"""
                .formatted(donation.serial(0), chain.workshop().siteId()));
        assertThat(sited.status()).as(sited.body()).isEqualTo(422);
        assertThat(sited.json().get("refused").get(0).get("code").asText()).isEqualTo("before-previous");
    }

    private List<String> steps(UUID device) {
        JsonNode events = ApiClient.demo(port, "coordinator").get("/api/v1/devices/" + device + "/custody").json();
        return events.findValuesAsText("step");
    }

    private static void assertInvalid(ApiClient.Response response, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly(fields);
    }
}
