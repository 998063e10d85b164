package org.boucle.marketplace.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.organization.Actor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Tamper evidence: events altered directly in PostgreSQL are found by the device's hash chain and by the signed
 * anchor of the day they were recorded.
 */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustodyTamperTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Accounts accounts;

    @Autowired
    CustodyAnchors anchors;

    private CustodyChain chain;

    @BeforeAll
    void chain() {
        chain = new CustodyChain(port, jdbc);
    }

    @Test
    void theVerificationNamesTheEventAlteredInTheDatabase() {
        CustodyChain.Donation donation = chain.donor(1);
        chain.readyForSale(donation, List.of(donation.serial(0)));
        String verify = "/api/v1/devices/" + donation.id(0) + "/custody/verify";
        ApiClient donor = donation.donor().client();
        assertThat(donor.get(verify).json().get("valid").asBoolean()).isTrue();
        assertThat(donor.get(verify).json().get("events").asInt()).isEqualTo(5);
        assertThat(donor.get(verify).json().has("brokenAt")).isFalse();
        UUID wipe = eventId(donation.id(0), 4);

        // The application never changes an event, and PostgreSQL refuses to.
        assertThatThrownBy(() -> jdbc.sql("update custody_event set details = '{}' where id = ?").param(wipe).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        // Someone who can switch that off claims the drive was destroyed rather than purged.
        tamper("update custody_event set details = jsonb_set(details, '{method}', '\"NIST_800_88_DESTROY\"') where id = ?",
                wipe);
        JsonNode verification = donor.get(verify).json();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("events").asInt()).isEqualTo(5);
        assertThat(verification.get("brokenAt").get("eventId").asText()).isEqualTo(wipe.toString());
        assertThat(verification.get("brokenAt").get("seq").asInt()).isEqualTo(4);
        assertThat(verification.get("brokenAt").get("step").asText()).isEqualTo("DATA_WIPED");
        assertThat(verification.get("brokenAt").get("reason").asText()).isEqualTo("content-changed");
    }

    @Test
    void rewritingTheHashOfAnAlteredEventBreaksTheLinkOfTheNextOne() {
        CustodyChain.Donation donation = chain.donor(1);
        chain.toWorkshop(donation, List.of(donation.serial(0)));
        UUID collected = eventId(donation.id(0), 2);
        // The collection is credited to the workshop, and the altered event's hash recomputed to match its new content.
        tamper("update custody_event set organization_id = ? where id = ?", UUID.fromString(chain.workshop().id()),
                collected);
        String rehashed = jdbc.sql("select " + CustodyHash.COLUMNS + " from custody_event where id = ?").param(collected)
                .query((rs, n) -> CustodyHash.of(CustodyHash.content(rs))).single();
        tamper("update custody_event set hash = ? where id = ?", rehashed, collected);
        JsonNode brokenAt = chain.workshop().client().get("/api/v1/devices/" + donation.id(0) + "/custody/verify").json()
                .get("brokenAt");
        assertThat(brokenAt.get("seq").asInt()).isEqualTo(3);
        assertThat(brokenAt.get("reason").asText()).isEqualTo("broken-link");
        tamper("delete from custody_event where id = ?", collected);
        brokenAt = chain.workshop().client().get("/api/v1/devices/" + donation.id(0) + "/custody/verify").json()
                .get("brokenAt");
        assertThat(brokenAt.get("seq").asInt()).isEqualTo(3);
        assertThat(brokenAt.get("reason").asText()).isEqualTo("missing-event");
    }

    @Test
    void aSignedAnchorOfTheDayDetectsAnEventChangedAfterwards() throws Exception {
        // A day of its own in the past, so that no other test records events that day.
        LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        CustodyChain.Donation donation = chain.donor(2);
        Actor donor = accounts.actor(donation.donor().email()).orElseThrow();
        Actor collector = accounts.actor(chain.collector().email()).orElseThrow();
        eventsAt(day, 9).record(donor, new NewCustodyEvents(donation.serials(), CustodyStep.ANNOUNCED, null, null, null));
        eventsAt(day, 15).record(collector, new NewCustodyEvents(donation.serials(), CustodyStep.COLLECTED, null, null,
                CustodyHash.read("{\"routeRef\": \"R-7\"}")));

        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        assertThat(donation.donor().client().post("/api/v1/custody/anchors", "{\"day\": \"" + day + "\"}").status())
                .isEqualTo(403);
        ApiClient.Response anchored = coordinator.post("/api/v1/custody/anchors", "{\"day\": \"" + day + "\"}");
        assertThat(anchored.status()).as(anchored.body()).isEqualTo(201);
        assertThat(anchored.json().get("events").asInt()).isEqualTo(4);
        assertThat(anchored.json().get("digest").asText()).hasSize(64);
        assertThat(anchored.json().get("signature").asText()).isNotBlank();
        // Anchoring again changes nothing.
        assertThat(coordinator.post("/api/v1/custody/anchors", "{\"day\": \"" + day + "\"}").json().get("signature"))
                .isEqualTo(anchored.json().get("signature"));

        String verify = "/api/v1/custody/anchors/" + day + "/verify";
        JsonNode intact = donation.donor().client().get(verify).json();
        assertThat(intact.get("valid").asBoolean()).isTrue();
        assertThat(intact.get("signatureValid").asBoolean()).isTrue();

        tamper("update custody_event set details = '{\"routeRef\": \"R-8\"}' where id = ?", eventId(donation.id(1), 2));
        JsonNode altered = coordinator.get(verify).json();
        assertThat(altered.get("valid").asBoolean()).isFalse();
        assertThat(altered.get("digestMatches").asBoolean()).isFalse();
        assertThat(altered.get("signatureValid").asBoolean()).isTrue();
        assertThat(altered.get("events").asInt()).isEqualTo(4);

        // A signature that is not the key's own is caught too.
        jdbc.sql("update custody_anchor set signature = ? where day = ?")
                .params(java.util.Base64.getEncoder().encodeToString(new byte[64]), java.sql.Date.valueOf(day))
                .update();
        assertThat(coordinator.get(verify).json().get("signatureValid").asBoolean()).isFalse();

        // Re-signed with a key of the forger's own, stored with the anchor: the signature holds, the key is not ours.
        java.security.KeyPair forger = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(forger.getPrivate());
        signer.update(java.util.HexFormat.of().parseHex(anchored.json().get("digest").asText()));
        jdbc.sql("update custody_anchor set signature = ?, public_key = ? where day = ?")
                .params(java.util.Base64.getEncoder().encodeToString(signer.sign()),
                        java.util.Base64.getEncoder().encodeToString(forger.getPublic().getEncoded()),
                        java.sql.Date.valueOf(day))
                .update();
        JsonNode forged = coordinator.get(verify).json();
        assertThat(forged.get("signatureValid").asBoolean()).isTrue();
        assertThat(forged.get("signedByPlatformKey").asBoolean()).isFalse();
        assertThat(forged.get("valid").asBoolean()).isFalse();
    }

    @Test
    void onlyPastDaysAreAnchoredAndTheNightlyJobAnchorsYesterday() {
        LocalDate today = LocalDate.now(PARIS);
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        ApiClient.Response refused = coordinator.post("/api/v1/custody/anchors", "{\"day\": \"" + today + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("day");

        anchors.anchorYesterday();
        JsonNode yesterday = coordinator.get("/api/v1/custody/anchors/" + today.minusDays(1) + "/verify").json();
        assertThat(yesterday.get("signatureValid").asBoolean()).isTrue();
        assertThat(coordinator.get("/api/v1/custody/anchors/" + today.plusDays(3)).status()).isEqualTo(404);
    }

    /** The custody service as it ran on that day at that hour, Paris time. */
    private CustodyEvents eventsAt(LocalDate day, int hour) {
        Clock clock = Clock.fixed(day.atTime(LocalTime.of(hour, 0)).atZone(PARIS).toInstant(), ZoneOffset.UTC);
        return new CustodyEvents(jdbc, messages, clock, transactions);
    }

    private UUID eventId(UUID device, int seq) {
        return jdbc.sql("select id from custody_event where device_id = ? and seq = ?").params(device, seq)
                .query(UUID.class).single();
    }

    /** What someone with the database's owner rights could do: switch off the append-only guard, change, switch on. */
    private void tamper(String sql, Object... params) {
        jdbc.sql("alter table custody_event disable trigger custody_event_no_update").update();
        try {
            jdbc.sql(sql).params(params).update();
        } finally {
            jdbc.sql("alter table custody_event enable trigger custody_event_no_update").update();
        }
    }
}
