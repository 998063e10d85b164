package org.boucle.marketplace.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A donor's report of four devices: one sold, one recycled without a wipe, one wiped and graded at the workshop, one
 * only announced. Each row says where the device is, who wiped it and how, and the certificate verifies.
 */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceabilityReportTest {

    private static final String HEADER = "appareil_id;categorie;modele;numero_serie;numero_inventaire;remis_le;"
            + "etape_actuelle;etape_actuelle_le;site;detenteur;issue;efface_le;atelier;methode;outil;operateur;"
            + "certificat;verification";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CustodyChain chain;
    private CustodyChain.Donation donation;

    @BeforeAll
    void fourDevices() {
        chain = new CustodyChain(port, jdbc);
        donation = chain.donor(4);
        chain.readyForSale(donation, List.of(donation.serial(0), donation.serial(2)));
        chain.toWorkshop(donation, List.of(donation.serial(1)));
        recorded(chain.workshop().client(), "SOLD", List.of(donation.serial(0)), null);
        recorded(chain.workshop().client(), "RECYCLED", List.of(donation.serial(1)), "{\"weeeChannel\": \"ecosystem\"}");
        recorded(donation.donor().client(), "ANNOUNCED", List.of(donation.serial(3)), null);
    }

    @Test
    void eachDeviceSaysWhereItIsWhoWipedItAndHowAndItsCertificateVerifies() {
        Map<String, Map<String, String>> rows = rows(donation.donor().client().get("/api/v1/traceability/report"));
        assertThat(rows).hasSize(4);

        Map<String, String> sold = rows.get(donation.serial(0));
        assertThat(sold.get("appareil_id")).isEqualTo(donation.id(0).toString());
        assertThat(sold.get("categorie")).isEqualTo("LAPTOP");
        assertThat(sold.get("modele")).isEqualTo("Dell Latitude 5490");
        assertThat(sold.get("etape_actuelle")).isEqualTo("SOLD");
        assertThat(sold.get("issue")).isEqualTo("reused");
        assertThat(sold.get("detenteur")).isEmpty();
        assertThat(sold.get("atelier")).isEqualTo(chain.workshop().name());
        assertThat(sold.get("methode")).isEqualTo("NIST_800_88_PURGE");
        assertThat(sold.get("outil")).isEqualTo("Blancco Drive Eraser 7");
        assertThat(sold.get("operateur")).isEqualTo("N. Haddad");
        String code = sold.get("certificat");
        assertThat(code).matches("[A-Z2-7]{26}");
        assertThat(sold.get("verification")).endsWith("/verify/" + code);
        JsonNode verified = ApiClient.anonymous(port).get("/api/v1/wipe-certificates/" + code).json();
        assertThat(verified.get("signatureValid").asBoolean()).isTrue();
        assertThat(verified.get("certificate").get("device").get("id").asText()).isEqualTo(donation.id(0).toString());

        Map<String, String> recycled = rows.get(donation.serial(1));
        assertThat(recycled.get("etape_actuelle")).isEqualTo("RECYCLED");
        assertThat(recycled.get("issue")).isEqualTo("recycled");
        assertThat(recycled.get("certificat")).isEmpty();
        assertThat(recycled.get("atelier")).isEmpty();

        Map<String, String> atWorkshop = rows.get(donation.serial(2));
        assertThat(atWorkshop.get("etape_actuelle")).isEqualTo("GRADED");
        assertThat(atWorkshop.get("issue")).isEqualTo("in_chain");
        assertThat(atWorkshop.get("detenteur")).isEqualTo(chain.workshop().name());
        assertThat(atWorkshop.get("site")).isEmpty();
        assertThat(atWorkshop.get("certificat")).matches("[A-Z2-7]{26}").isNotEqualTo(code);

        Map<String, String> announced = rows.get(donation.serial(3));
        assertThat(announced.get("etape_actuelle")).isEqualTo("ANNOUNCED");
        assertThat(announced.get("detenteur")).isEqualTo(donation.donor().name());
        assertThat(announced.get("numero_inventaire")).isEqualTo("INV-" + donation.serial(3));

        // Served again, the certificates are the ones issued.
        assertThat(rows(donation.donor().client().get("/api/v1/traceability/report")).get(donation.serial(0))
                .get("certificat")).isEqualTo(code);
    }

    @Test
    void thePdfStatesTheShareReusedAndListsEveryCertificate() {
        WipeCertificateFiles.Download pdf = WipeCertificateFiles.download(port, donation.donor().email(),
                "/api/v1/traceability/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        Map<String, Map<String, String>> rows = rows(donation.donor().client().get("/api/v1/traceability/report"));
        String text = WipeCertificateFiles.text(pdf.body(), 1);
        assertThat(text).contains("Rapport de traçabilité — " + donation.donor().name())
                .contains("4 appareil(s) remis · 1 réemployé(s) · 1 recyclé(s) · 2 encore dans la filière")
                .contains("part réemployée : 50,0")
                .contains(donation.serial(0)).contains(donation.serial(3))
                .contains("Vendu le").contains("hors de la chaîne Boucle")
                .contains("Certificats d’effacement (2)");
        for (String serial : List.of(donation.serial(0), donation.serial(2))) {
            String code = rows.get(serial).get("certificat");
            assertThat(text).contains(code).contains(rows.get(serial).get("verification"));
        }
    }

    @Test
    void aPeriodKeepsTheDevicesWhoseCustodyBeganInIt() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        ApiClient donor = donation.donor().client();
        assertThat(rows(donor.get("/api/v1/traceability/report?from=" + today + "&to=" + today))).hasSize(4);
        assertThat(rows(donor.get("/api/v1/traceability/report?from=" + today.plusDays(1)))).isEmpty();
        assertThat(rows(donor.get("/api/v1/traceability/report?to=" + today.minusDays(1)))).isEmpty();
        ApiClient.Response backwards = donor.get("/api/v1/traceability/report?from=" + today + "&to=" + today.minusDays(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
    }

    @Test
    void onlyTheDonorAndCoordinatorsReadIt() {
        String path = "/api/v1/traceability/report?donorId=" + donation.donor().id();
        assertThat(rows(ApiClient.demo(port, "coordinator").get(path))).hasSize(4);
        assertThat(chain.workshop().client().get(path).status()).isEqualTo(404);
        assertThat(chain.donor(1).donor().client().get(path).status()).isEqualTo(404);
        assertThat(WipeCertificateFiles.download(port, chain.workshop().email(),
                "/api/v1/traceability/report.pdf?donorId=" + donation.donor().id()).status()).isEqualTo(404);
    }

    /** The CSV's rows by serial number, each by column. */
    private static Map<String, Map<String, String>> rows(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + HEADER);
        String[] columns = HEADER.split(";");
        return lines.stream().skip(1).map(line -> line.split(";", -1))
                .map(cells -> {
                    assertThat(cells).hasSize(columns.length);
                    return Arrays.stream(columns).collect(Collectors.toMap(Function.identity(),
                            c -> cells[Arrays.asList(columns).indexOf(c)]));
                })
                .collect(Collectors.toMap(row -> row.get("numero_serie"), Function.identity()));
    }
}
