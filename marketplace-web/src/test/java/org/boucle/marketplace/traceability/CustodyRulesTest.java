package org.boucle.marketplace.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.traceability.CustodyChain.record;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The custody state machine through the API: who records what, when, and why the rest is refused. */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustodyRulesTest {

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
    void aDeviceGoesFromItsDonorToItsBuyerAndEachHandoverChangesItsHolder() {
        CustodyChain.Donation donation = chain.donor(1);
        TestSeller buyer = TestSeller.onboard(port, "PRIVATE_BUYER");
        List<String> device = List.of(donation.serial(0));
        chain.readyForSale(donation, device);
        recorded(chain.workshop().client(), "REFURBISHED", device, "{\"partsReplaced\": [\"battery\", \"keyboard\"]}");
        recorded(chain.workshop().client(), "LISTED", device, null);
        recorded(chain.workshop().client(), "RESERVED", device, null);
        recorded(chain.workshop().client(), "SOLD", device, "{\"buyerOrganizationId\": \"%s\"}".formatted(buyer.id()));

        JsonNode events = chain.workshop().client().get("/api/v1/devices/" + donation.id(0) + "/custody").json();
        assertThat(events).extracting(e -> e.get("step").asText()).containsExactly("ANNOUNCED", "COLLECTED", "RECEIVED",
                "DATA_WIPED", "GRADED", "REFURBISHED", "LISTED", "RESERVED", "SOLD");
        assertThat(events).extracting(e -> e.get("holderId").asText()).containsExactly(donation.donor().id(),
                chain.collector().id(), chain.workshop().id(), chain.workshop().id(), chain.workshop().id(),
                chain.workshop().id(), chain.workshop().id(), chain.workshop().id(), buyer.id());
        assertThat(events.get(1).get("details").get("vehicleRef").asText()).isEqualTo("GE-123-AB");
        assertThat(events.get(3).get("details").get("media").get(0).get("serial").asText()).isEqualTo("S4EWNX0R123456");
        assertThat(events.get(0).has("previousHash")).isFalse();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("previousHash").asText()).isEqualTo(events.get(i - 1).get("hash").asText());
            assertThat(events.get(i).get("seq").asInt()).isEqualTo(i + 1);
        }
        // The buyer now holds it, so it may read it; the device left the chain: nothing more is recorded.
        assertThat(buyer.client().get("/api/v1/devices/" + donation.id(0)).json().get("step").asText()).isEqualTo("SOLD");
        assertRefused(record(buyer.client(), "RECYCLED", device, "{\"weeeChannel\": \"ecosystem\"}"), "finished",
                "L'appareil a quitté la chaîne (Vendu) : plus aucune étape ne peut être enregistrée.");
    }

    @Test
    void collectingAndReceivingFollowTheAnnouncementAndHappenOnce() {
        CustodyChain.Donation donation = chain.donor(1);
        List<String> device = List.of(donation.serial(0));
        assertRefused(record(chain.collector().client(), "COLLECTED", device, null), "not-announced",
                "Le donateur n'a pas annoncé cet appareil : il ne peut pas encore être collecté.");
        recorded(donation.donor().client(), "ANNOUNCED", device, null);
        assertRefused(record(donation.donor().client(), "ANNOUNCED", device, null), "already-announced",
                "L'appareil est déjà annoncé.");
        assertRefused(record(chain.workshop().client(), "RECEIVED", device, null), "not-collected",
                "L'appareil n'a pas été collecté : il ne peut pas être réceptionné.");
        assertRefused(record(chain.workshop().client(), "COLLECTED", device, null), "collector-only",
                "Seul un collecteur enregistre une collecte.");
        recorded(chain.collector().client(), "COLLECTED", device, null);
        assertRefused(record(chain.collector().client(), "COLLECTED", device, null), "already-collected",
                "L'appareil a déjà été collecté.");
        assertRefused(record(chain.collector().client(), "RECEIVED", device, null), "workshop-only",
                "Seul un atelier enregistre une réception.");
        recorded(chain.workshop().client(), "RECEIVED", device, null);
        assertRefused(record(chain.workshop().client(), "RECEIVED", device, null), "already-received",
                "L'appareil a déjà été réceptionné en atelier.");
    }

    @Test
    void onlyTheHolderRecordsTheNextStep() {
        CustodyChain.Donation donation = chain.donor(1);
        List<String> device = List.of(donation.serial(0));
        TestSeller otherDonor = TestSeller.onboard(port, "DONOR");
        assertRefused(record(otherDonor.client(), "ANNOUNCED", device, null), "not-holder",
                "Votre organisation ne détient pas cet appareil.");
        recorded(donation.donor().client(), "ANNOUNCED", device, null);
        // The collector holds it now: neither the donor nor a workshop may sort it.
        recorded(chain.collector().client(), "COLLECTED", device, null);
        assertRefused(record(donation.donor().client(), "SORTED", device, null), "not-holder",
                "Votre organisation ne détient pas cet appareil.");
        assertRefused(record(chain.workshop().client(), "SORTED", device, null), "not-holder",
                "Votre organisation ne détient pas cet appareil.");
        assertRefused(record(chain.collector().client(), "SORTED", device, null), "not-received",
                "L'appareil n'a pas été réceptionné en atelier.");
        TestSeller otherWorkshop = TestSeller.onboard(port, "WORKSHOP");
        recorded(chain.workshop().client(), "RECEIVED", device, null);
        assertRefused(record(otherWorkshop.client(), "DATA_WIPED", device, CustodyChain.WIPED), "not-holder",
                "Votre organisation ne détient pas cet appareil.");
        recorded(chain.workshop().client(), "SORTED", device, null);
    }

    @Test
    void nothingIsSoldGivenOrListedBeforeItsDataAreWipedAndItIsGraded() {
        CustodyChain.Donation donation = chain.donor(1);
        List<String> device = List.of(donation.serial(0));
        chain.toWorkshop(donation, device);
        ApiClient workshop = chain.workshop().client();
        assertRefused(record(workshop, "SOLD", device, null), "not-wiped",
                "Les données de l'appareil n'ont pas été effacées avec succès.");
        assertRefused(record(workshop, "DONATED", device, null), "not-wiped",
                "Les données de l'appareil n'ont pas été effacées avec succès.");
        assertRefused(record(workshop, "DISMANTLED", device, null), "not-wiped",
                "Les données de l'appareil n'ont pas été effacées avec succès.");
        recorded(workshop, "DATA_WIPED", device, CustodyChain.WIPED.replace("SUCCESS", "FAILURE"));
        assertRefused(record(workshop, "SOLD", device, null), "not-wiped",
                "Les données de l'appareil n'ont pas été effacées avec succès.");
        recorded(workshop, "DATA_WIPED", device, CustodyChain.WIPED);
        assertRefused(record(workshop, "LISTED", device, null), "not-graded",
                "L'appareil n'a pas été classé (grade A, B ou C).");
        assertRefused(record(workshop, "RESERVED", device, null), "not-listed",
                "L'appareil n'est pas en vente : il ne peut pas être réservé.");
        recorded(workshop, "GRADED", device, "{\"grade\": \"C\"}");
        recorded(workshop, "LISTED", device, null);
        assertRefused(record(workshop, "LISTED", device, null), "already-listed", "L'appareil est déjà en vente.");
        recorded(workshop, "RESERVED", device, null);
        assertRefused(record(workshop, "RESERVED", device, null), "already-reserved", "L'appareil est déjà réservé.");
        // A gift to an anonymous recipient: the device leaves the chain.
        recorded(workshop, "DONATED", device, null);
        JsonNode state = chain.workshop().client().get("/api/v1/devices/" + donation.id(0)).json();
        assertThat(state.get("step").asText()).isEqualTo("DONATED");
        assertThat(state.has("holderId")).isFalse();
    }

    @Test
    void nothingFollowsRecycling() {
        CustodyChain.Donation donation = chain.donor(1);
        List<String> device = List.of(donation.serial(0));
        chain.toWorkshop(donation, device);
        ApiClient workshop = chain.workshop().client();
        recorded(workshop, "RECYCLED", device, "{\"weeeChannel\": \"ecosystem\"}");
        for (String step : List.of("SORTED", "GRADED", "RECYCLED", "SOLD")) {
            assertRefused(record(workshop, step, device, "{\"grade\": \"A\", \"weeeChannel\": \"ecosystem\"}"),
                    "finished", "L'appareil a quitté la chaîne (Recyclé) : plus aucune étape ne peut être enregistrée.");
        }
        assertRefused(record(chain.collector().client(), "COLLECTED", device, null), "finished",
                "L'appareil a quitté la chaîne (Recyclé) : plus aucune étape ne peut être enregistrée.");
    }

    @Test
    void coordinatorsReadEveryDeviceOthersOnlyThoseTheyGaveOrHeld() {
        CustodyChain.Donation donation = chain.donor(1);
        List<String> device = List.of(donation.serial(0));
        String path = "/api/v1/devices/" + donation.id(0) + "/custody";
        recorded(donation.donor().client(), "ANNOUNCED", device, null);
        assertThat(donation.donor().client().get(path).status()).isEqualTo(200);
        assertThat(ApiClient.demo(port, "coordinator").get(path).status()).isEqualTo(200);
        assertThat(chain.collector().client().get(path).status()).isEqualTo(404);
        assertThat(TestSeller.onboard(port, "DONOR").client().get(path).status()).isEqualTo(404);
        recorded(chain.collector().client(), "COLLECTED", device, null);
        assertThat(chain.collector().client().get(path).json()).hasSize(2);
        assertThat(chain.collector().client().get(path + "/verify").json().get("valid").asBoolean()).isTrue();
        assertThat(chain.workshop().client().get(path + "/verify").status()).isEqualTo(404);
    }

    @Test
    void aLotListsItsDevicesCurrentStepsToThoseWhoMayReadThem() {
        CustodyChain.Donation donation = chain.donor(3);
        // The upcoming lot's id, as the forecast and the listings name it: donor, site, forecast month, category.
        String lot = "/api/v1/custody/lots/" + jdbc.sql("""
                select organization_id || ':' || coalesce(site_id::text, '-') || ':' || to_char(forecast_date, 'YYYY-MM')
                       || ':' || category from asset where id = ?""").param(donation.id(0)).query(String.class).single();
        recorded(donation.donor().client(), "ANNOUNCED", donation.serials(), null);
        recorded(chain.collector().client(), "COLLECTED", List.of(donation.serial(1)), null);

        JsonNode devices = donation.donor().client().get(lot).json().get("devices");
        assertThat(devices).extracting(d -> d.get("serial").asText() + " " + d.get("step").asText())
                .containsExactlyInAnyOrder(donation.serial(0) + " ANNOUNCED", donation.serial(1) + " COLLECTED",
                        donation.serial(2) + " ANNOUNCED");
        // The collector only sees the device it took; an organization that held none of them, no lot at all.
        assertThat(chain.collector().client().get(lot).json().get("devices")).extracting(d -> d.get("serial").asText())
                .containsExactly(donation.serial(1));
        assertThat(chain.workshop().client().get(lot).status()).isEqualTo(404);
    }

    static void assertRefused(ApiClient.Response response, String code, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode refused = response.json().get("refused");
        assertThat(refused).as(response.body()).hasSize(1);
        assertThat(refused.get(0).get("code").asText()).isEqualTo(code);
        assertThat(refused.get(0).get("reason").asText()).isEqualTo(reason);
    }
}
