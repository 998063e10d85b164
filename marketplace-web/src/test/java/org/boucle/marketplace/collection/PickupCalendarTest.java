package org.boucle.marketplace.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A donor's pickups as its calendar application reads them: without login, from the secret address. */
@BoucleTest
class PickupCalendarTest {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PickupFixture fixture;
    PickupFixture.Donor donor;

    @BeforeEach
    void plan() {
        fixture = new PickupFixture(port, jdbc, LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.THURSDAY)));
        donor = fixture.donor(2, "Centre technique municipal, atelier; quai n° 3");
    }

    @AfterEach
    void cleanUp() {
        fixture.close();
    }

    @Test
    void theFeedListsThePickupsAndFollowsACancellation() {
        UUID pickup = fixture.pickup(donor, 2, LocalTime.of(14, 5));
        ApiClient.Response link = donor.seller().client().get("/api/v1/collection/pickups/calendar");
        assertThat(link.status()).isEqualTo(200);
        String https = link.json().get("https").asText();
        String path = https.substring(https.indexOf("/collection/pickups/"));
        assertThat(path).matches("/collection/pickups/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(link.json().get("webcal").asText()).isEqualTo(https.replaceFirst("^http://", "webcal://"));
        assertThat(donor.seller().client().get("/api/v1/collection/pickups/calendar").json().get("https").asText())
                .isEqualTo(https);

        ApiClient.Response feed = ApiClient.anonymous(port).get(path, "text/calendar");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        List<Map<String, String>> events = events(feed.body());
        assertThat(events).hasSize(1);
        Map<String, String> event = events.get(0);
        assertThat(event.get("UID")).isEqualTo(pickup + "@boucle");
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(event.get("DTSTART")).isEqualTo(UTC.format(fixture.day().atTime(14, 5).atZone(paris)
                .withZoneSameInstant(ZoneOffset.UTC)));
        assertThat(event.get("DTEND")).isEqualTo(UTC.format(fixture.day().atTime(14, 25).atZone(paris)
                .withZoneSameInstant(ZoneOffset.UTC)));
        assertThat(event.get("LOCATION")).startsWith("Centre technique municipal\\, atelier\\; quai n° 3\\, ");
        assertThat(event.get("SUMMARY")).isEqualTo("Enlèvement Boucle — 2 appareils");
        assertThat(event.get("DESCRIPTION")).contains("Ordinateurs portables : 2 appareils")
                .contains("véhicule " + fixture.vehicleName());
        assertThat(event.get("STATUS")).isEqualTo("CONFIRMED");
        assertThat(event.get("SEQUENCE")).isEqualTo("0");
        assertThat(event).containsKey("DTSTAMP");

        donor.seller().client().post("/api/v1/collection/pickups/" + pickup + "/cancel", "{\"reason\": \"Inventaire en cours\"}");

        Map<String, String> cancelled = events(ApiClient.anonymous(port).get(path, "text/calendar").body()).get(0);
        assertThat(cancelled.get("UID")).isEqualTo(pickup + "@boucle");
        assertThat(cancelled.get("STATUS")).isEqualTo("CANCELLED");
        assertThat(cancelled.get("SEQUENCE")).isEqualTo("1");
        assertThat(cancelled.get("DESCRIPTION")).contains("Motif : Inventaire en cours");
    }

    @Test
    void aNewAddressRetiresTheOldOne() {
        String old = path(donor.seller().client().get("/api/v1/collection/pickups/calendar").json().get("https").asText());
        ApiClient.Response rotated = donor.seller().client().post("/api/v1/collection/pickups/calendar/rotate", "");
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = path(rotated.json().get("https").asText());

        assertThat(fresh).isNotEqualTo(old);
        assertThat(ApiClient.anonymous(port).get(old, "text/calendar").status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get(fresh, "text/calendar").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/collection/pickups/" + "x".repeat(43) + ".ics", "text/calendar")
                .status()).isEqualTo(404);
        assertThat(ApiClient.demo(port, "collector").get("/api/v1/collection/pickups/calendar").status()).isEqualTo(403);
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/collection/pickups/"));
    }

    /** The feed's VEVENTs, each property by name, after checking its lines and unfolding them. */
    private static List<Map<String, String>> events(String ics) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        String[] physical = ics.substring(0, ics.length() - 2).split("\r\n", -1);
        assertThat(Arrays.stream(physical)).allSatisfy(line -> {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\n").doesNotContain("\r");
        });
        assertThat(ics).contains("VERSION:2.0\r\n").contains("PRODID:");
        String[] lines = ics.replace("\r\n ", "").split("\r\n");
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> event = null;
        for (String line : lines) {
            if (line.equals("BEGIN:VEVENT")) {
                event = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(event);
                event = null;
            } else if (event != null) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).split(";")[0];
                event.put(name, line.substring(colon + 1));
            }
        }
        return events;
    }
}
