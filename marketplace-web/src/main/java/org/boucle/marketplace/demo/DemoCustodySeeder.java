package org.boucle.marketplace.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.traceability.CustodyEvents;
import org.boucle.marketplace.traceability.CustodyStep;
import org.boucle.marketplace.traceability.NewCustodyEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The custody of two dozen devices the CHU retired: announced by its IT department, collected in one round by Alpes
 * Collecte Solidaire, received at Atelier Reboot Grenoble, wiped one by one and graded; most listed, some sold to
 * a business or given to Le Lien Numérique, a few still being refurbished, and four too worn out, recycled.
 */
@Component
class DemoCustodySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoCustodySeeder.class);
    private static final String BODY = "CHU Grenoble Alpes";
    private static final int DEVICES = 24;
    private static final int RECYCLED = 4;
    private static final String[] GRADES = {"A", "B", "B", "C"};

    private final CustodyEvents custody;
    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    DemoCustodySeeder(CustodyEvents custody, Accounts accounts, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.custody = custody;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void seed() {
        Long told = jdbc.queryForObject("""
                select count(*) from custody_event e join asset a on a.id = e.device_id
                  join organization o on o.id = a.organization_id where o.name = ?""", Long.class, BODY);
        if (told != null && told > 0) {
            log.info("The demo devices' custody is already told ({} events); nothing to do", told);
            return;
        }
        // Laptops and desktops that left the CHU's park, the earliest first: the ones a workshop has had time to handle.
        List<String[]> devices = jdbc.query("""
                select a.id, a.serial from asset a join organization o on o.id = a.organization_id
                 where o.name = ? and a.missing_since is not null and a.serial is not null
                   and a.category in ('LAPTOP', 'DESKTOP') and a.source_system = 'GLPI'
                 order by a.missing_since, a.id limit ?""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, BODY, DEVICES);
        if (devices.size() < DEVICES) {
            log.warn("Only {} retired demo devices to trace; custody not told", devices.size());
            return;
        }
        List<String> all = devices.stream().map(d -> d[0]).toList();
        Actor donor = actor("donor");
        Actor collector = actor("collector");
        Actor workshop = actor("workshop");
        Instant start = clock.instant().minus(Duration.ofDays(30));

        record(donor, all, CustodyStep.ANNOUNCED, start, details());
        record(collector, all, CustodyStep.COLLECTED, start.plus(Duration.ofDays(2)),
                details().put("routeRef", "Tournée CHU Nord n° 14").put("vehicleRef", "Fourgon GE-418-KT"));
        record(workshop, all, CustodyStep.RECEIVED, start.plus(Duration.ofDays(2).plusHours(3)), details());
        record(workshop, all, CustodyStep.SORTED, start.plus(Duration.ofDays(3)), details());

        List<String[]> reused = devices.subList(0, DEVICES - RECYCLED);
        for (int i = 0; i < reused.size(); i++) {
            ObjectNode wipe = details().put("method", i % 5 == 0 ? "NIST_800_88_CLEAR" : "NIST_800_88_PURGE")
                    .put("tool", "Blancco Drive Eraser 7.9").put("operator", "Nadia Haddad").put("result", "SUCCESS");
            wipe.putArray("media").addObject().put("serial", "S4EW" + reused.get(i)[1].replaceAll("[^A-Za-z0-9]", ""))
                    .put("type", "SSD");
            record(workshop, List.of(reused.get(i)[0]), CustodyStep.DATA_WIPED,
                    start.plus(Duration.ofDays(4)).plus(Duration.ofMinutes(20L * i)), wipe);
        }
        List<String> reusedIds = reused.stream().map(d -> d[0]).toList();
        for (int g = 0; g < GRADES.length; g++) {
            final int grade = g;
            List<String> graded = java.util.stream.IntStream.range(0, reusedIds.size()).filter(i -> i % GRADES.length == grade)
                    .mapToObj(reusedIds::get).toList();
            record(workshop, graded, CustodyStep.GRADED, start.plus(Duration.ofDays(6)), details().put("grade", GRADES[g]));
        }
        // Four are still on the bench for new batteries; the others are on sale.
        List<String> bench = reusedIds.subList(16, 20);
        ObjectNode battery = details();
        battery.putArray("partsReplaced").add("batterie");
        record(workshop, bench, CustodyStep.REFURBISHED, start.plus(Duration.ofDays(8)), battery);
        List<String> listed = reusedIds.subList(0, 16);
        record(workshop, listed, CustodyStep.LISTED, start.plus(Duration.ofDays(9)), details());
        record(workshop, listed.subList(0, 10), CustodyStep.RESERVED, start.plus(Duration.ofDays(12)), details());
        record(workshop, listed.subList(0, 6), CustodyStep.SOLD, start.plus(Duration.ofDays(15)),
                details().put("buyerOrganizationId", actor("buyer").organizationId().toString()));
        record(workshop, listed.subList(6, 8), CustodyStep.DONATED, start.plus(Duration.ofDays(16)),
                details().put("recipientOrganizationId", actor("association").organizationId().toString()));
        record(workshop, listed.subList(10, 12), CustodyStep.DONATED, start.plus(Duration.ofDays(16)), details());

        List<String> worn = devices.subList(DEVICES - RECYCLED, DEVICES).stream().map(d -> d[0]).toList();
        record(workshop, worn, CustodyStep.RECYCLED, start.plus(Duration.ofDays(5)),
                details().put("weeeChannel", "ecosystem — Envie 2E Isère"));
        log.info("Told the custody of {} demo devices", DEVICES);
    }

    private void record(Actor actor, List<String> devices, CustodyStep step, Instant when, JsonNode details) {
        UUID site = custody.sites(actor).stream().findFirst().map(CustodyEvents.Site::id).orElse(null);
        custody.record(actor, new NewCustodyEvents(devices, step, site, when, details));
    }

    private ObjectNode details() {
        return json.createObjectNode();
    }

    private Actor actor(String login) {
        return accounts.actor(login + "@demo.boucle")
                .orElseThrow(() -> new IllegalStateException("No demo login " + login));
    }
}
