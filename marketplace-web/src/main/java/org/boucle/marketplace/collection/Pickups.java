package org.boucle.marketplace.collection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.inventory.Forecasts;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.traceability.CustodyDevice;
import org.boucle.marketplace.traceability.CustodyEvents;
import org.boucle.marketplace.traceability.CustodyStep;
import org.boucle.marketplace.traceability.NewCustodyEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pickups of accepted plans: donors read theirs, cancel them and announce their devices; collectors confirm them,
 * which records the devices' "collected" custody step; coordinators see and cancel every one.
 */
@Service
public class Pickups {

    /** How long a cancelled or moved pickup stays on the donor's page. */
    private static final Duration RECENT = Duration.ofDays(14);
    private static final int MAX_REASON = 300;
    private static final int MAX_RANGE_DAYS = 366;

    static final String SELECT = """
            select p.id, p.plan_id, p.donor_id, d.name donor, d.contact_email, d.contact_phone,
                   s.id site_id, s.name site, s.street, s.postal_code, c.name commune, s.latitude, s.longitude,
                   s.access_notes, p.vehicle_id, v.name vehicle, v.organization_id collector_id, co.name collector,
                   p.day, p.position, p.arrival, p.departure, p.workshop_id, w.name workshop, p.lot_ids, p.devices,
                   p.status, p.status_note, p.status_at, p.created_at,
                   (select jsonb_object_agg(l ->> 'id', l -> 'devices')
                      from collection_plan cp, jsonb_array_elements(cp.inputs -> 'lots') l
                     where cp.id = p.plan_id and l ->> 'id' = any (p.lot_ids))::text lot_devices
              from collection_pickup p
              join organization d on d.id = p.donor_id
              join site s on s.id = p.site_id
              left join commune c on c.insee_code = s.commune_code
              join collection_vehicle v on v.id = p.vehicle_id
              join organization co on co.id = v.organization_id
              join organization w on w.id = p.workshop_id
            """;

