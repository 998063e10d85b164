package org.boucle.marketplace.collection;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boucle.engine.collection.CollectionPlan;
import org.boucle.engine.collection.CollectionPlanner;
import org.boucle.engine.collection.CollectionProgress;
import org.boucle.engine.collection.CollectionRun;
import org.boucle.engine.collection.RouteScore;
import org.boucle.marketplace.notification.Notifications;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.JsonText;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.platform.SolvingRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pooled collection plans: a coordinator routes the territory's whole fleet over a horizon (a collector, its own fleet),
 * the plan solves on the instance that started it and is persisted as it improves, like allocation runs. Accepting a
 * plan gives each stop to its donor as a pickup; a cancelled pickup or a vehicle out of service re-plans the accepted
 * plan around it, keeping the other pickups where they were as far as it can.
 */
@Service
public class CollectionPlans implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CollectionPlans.class);
    private static final int MAX_PROGRESS_POINTS = 400;
    private static final int HISTORY = 30;
    /** A pickup kept on its vehicle and day but shifted by more than this is news for its donor. */
    private static final Duration NOTABLE_SHIFT = Duration.ofMinutes(15);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final TypeReference<List<PlanView.ProgressPoint>> PROGRESS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CollectionPlanner planner;
    private final TerritoryPickups territory;
    private final Notifications notifications;
    private final JsonText json;
    private final CollectionProperties properties;
    private final Clock clock;
    private final SolvingRuns<Active> runs;

    CollectionPlans(JdbcClient jdbc, PlatformTransactionManager transactionManager, CollectionPlanner planner,
            TerritoryPickups territory, Notifications notifications, JsonText json,
            CollectionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.planner = planner;
        this.territory = territory;
        this.notifications = notifications;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.runs = new SolvingRuns<>("collection_plan", properties.territory(), jdbc, clock,
                new SolvingRuns.Timing(properties.heartbeat(), properties.heartbeatTimeout(), properties.sweepInterval()),
                this::beat, Active::stop);
    }

    /** The engine's plan as stored: enough to show it and to give its stops to donors. */
    record Stored(List<CollectionPlan.Route> routes, List<CollectionPlan.Unserved> unserved) {
    }

    /** A plan solving on this instance. */
    private static final class Active {
        final AtomicReference<CollectionProgress> latest = new AtomicReference<>();
        final List<PlanView.ProgressPoint> points = Collections.synchronizedList(new ArrayList<>());
        volatile CollectionRun run;

        void improved(CollectionProgress progress) {
            latest.set(progress);
            synchronized (points) {
                if (points.size() == MAX_PROGRESS_POINTS) {
                    points.remove(MAX_PROGRESS_POINTS / 2);
                }
                points.add(new PlanView.ProgressPoint(progress.elapsed().toMillis(), progress.score().hard(),
                        progress.score().unservedLots(), progress.score().routes(), progress.score().costEuros()));
            }
        }

        List<PlanView.ProgressPoint> points() {
            synchronized (points) {
                return List.copyOf(points);
            }
        }

        void stop() {
            if (run != null) {
                run.stop();
            }
        }
    }

    /**
     * Starts planning the horizon: a coordinator routes the territory's fleet, a collector its own.
     *
     * @throws CollectionConflictException when a plan is already solving, or there is nothing to collect or no vehicle
     */
    public UUID start(Actor actor, LocalDate from, LocalDate to, Integer timeLimitSeconds) {
        UUID fleetOf = planner(actor);
        long maxSeconds = properties.maxTimeLimit().toSeconds();
        if (timeLimitSeconds == null || timeLimitSeconds < 1 || timeLimitSeconds > maxSeconds) {
            throw new InvalidInputException("timeLimitSeconds", "a number of seconds from 1 to " + maxSeconds);
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (from == null || from.isBefore(today)) {
            throw new InvalidInputException("from", "a day from today on (" + today + ")");
        }
        if (to == null || to.isBefore(from) || to.isAfter(from.plusDays(13))) {
            throw new InvalidInputException("to", "a day from 'from' to 13 days after it (a fortnight at most)");
        }
        return begin(from, to, fleetOf, null, null, Duration.ofSeconds(timeLimitSeconds), actor.userId(),
                actor.displayName());
    }

    private UUID begin(LocalDate from, LocalDate to, UUID fleetOf, UUID replans, String reason, Duration timeLimit,
            UUID userId, String userName) {
        runs.sweepCrashed();
        TerritoryPickups.Snapshot snapshot = territory.snapshot(from, to, fleetOf);
        if (snapshot.problem().lots().isEmpty()) {
            throw new CollectionConflictException("nothing-to-collect",
                    "No lot to collect between " + from + " and " + to + ": none is forecast, or all are planned", null);
        }
        if (snapshot.problem().vehicles().isEmpty()) {
            throw new CollectionConflictException("no-vehicle",
                    "No vehicle in service between " + from + " and " + to + ": add one to the fleet first", null);
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into collection_plan (id, territory, status, horizon_from, horizon_to, time_limit_seconds,
                                                 fleet_of, replans, reason, started_by, started_by_name, started_at,
                                                 heartbeat_at, instance_id, inputs)
                    values (?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                    .params(id, properties.territory(), from, to, timeLimit.toSeconds(), fleetOf, replans, reason,
                            userId, userName, now, now, runs.instanceId(), json.write(snapshot.inputs()))
                    .update();
        } catch (DuplicateKeyException underWay) {
            throw new CollectionConflictException("plan-under-way",
                    "A plan is already solving for the territory: stop it or wait for it to end",
                    runs.running().orElse(null));
        }
        Active active = new Active();
        runs.solving(id, active);
        try {
            active.run = planner.start(snapshot.problem(), timeLimit, active::improved);
        } catch (RuntimeException e) {
            runs.done(id);
            runs.fail(id, "The router refused the problem: " + e.getMessage());
            throw e;
        }
        active.run.plan().whenComplete((plan, failure) -> finish(id, active, plan, failure));
        return id;
    }

    /** Ends a plan now, wherever it solves: it keeps the best routes found so far. */
    public PlanView stop(Actor actor, UUID id) {
        PlanView plan = view(actor, id);
        requireMayAccept(actor, plan);
        runs.stop(id);
        return view(actor, id);
    }

    public PlanView view(Actor actor, UUID id) {
        reader(actor);
        return jdbc.sql(SELECT + " where id = ?").param(id)
                .query((rs, n) -> view(rs, true))
                .optional()
                .orElseThrow(() -> new NotFoundException("collection plan", id));
    }

    /** The territory's latest plans, newest first, without their routes. */
    public List<PlanView> recent(Actor actor) {
        reader(actor);
        return jdbc.sql(SELECT + " where territory = ? order by started_at desc limit ?")
                .params(properties.territory(), HISTORY)
                .query((rs, n) -> view(rs, false))
                .list();
    }

    /** The outcome of accepting a plan: pickups given to donors, moved, and kept where they were. */
    public record Acceptance(PlanView plan, int pickupsGiven, int pickupsMoved, int pickupsKept) {
    }

    /**
     * Accepts a solved, feasible plan: each stop becomes a pickup given to its donor, who is told. Pickups an earlier
     * plan gave in the horizon stay as they are when the plan kept them, and are marked moved (and their donor told)
     * when it did not.
     */
    public Acceptance accept(Actor actor, UUID id) {
        return transactions.execute(tx -> {
            String status = jdbc.sql("select status from collection_plan where id = ? for update").param(id)
                    .query(String.class).optional().orElseThrow(() -> new NotFoundException("collection plan", id));
            PlanView plan = view(actor, id);
            requireMayAccept(actor, plan);
            if (!"SOLVED".equals(status)) {
                throw new CollectionConflictException("not-solved",
                        "Only a solved plan can be accepted; this one is " + status, id);
            }
            if (!Boolean.TRUE.equals(plan.feasible())) {
                throw new CollectionConflictException("not-feasible",
                        "This plan breaks hard constraints: it cannot be accepted", id);
            }
            if (plan.replans() != null && !"ACCEPTED".equals(jdbc.sql(
                    "select status from collection_plan where id = ? for update").param(plan.replans())
                    .query(String.class).single())) {
                throw new CollectionConflictException("stale",
                        "The plan this one re-plans was replaced meanwhile: re-plan again", id);
            }
            Acceptance acceptance = givePickups(actor, id, plan);
            // Plans whose pickups this one kept or moved are replaced; those with pickups of their own left stay.
            jdbc.sql("""
                    update collection_plan p set status = 'SUPERSEDED'
                     where p.territory = ? and p.status = 'ACCEPTED' and p.id <> ?
                       and (p.id = ? or p.horizon_from <= ? and p.horizon_to >= ?)
                       and not exists (select 1 from collection_pickup c
                                        where c.plan_id = p.id and c.status in ('SCHEDULED', 'COLLECTED'))""")
                    .params(properties.territory(), id, plan.replans(), plan.to(), plan.from()).update();
            return acceptance;
        });
    }

    /** A pickup as given. */
    private record Given(UUID id, UUID vehicleId, LocalDate day, UUID siteId, Set<String> lots, LocalDateTime arrival,
            UUID donorId) {
    }

    private Acceptance givePickups(Actor actor, UUID planId, PlanView plan) {
        PlanInputs inputs = inputs(planId);
        Set<UUID> fleet = inputs.vehicles().stream().map(PlanInputs.Vehicle::id).collect(Collectors.toSet());
        Map<String, PlanInputs.Lot> lots = inputs.lots().stream()
                .collect(Collectors.toMap(PlanInputs.Lot::id, Function.identity()));
        List<Given> earlier = jdbc.sql("""
                select id, vehicle_id, day, site_id, lot_ids, arrival, donor_id from collection_pickup
                 where status = 'SCHEDULED' and day between :from and :to and vehicle_id in (:fleet) for update""")
                .param("from", plan.from()).param("to", plan.to())
                .param("fleet", fleet.isEmpty() ? List.of(new UUID(0, 0)) : fleet)
                .query((rs, n) -> new Given(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, UUID.class),
                        Set.of((String[]) rs.getArray(5).getArray()), rs.getTimestamp(6).toLocalDateTime(),
                        rs.getObject(7, UUID.class)))
                .list();
        // The same vehicle at the same site on the same day is the same appointment for the donor, whatever lots
        // the re-plan loads there or how it splits them between visits.
        Map<String, List<Given>> earlierByVisit = new HashMap<>();
        earlier.forEach(given -> earlierByVisit.computeIfAbsent(visit(given.vehicleId(), given.day(), given.siteId()),
                v -> new ArrayList<>()).add(given));
        Timestamp now = Timestamp.from(clock.instant());
        Map<UUID, List<String>> news = new LinkedHashMap<>();
        Set<UUID> kept = new HashSet<>();
        int givenCount = 0;
        for (PlanView.Route route : plan.routes()) {
            int position = 0;
            for (PlanView.Stop stop : route.stops()) {
                position++;
                UUID donor = lots.get(stop.lotIds().get(0)).donorId();
                Set<String> stopLots = Set.copyOf(stop.lotIds());
                Given same = sameVisit(earlierByVisit.get(visit(route.vehicleId(), route.day(), stop.siteId())),
                        stopLots);
                String slot = DAY.format(route.day()) + " " + TIME.format(stop.arrival()) + "–"
                        + TIME.format(stop.departure()) + ", " + stop.site() + " (" + stop.devices() + " appareils)";
                if (same != null) {
                    kept.add(same.id());
                    jdbc.sql("""
                            update collection_pickup set plan_id = ?, position = ?, arrival = ?, departure = ?,
                                                         workshop_id = ?, lot_ids = ?, devices = ?
                             where id = ?""")
                            .params(planId, position, stop.arrival(), stop.departure(), route.workshopId(),
                                    stop.lotIds().toArray(String[]::new), stop.devices(), same.id())
                            .update();
                    if (!same.lots().equals(stopLots)) {
                        news.computeIfAbsent(donor, d -> new ArrayList<>()).add("lots modifiés " + slot);
                    } else if (Duration.between(same.arrival(), stop.arrival()).abs().compareTo(NOTABLE_SHIFT) > 0) {
                        news.computeIfAbsent(donor, d -> new ArrayList<>()).add("nouvel horaire " + slot);
                    }
                    continue;
                }
                givenCount++;
                jdbc.sql("""
                        insert into collection_pickup (id, plan_id, donor_id, site_id, vehicle_id, day, position, arrival,
                                                       departure, workshop_id, lot_ids, devices, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?)""")
                        .params(UUID.randomUUID(), planId, donor, stop.siteId(), route.vehicleId(), route.day(), position,
                                stop.arrival(), stop.departure(), route.workshopId(), stop.lotIds().toArray(String[]::new),
                                stop.devices(), now)
                        .update();
                news.computeIfAbsent(donor, d -> new ArrayList<>()).add(slot);
            }
        }
        int moved = 0;
        for (Given given : earlier) {
            if (!kept.contains(given.id())) {
                moved++;
                jdbc.sql("update collection_pickup set status = 'MOVED', status_note = ?, status_at = ? where id = ?")
                        .params("Re-planned by " + actor.displayName(), now, given.id()).update();
                news.computeIfAbsent(given.donorId(), d -> new ArrayList<>())
                        .add("le passage du " + DAY.format(given.day()) + " à " + TIME.format(given.arrival())
                                + " est annulé");
            }
        }
        jdbc.sql("""
                update collection_plan set status = 'ACCEPTED', accepted_at = ?, accepted_by = ?, accepted_by_name = ?
                 where id = ?""")
                .params(now, actor.userId(), actor.displayName(), planId).update();
        news.forEach((donor, lines) -> notifications.notify(donor, "Enlèvement de matériel planifié",
                "Tournée de collecte mutualisée : " + String.join(" ; ", lines) + ".", "/collection/pickups"));
        return new Acceptance(view(actor, planId), givenCount, moved, kept.size());
    }

    private static String visit(UUID vehicle, LocalDate day, UUID site) {
        return vehicle + "/" + day + "/" + site;
    }

    /** Takes the earlier pickup a stop keeps: the one with the same lots if any, else the first left. */
    private static Given sameVisit(List<Given> candidates, Set<String> lots) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        Given same = candidates.stream().filter(given -> given.lots().equals(lots)).findFirst()
                .orElse(candidates.get(0));
        candidates.remove(same);
        return same;
    }

    /** A donor cancelled a pickup: the plan it belonged to is re-planned from today around it. */
    @TransactionalEventListener
    void onPickupCancelled(PickupCancelled cancelled) {
        replan(cancelled.planId(), "Enlèvement annulé : " + cancelled.reason(), cancelled.cancelledBy(),
                cancelled.cancelledByName());
    }

    /** A vehicle is out of service: what it was to collect, and the re-plans started to collect it otherwise. */
    public record Breakdown(UUID unavailabilityId, int pickupsAffected, List<UUID> replans) {
    }

    /**
     * Takes a vehicle out of service from..to (its collector, or a coordinator): plans leave it out, and the accepted
     * plans it had pickups in are re-planned without it.
     */
    public Breakdown outOfService(Actor actor, UUID vehicleId, LocalDate from, LocalDate to, String reason) {
        UUID owner = jdbc.sql("select organization_id from collection_vehicle where id = ?").param(vehicleId)
                .query(UUID.class).optional().orElseThrow(() -> new NotFoundException("vehicle", vehicleId));
        if (!actor.isCoordinator() && !owner.equals(actor.organizationId())) {
            throw new AccessDeniedException("Only the vehicle's collector or a coordinator takes it out of service");
        }
        if (from == null) {
            throw new InvalidInputException("from", "Required: the first day out of service");
        }
        if (to == null || to.isBefore(from)) {
            throw new InvalidInputException("to", "Required: the last day out of service, from 'from' on");
        }
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw new InvalidInputException("reason", "Required: why (breakdown, inspection...), at most 300 characters");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into vehicle_unavailability (id, vehicle_id, from_day, to_day, reason, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, vehicleId, from, to, reason.strip(), Timestamp.from(clock.instant())).update();
        Map<UUID, Integer> affectedByPlan = new LinkedHashMap<>();
        jdbc.sql("""
                select plan_id, count(*) from collection_pickup
                 where vehicle_id = ? and status = 'SCHEDULED' and day between ? and ? group by plan_id""")
                .params(vehicleId, from, to)
                .query(rs -> {
                    affectedByPlan.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        int affected = affectedByPlan.values().stream().mapToInt(Integer::intValue).sum();
        List<UUID> replans = new ArrayList<>();
        for (UUID plan : affectedByPlan.keySet()) {
            replan(plan, "Véhicule indisponible : " + reason.strip(), actor.userId(), actor.displayName())
                    .ifPresent(replans::add);
        }
        return new Breakdown(id, affected, replans);
    }

    /**
     * Starts re-planning an accepted plan from today to its end, keeping its pickups where they can stay; empty when the
     * plan is over, no longer the accepted one, of another territory, or another plan is solving (the coordinator then
     * re-plans by hand).
     */
    Optional<UUID> replan(UUID planId, String reason, UUID userId, String userName) {
        record Accepted(String status, LocalDate from, LocalDate to, UUID fleetOf) {
        }
        Accepted accepted = jdbc.sql("""
                select status, horizon_from, horizon_to, fleet_of from collection_plan where id = ? and territory = ?""")
                .params(planId, properties.territory())
                .query((rs, n) -> new Accepted(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, UUID.class)))
                .optional().orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        if (accepted == null || !"ACCEPTED".equals(accepted.status()) || accepted.to().isBefore(today)) {
            return Optional.empty();
        }
        LocalDate from = accepted.from().isBefore(today) ? today : accepted.from();
        try {
            return Optional.of(begin(from, accepted.to(), accepted.fleetOf(), planId, reason, properties.replanTimeLimit(),
                    userId, userName));
        } catch (CollectionConflictException e) {
            log.info("Collection plan {} not re-planned ({}): {}", planId, reason, e.getMessage());
            return Optional.empty();
        }
    }

    /** Records a plan's latest best score with its heartbeat. */
    private boolean beat(UUID id, Active active, Timestamp now) {
        CollectionProgress latest = active.latest.get();
        return jdbc.sql("""
                update collection_plan set heartbeat_at = ?, score = coalesce(cast(? as jsonb), score),
                                           feasible = coalesce(?, feasible), progress = cast(? as jsonb)
                 where id = ? and status = 'RUNNING' returning stop_requested""")
                .params(now, latest == null ? null : json.write(score(latest.score())),
                        latest == null ? null : latest.feasible(), json.write(active.points()), id)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Marks failed the plans whose instance stopped answering. */
    int sweepCrashed() {
        return runs.sweepCrashed();
    }

    private void finish(UUID id, Active active, CollectionPlan plan, Throwable failure) {
        runs.done(id);
        if (runs.closing()) {
            return;
        }
        try {
            if (failure != null) {
                log.warn("Collection plan {} failed", id, failure);
                runs.fail(id, "The router failed: " + failure.getMessage());
                return;
            }
            int updated = jdbc.sql("""
                    update collection_plan set status = 'SOLVED', finished_at = ?, heartbeat_at = ?,
                           score = cast(? as jsonb), feasible = ?, plan = cast(? as jsonb), progress = cast(? as jsonb)
                     where id = ? and status = 'RUNNING'""")
                    .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()),
                            json.write(score(plan.score())), plan.feasible(),
                            json.write(new Stored(plan.routes(), plan.unserved())), json.write(active.points()), id)
                    .update();
            if (updated == 0) {
                log.warn("Collection plan {} was no longer running when it finished (marked failed meanwhile?)", id);
            }
        } catch (RuntimeException e) {
            log.error("Could not record collection plan {}", id, e);
            runs.fail(id, "The plan could not be recorded: " + e.getMessage());
        }
    }

    @Override
    public void destroy() {
        runs.close();
    }

    private static PlanView.Score score(RouteScore score) {
        return new PlanView.Score(score.hard(), score.unservedLots(), score.acceptedMoved(), score.routes(),
                Math.round(score.costEuros() * 100) / 100.0);
    }

    private static final String SELECT = """
            select id, status, horizon_from, horizon_to, time_limit_seconds, fleet_of, replans, reason, started_by_name,
                   started_at, finished_at, score, feasible, plan, progress, failure, accepted_at, accepted_by_name,
                   inputs
              from collection_plan""";

    private PlanInputs inputs(UUID id) {
        String inputs = jdbc.sql("select inputs from collection_plan where id = ?").param(id).query(String.class).single();
        return json.read(inputs, PlanInputs.class);
    }

    private PlanView view(ResultSet rs, boolean detailed) throws SQLException {
        String score = rs.getString("score");
        String stored = rs.getString("plan");
        List<PlanView.Route> routes = List.of();
        List<PlanView.Unserved> unserved = List.of();
        if (detailed && stored != null) {
            PlanInputs inputs = json.read(rs.getString("inputs"), PlanInputs.class);
            Stored plan = json.read(stored, Stored.class);
            routes = routes(plan, inputs);
            unserved = unserved(plan, inputs);
        }
        return new PlanView(rs.getObject("id", UUID.class), rs.getString("status"),
                rs.getObject("horizon_from", LocalDate.class), rs.getObject("horizon_to", LocalDate.class),
                rs.getInt("time_limit_seconds"), rs.getObject("fleet_of", UUID.class), rs.getObject("replans", UUID.class),
                rs.getString("reason"), rs.getString("started_by_name"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), score == null ? null : json.read(score, PlanView.Score.class),
                rs.getObject("feasible", Boolean.class), routes, unserved,
                detailed ? json.read(rs.getString("progress"), PROGRESS) : List.of(), rs.getString("failure"),
                instant(rs.getTimestamp("accepted_at")), rs.getString("accepted_by_name"));
    }

    private static List<PlanView.Route> routes(Stored plan, PlanInputs inputs) {
        Map<UUID, PlanInputs.Site> sites = inputs.sites().stream()
                .collect(Collectors.toMap(PlanInputs.Site::id, Function.identity()));
        Map<UUID, PlanInputs.Vehicle> vehicles = inputs.vehicles().stream()
                .collect(Collectors.toMap(PlanInputs.Vehicle::id, Function.identity()));
        Map<UUID, PlanInputs.Place> workshops = inputs.workshops().stream()
                .collect(Collectors.toMap(PlanInputs.Place::id, Function.identity()));
        Map<String, PlanInputs.Lot> lots = inputs.lots().stream()
                .collect(Collectors.toMap(PlanInputs.Lot::id, Function.identity()));
        List<PlanView.Route> routes = new ArrayList<>();
        for (CollectionPlan.Route route : plan.routes()) {
            PlanInputs.Vehicle vehicle = vehicles.get(UUID.fromString(route.vehicleId()));
            PlanInputs.Place workshop = workshops.get(UUID.fromString(route.workshopId()));
            List<PlanView.Stop> stops = new ArrayList<>();
            for (CollectionPlan.Stop stop : route.stops()) {
                PlanInputs.Site site = sites.get(UUID.fromString(stop.siteId()));
                int devices = stop.lotIds().stream().mapToInt(lot -> lots.get(lot).devices()).sum();
                PlanView.Stop previous = stops.isEmpty() ? null : stops.get(stops.size() - 1);
                if (previous != null && previous.siteId().equals(site.id())) {
                    // The engine loads a site's lots one after the other; for the donor it is one visit.
                    List<String> lotIds = new ArrayList<>(previous.lotIds());
                    lotIds.addAll(stop.lotIds());
                    stops.set(stops.size() - 1, new PlanView.Stop(site.id(), site.name(), site.donor(), lotIds,
                            previous.devices() + devices, previous.arrival(), stop.departure(), site.latitude(),
                            site.longitude()));
                } else {
                    stops.add(new PlanView.Stop(site.id(), site.name(), site.donor(), stop.lotIds(), devices,
                            stop.arrival(), stop.departure(), site.latitude(), site.longitude()));
                }
            }
            routes.add(new PlanView.Route(vehicle.id(), vehicle.name(), vehicle.organization(), route.day(), stops,
                    workshop.id(), workshop.name(), round(route.distanceKm()), round(route.durationHours()),
                    round(route.loadM3()), round(route.loadKg()), route.devices(), round(route.kgCo2e()),
                    new PlanView.Place(vehicle.depot(), vehicle.depotLatitude(), vehicle.depotLongitude()),
                    new PlanView.Place(workshop.name(), workshop.latitude(), workshop.longitude())));
        }
        routes.sort((a, b) -> a.day().equals(b.day()) ? a.vehicle().compareTo(b.vehicle()) : a.day().compareTo(b.day()));
        return routes;
    }

    private static List<PlanView.Unserved> unserved(Stored plan, PlanInputs inputs) {
        Map<UUID, PlanInputs.Site> sites = inputs.sites().stream()
                .collect(Collectors.toMap(PlanInputs.Site::id, Function.identity()));
        Map<String, PlanInputs.Lot> lots = inputs.lots().stream()
                .collect(Collectors.toMap(PlanInputs.Lot::id, Function.identity()));
        return plan.unserved().stream().map(left -> {
            PlanInputs.Lot lot = lots.get(left.lotId());
            PlanInputs.Site site = sites.get(lot.siteId());
            return new PlanView.Unserved(lot.id(), site.name(), site.donor(), lot.category(), lot.devices(),
                    left.reason());
        }).toList();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Who plans: a coordinator the whole fleet (null), a collector its own. */
    private static UUID planner(Actor actor) {
        if (actor.isCoordinator()) {
            return null;
        }
        if (actor.hasRole(OrganizationRole.COLLECTOR)) {
            return actor.organizationId();
        }
        throw new AccessDeniedException("Only coordinators and collectors plan collection routes");
    }

    private static void reader(Actor actor) {
        if (!actor.isCoordinator() && !actor.hasRole(OrganizationRole.COLLECTOR)) {
            throw new AccessDeniedException("Only coordinators and collectors see collection plans");
        }
    }

    /** A coordinator decides any plan; a collector, the plans of its own fleet. */
    private static void requireMayAccept(Actor actor, PlanView plan) {
        if (!mayDecide(actor, plan)) {
            throw new AccessDeniedException("Only a coordinator, or the collector whose fleet it plans, decides this plan");
        }
    }

    static boolean mayDecide(Actor actor, PlanView plan) {
        return actor.isCoordinator() || actor.organizationId().equals(plan.fleetOf());
    }
}
