package org.boucle.marketplace.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.traceability.WipeCertificateFiles.Download;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data-wipe certificates: issued once per successful wipe and served again, signed, downloadable by the donor, the
 * workshop and coordinators only, and verifiable by anyone holding the code, who learns when a stored certificate or
 * the device's chain was altered.
 */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WipeCertificateApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WipeCertificateProperties properties;

    private CustodyChain chain;

    @BeforeAll
    void chain() {
        chain = new CustodyChain(port, jdbc);
    }

    @Test
    void theDonorDownloadsASignedCertificateServedTheSameTheSecondTime() {
        CustodyChain.Donation donation = chain.donor(1);
        chain.readyForSale(donation, List.of(donation.serial(0)));
        String path = "/api/v1/devices/" + donation.id(0) + "/wipe-certificate.pdf";

        Download first = WipeCertificateFiles.download(port, donation.donor().email(), path);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/pdf");
        String code = jdbc.sql("select code from wipe_certificate where device_id = ?").param(donation.id(0))
                .query(String.class).single();
        assertThat(code).matches("[A-Z2-7]{26}");

        String text = WipeCertificateFiles.text(first.body(), 1);
        assertThat(text).contains("Certificat d’effacement des données").contains(code)
                .contains("Ordinateur portable — Dell Latitude 5490").contains(donation.serial(0))
                .contains("INV-" + donation.serial(0)).contains("S4EWNX0R123456 (SSD)").contains("NIST SP 800-88 — Purge")
                .contains("Blancco Drive Eraser 7").contains("N. Haddad").contains("Réussi")
                .contains(chain.workshop().name()).doesNotContain(donation.donor().name());
        // The QR code opens the public verification page.
        assertThat(WipeCertificateFiles.qr(first.body(), 0)).isEqualTo(properties.verificationUrl(code))
                .isEqualTo("http://localhost:8080/verify/" + code);

        // Asked again, by the workshop this time: the same certificate, not a new one.
        Download again = WipeCertificateFiles.download(port, chain.workshop().email(), path);
        assertThat(again.status()).isEqualTo(200);
        assertThat(WipeCertificateFiles.text(again.body(), 1)).contains(code);
        assertThat(jdbc.sql("select count(*) from wipe_certificate where device_id = ?").param(donation.id(0))
                .query(Long.class).single()).isEqualTo(1L);

        // Anyone with the code verifies it, without logging in, and can check the signature on their own.
        ApiClient.Response verified = ApiClient.anonymous(port).get("/api/v1/wipe-certificates/" + code.toLowerCase());
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        JsonNode json = verified.json();
        assertThat(json.get("signatureValid").asBoolean()).isTrue();
        assertThat(json.get("chainValid").asBoolean()).isTrue();
        assertThat(json.get("verificationUrl").asText()).isEqualTo("http://localhost:8080/verify/" + code);
        JsonNode certificate = json.get("certificate");
        assertThat(certificate.get("device").get("serial").asText()).isEqualTo(donation.serial(0));
        assertThat(certificate.get("method").asText()).isEqualTo("NIST_800_88_PURGE");
        assertThat(certificate.get("media").get(0).get("serial").asText()).isEqualTo("S4EWNX0R123456");
        assertThat(certificate.get("event").get("seq").asInt()).isEqualTo(4);
        assertThat(certificate.get("event").get("hash").asText()).isEqualTo(jdbc.sql(
                "select hash from custody_event where device_id = ? and seq = 4").param(donation.id(0))
                .query(String.class).single());
        assertThat(verified.body()).doesNotContain(donation.donor().name()).doesNotContain(donation.donor().id());
        assertThat(CustodySigningKey.verify(json.get("publicKey").asText(),
                json.get("signedContent").asText().getBytes(StandardCharsets.UTF_8), json.get("signature").asText()))
                .isTrue();
    }

    @Test
    void aStoredCertificateAlteredInTheDatabaseIsNoLongerConfirmed() {
        CustodyChain.Donation donation = chain.donor(2);
        chain.readyForSale(donation, donation.serials());
        String first = issue(donation, 0);
        String second = issue(donation, 1);
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(html(anonymous.get("/verify/" + first))).contains("Certificat authentique");

        // Someone with access to the database claims the drive was destroyed rather than purged.
        jdbc.sql("update wipe_certificate set content = replace(content, 'NIST_800_88_PURGE', 'NIST_800_88_DESTROY') where code = ?")
                .param(first).update();
        ApiClient.Response page = anonymous.get("/verify/" + first);
        assertThat(page.status()).isEqualTo(200);
        assertThat(html(page)).contains("Certificat non confirmé")
                .contains("Signature invalide : le certificat a été modifié depuis son émission.")
                .contains("NIST SP 800-88 — Destroy");
        assertThat(anonymous.get("/api/v1/wipe-certificates/" + first).json().get("signatureValid").asBoolean()).isFalse();

        // The certificate untouched, but the custody event it certifies altered: the chain no longer confirms it.
        UUID wipe = jdbc.sql("select id from custody_event where device_id = ? and seq = 4").param(donation.id(1))
                .query(UUID.class).single();
        jdbc.sql("alter table custody_event disable trigger custody_event_no_update").update();
        try {
            jdbc.sql("update custody_event set details = jsonb_set(details, '{operator}', '\"X\"') where id = ?")
                    .param(wipe).update();
        } finally {
            jdbc.sql("alter table custody_event enable trigger custody_event_no_update").update();
        }
        JsonNode verified = anonymous.get("/api/v1/wipe-certificates/" + second).json();
        assertThat(verified.get("signatureValid").asBoolean()).isTrue();
        assertThat(verified.get("chainValid").asBoolean()).isFalse();
        assertThat(html(anonymous.get("/verify/" + second)))
                .contains("La chaîne de traçabilité de l'appareil ne confirme plus l'étape d'effacement.");
    }

    @Test
    void anUnknownCodeIsSaidSo() {
        ApiClient anonymous = ApiClient.anonymous(port);
        ApiClient.Response page = anonymous.get("/verify/AAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(page.status()).isEqualTo(404);
        assertThat(html(page)).contains("Code inconnu : aucun certificat d'effacement Boucle ne porte ce code.");
        assertThat(anonymous.get("/api/v1/wipe-certificates/AAAAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
    }

    @Test
    void onlyTheDonorTheWorkshopThatWipedAndCoordinatorsDownloadIt() {
        CustodyChain.Donation donation = chain.donor(3);
        chain.toWorkshop(donation, donation.serials());
        recorded(chain.workshop().client(), "DATA_WIPED", List.of(donation.serial(0)), CustodyChain.WIPED);
        recorded(chain.workshop().client(), "DATA_WIPED", List.of(donation.serial(1)),
                CustodyChain.WIPED.replace("SUCCESS", "FAILURE"));
        String path = "/api/v1/devices/" + donation.id(0) + "/wipe-certificate.pdf";

        assertThat(ApiClient.demo(port, "coordinator").get(path).status()).isEqualTo(200);
        // The collector handled the device, but did not wipe it; another donor never saw it.
        assertThat(chain.collector().client().get(path).status()).isEqualTo(404);
        assertThat(chain.donor(1).donor().client().get(path).status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get(path).status()).isEqualTo(401);
        // A failed wipe, or none yet, certifies nothing.
        for (int i = 1; i < 3; i++) {
            assertThat(donation.donor().client().get("/api/v1/devices/" + donation.id(i) + "/wipe-certificate.pdf")
                    .status()).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from wipe_certificate where device_id in (?, ?)")
                .params(donation.id(1), donation.id(2)).query(Long.class).single()).isZero();
    }

    @Test
    void aLotCertificateHasAPagePerWipedDeviceEachWithItsOwnCode() {
        CustodyChain.Donation donation = chain.donor(3);
        chain.toWorkshop(donation, donation.serials());
        recorded(chain.workshop().client(), "DATA_WIPED", donation.serials().subList(0, 2), CustodyChain.WIPED);
        String lot = jdbc.sql("""
                select organization_id || ':' || coalesce(site_id::text, '-') || ':' || to_char(forecast_date, 'YYYY-MM')
                       || ':' || category from asset where id = ?""").param(donation.id(0)).query(String.class).single();
        String path = "/api/v1/custody/lots/" + lot + "/wipe-certificate.pdf";

        Download download = WipeCertificateFiles.download(port, donation.donor().email(), path);
        assertThat(download.status()).isEqualTo(200);
        assertThat(WipeCertificateFiles.pages(download.body())).isEqualTo(2);
        List<String> codes = jdbc.sql("select code from wipe_certificate where device_id in (?, ?) order by code")
                .params(donation.id(0), donation.id(1)).query(String.class).list();
        assertThat(codes).hasSize(2);
        String pages = WipeCertificateFiles.text(download.body(), 1) + WipeCertificateFiles.text(download.body(), 2);
        assertThat(pages).contains(codes.get(0)).contains(codes.get(1)).contains(donation.serial(0))
                .contains(donation.serial(1)).doesNotContain(donation.serial(2)).contains("appareil 1 sur 2");
        assertThat(List.of(WipeCertificateFiles.qr(download.body(), 0), WipeCertificateFiles.qr(download.body(), 1)))
                .containsExactlyInAnyOrder(properties.verificationUrl(codes.get(0)), properties.verificationUrl(codes.get(1)));
        // The device's own certificate is the same one the lot's page carries.
        assertThat(WipeCertificateFiles.text(WipeCertificateFiles.download(port, donation.donor().email(),
                "/api/v1/devices/" + donation.id(0) + "/wipe-certificate.pdf").body(), 1)).containsAnyOf(codes.get(0),
                codes.get(1));
        assertThat(jdbc.sql("select count(*) from wipe_certificate where device_id in (?, ?)")
                .params(donation.id(0), donation.id(1)).query(Long.class).single()).isEqualTo(2L);
        assertThat(chain.collector().client().get(path).status()).isEqualTo(404);
    }

    /** A page's text as read: apostrophes unescaped. */
    private static String html(ApiClient.Response page) {
        return page.body().replace("&#39;", "'");
    }

    /** Issues a device's certificate through the API and answers its code. */
    private String issue(CustodyChain.Donation donation, int device) {
        Download download = WipeCertificateFiles.download(port, donation.donor().email(),
                "/api/v1/devices/" + donation.id(device) + "/wipe-certificate.pdf");
        assertThat(download.status()).isEqualTo(200);
        return jdbc.sql("select code from wipe_certificate where device_id = ?").param(donation.id(device))
                .query(String.class).single();
    }
}