    private final JdbcClient jdbc;
    private final CustodyEvents custody;
    private final Forecasts forecasts;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    Pickups(JdbcClient jdbc, CustodyEvents custody, Forecasts forecasts, ApplicationEventPublisher events,
            ObjectMapper json, Clock clock, CollectionProperties properties) {
        this.jdbc = jdbc;
        this.custody = custody;
        this.forecasts = forecasts;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** What announcing a pickup's devices did. */
    public record Announcement(UUID pickupId, int announced, int alreadyAnnounced) {
    }

    /** The territory's date today. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The pickups of the days from..to the actor may see, every status: a donor's own, those of a collector's vehicles,
     * all for coordinators.
     */
    public List<Pickup> pickups(Actor actor, LocalDate from, LocalDate to) {
        requireReader(actor);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "to must not be before from");
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw new InvalidInputException("to", "At most " + MAX_RANGE_DAYS + " days at once");
        }
        return jdbc.sql(SELECT + " where p.day between :from and :to and " + SCOPE
                        + " order by p.day, p.arrival, v.name")
                .param("from", from).param("to", to)
                .param("coordinator", actor.isCoordinator()).param("org", actor.organizationId())
                .query(this::map).list();
    }

    /**
     * What the pickups page shows: pickups from two weeks ago on, less those cancelled or moved more than two weeks ago.
     */
    public List<Pickup> recent(Actor actor) {
        requireReader(actor);
        return jdbc.sql(SELECT + " where p.day >= :from and " + SCOPE
                        + " and (p.status in ('SCHEDULED', 'COLLECTED') or p.status_at >= :since)"
                        + " order by p.day, p.arrival, v.name")
                .param("from", today().minusDays(RECENT.toDays())).param("since", Timestamp.from(clock.instant().minus(RECENT)))
                .param("coordinator", actor.isCoordinator()).param("org", actor.organizationId())
                .query(this::map).list();
    }

    /** Who may read a pickup: its donor, its vehicle's collector, coordinators. */
    private static final String SCOPE = "(:coordinator or p.donor_id = :org or v.organization_id = :org)";

    /** One pickup: 404 if there is none, 403 if it is neither the actor's donation nor on its vehicles. */
    public Pickup pickup(Actor actor, UUID id) {
        Pickup pickup = find(id, false);
        if (!actor.mayAccess(pickup.donorId()) && !actor.organizationId().equals(pickup.collectorId())) {
            throw new AccessDeniedException("This pickup is neither yours nor on your vehicles");
        }
        return pickup;
    }

    /**
     * Cancels a scheduled pickup, by its donor or a coordinator. {@link PickupCancelled} is published in the transaction:
     * listeners that act after the commit (re-planning) see only committed cancellations.
     */
    @Transactional
    public Pickup cancel(Actor actor, UUID id, String reason) {
        Pickup pickup = find(id, true);
        if (!actor.mayAccess(pickup.donorId())) {
            throw new AccessDeniedException("Only the donor or a coordinator cancels a pickup");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "Required: why, in at most " + MAX_REASON + " characters");
        }
        requireScheduled(pickup);
        setStatus(pickup, PickupStatus.CANCELLED, why);
        events.publishEvent(new PickupCancelled(pickup.id(), pickup.planId(), why, actor.userId(), actor.displayName()));
        return find(id, false);
    }

    /**
     * The donor announces the devices of a scheduled pickup's lots for collection: those with no custody event yet take
     * the ANNOUNCED step; those already announced (or further) are counted and left as they are.
     */
    @Transactional
    public Announcement announce(Actor actor, UUID id) {
        Pickup pickup = find(id, true);
        if (!actor.organizationId().equals(pickup.donorId())) {
            throw new AccessDeniedException("Only the donor announces its devices");
        }
        requireScheduled(pickup);
        List<String> devices = new ArrayList<>();
        int already = 0;
        for (Pickup.Lot lot : pickup.lots()) {
            List<CustodyDevice> lotDevices;
            try {
                lotDevices = custody.lot(actor, lot.id()).devices();
            } catch (NotFoundException gone) {
                continue; // its devices left the inventory since the plan: nothing to announce
            }
            for (CustodyDevice device : lotDevices) {
                if (device.step() == null) {
                    devices.add(device.id().toString());
                } else {
                    already++;
                }
            }
        }
        ObjectNode details = json.createObjectNode().put("pickupId", pickup.id().toString())
                .put("planId", pickup.planId().toString()).put("day", pickup.day().toString());
        recordInBatches(actor, devices, CustodyStep.ANNOUNCED, pickup.site().id(), details);
        return new Announcement(pickup.id(), devices.size(), already);
    }

    /**
     * The vehicle's collector confirms it collected a scheduled pickup: the lots' devices take the COLLECTED step and
     * the pickup its status, together or not at all (devices the donor did not announce refuse the step).
     */
    @Transactional
    public Pickup collected(Actor actor, UUID id) {
        Pickup pickup = find(id, true);
        if (!actor.organizationId().equals(pickup.collectorId()) || !actor.hasRole(OrganizationRole.COLLECTOR)) {
            throw new AccessDeniedException("Only the vehicle's collector confirms a pickup");
        }
        requireScheduled(pickup);
        // The collector cannot read the donor's inventory: the lots' devices come from the forecasts.
        List<String> devices = pickup.lots().stream().flatMap(lot -> forecasts.lotDevices(lot.id()).stream())
                .map(UUID::toString).distinct().toList();
        if (devices.isEmpty()) {
            throw new PickupConflictException("no-devices", "The pickup's lots have no devices left in the inventory");
        }
        ObjectNode details = json.createObjectNode().put("pickupId", pickup.id().toString())
                .put("planId", pickup.planId().toString()).put("vehicleId", pickup.vehicleId().toString())
                .put("vehicle", pickup.vehicleName());
        // No site: the step happens at the donor's, which is not one of the collector's sites.
        recordInBatches(actor, devices, CustodyStep.COLLECTED, null, details);
        setStatus(pickup, PickupStatus.COLLECTED, actor.displayName());
        return find(id, false);
    }

    private void recordInBatches(Actor actor, List<String> devices, CustodyStep step, UUID siteId, JsonNode details) {
        // A recording takes a bounded number of devices; all batches share this transaction, so it stays all or nothing.
        for (int from = 0; from < devices.size(); from += BATCH) {
            custody.record(actor, new NewCustodyEvents(devices.subList(from, Math.min(devices.size(), from + BATCH)),
                    step, siteId, null, details));
        }
    }

    /** CustodyEvents' limit per recording. */
    private static final int BATCH = 1000;

    private void setStatus(Pickup pickup, PickupStatus status, String note) {
        jdbc.sql("update collection_pickup set status = ?, status_note = ?, status_at = ? where id = ?")
                .params(status.name(), note, Timestamp.from(clock.instant()), pickup.id()).update();
    }

    private static void requireScheduled(Pickup pickup) {
        if (!pickup.scheduled()) {
            throw new PickupConflictException("not-scheduled", "The pickup is " + pickup.status().name().toLowerCase()
                    + ", no longer scheduled");
        }
    }

    private static void requireReader(Actor actor) {
        if (!actor.isCoordinator() && !actor.hasRole(OrganizationRole.DONOR) && !actor.hasRole(OrganizationRole.COLLECTOR)) {
            throw new AccessDeniedException("Pickups are for donors, collectors and coordinators");
        }
    }

    /** A pickup whoever asks; locked for the transaction's change if {@code forUpdate}. */
    private Pickup find(UUID id, boolean forUpdate) {
        if (forUpdate) {
            // Locked alone: the joins' rows are not ours to lock.
            jdbc.sql("select id from collection_pickup where id = ? for update").param(id).query(UUID.class).optional()
                    .orElseThrow(() -> new NotFoundException("pickup", id));
        }
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("pickup", id));
    }

    Pickup map(ResultSet rs, int row) throws SQLException {
        Map<String, JsonNode> counts = counts(rs.getString("lot_devices"));
        List<Pickup.Lot> lots = Arrays.stream((Object[]) rs.getArray("lot_ids").getArray()).map(String.class::cast)
                .map(lot -> {
                    JsonNode count = counts.get(lot);
                    return new Pickup.Lot(lot, category(lot), count == null || !count.canConvertToInt() ? null
                            : count.asInt());
                })
                .toList();
        Pickup.Place site = new Pickup.Place(rs.getObject("site_id", UUID.class), rs.getString("site"),
                rs.getString("street"), rs.getString("postal_code"), rs.getString("commune"), rs.getDouble("latitude"),
                rs.getDouble("longitude"));
        OffsetDateTime statusAt = rs.getObject("status_at", OffsetDateTime.class);
        return new Pickup(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("donor_id", UUID.class), rs.getString("donor"), rs.getString("contact_email"),
                rs.getString("contact_phone"), site, rs.getString("access_notes"), rs.getObject("vehicle_id", UUID.class),
                rs.getString("vehicle"), rs.getObject("collector_id", UUID.class), rs.getString("collector"),
                rs.getObject("day", LocalDate.class), rs.getInt("position"), rs.getObject("arrival", LocalDateTime.class),
                rs.getObject("departure", LocalDateTime.class), rs.getObject("workshop_id", UUID.class),
                rs.getString("workshop"), lots, rs.getInt("devices"), PickupStatus.valueOf(rs.getString("status")),
                rs.getString("status_note"), statusAt == null ? null : statusAt.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** A lot id's category: its last part ({@code donor:site:month:CATEGORY}). */
    static String category(String lotId) {
        return lotId.substring(lotId.lastIndexOf(':') + 1);
    }

    private Map<String, JsonNode> counts(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            Map<String, JsonNode> counts = new java.util.HashMap<>();
            json.readTree(text).properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where pickups' days and times are local. */
    ZoneId zone() {
        return zone;
    }

    Instant instant(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }
}
