package org.boucle.marketplace.allocation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.boucle.engine.allocation.AllocationPlan;
import org.boucle.engine.allocation.AllocationProblem;
import org.boucle.engine.allocation.AllocationProgress;
import org.boucle.engine.allocation.AllocationRun;
import org.boucle.engine.allocation.AllocationSolver;
import org.boucle.engine.allocation.Assignment;
import org.boucle.engine.allocation.ConstraintScore;
import org.boucle.engine.allocation.Demand;
import org.boucle.engine.allocation.DemandExplanation;
import org.boucle.engine.allocation.PlanMetrics;
import org.boucle.engine.allocation.SupplyBatch;
import org.boucle.marketplace.demand.Demands;
import org.boucle.marketplace.notification.Notifications;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.platform.JsonText;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.platform.SolvingRuns;
import org.boucle.marketplace.reservation.InsufficientQuantityException;
import org.boucle.marketplace.reservation.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocation runs: started by coordinators over the territory's current supply and demand, solved on the instance that
 * started them, persisted as they improve so that every instance can show, stop and accept them. One run at a time per
 * territory, whichever instance starts it (a unique index); a run whose instance stops answering is marked failed by
 * any other (its heartbeat ages).
 */
@Service
public class AllocationRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AllocationRuns.class);
    /** Enough points to draw the score's curve; a long run's later improvements replace the oldest middle ones. */
    private static final int MAX_PROGRESS_POINTS = 400;
    private static final int HISTORY = 50;
    private static final TypeReference<List<ConstraintScore>> CONSTRAINTS = new TypeReference<>() {
    };
    private static final TypeReference<List<DemandExplanation>> EXPLANATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<RunView.ProgressPoint>> PROGRESS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AllocationSolver solver;
    private final TerritorySupply territory;
    private final Reservations reservations;
    private final Demands demands;
    private final Notifications notifications;
    private final Organizations organizations;
    private final JsonText json;
    private final AllocationProperties properties;
    private final Clock clock;
    private final SolvingRuns<Active> runs;

    AllocationRuns(JdbcClient jdbc, PlatformTransactionManager transactionManager, AllocationSolver solver,
            TerritorySupply territory, Reservations reservations, Demands demands, Notifications notifications,
            Organizations organizations, JsonText json, AllocationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.solver = solver;
        this.territory = territory;
        this.reservations = reservations;
        this.demands = demands;
        this.notifications = notifications;
        this.organizations = organizations;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.runs = new SolvingRuns<>("allocation_run", properties.territory(), jdbc, clock,
                new SolvingRuns.Timing(properties.heartbeat(), properties.heartbeatTimeout(), properties.sweepInterval()),
                this::beat, Active::stop);
    }

    /** A run solving on this instance: its latest best plan, written at the next heartbeat. */
    private static final class Active {
        final TerritorySupply.Snapshot snapshot;
        final AtomicReference<AllocationProgress> latest = new AtomicReference<>();
        final List<RunView.ProgressPoint> points = Collections.synchronizedList(new ArrayList<>());
        volatile AllocationRun run;

        Active(TerritorySupply.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        void improved(AllocationProgress progress) {
            latest.set(progress);
            synchronized (points) {
                if (points.size() == MAX_PROGRESS_POINTS) {
                    points.remove(MAX_PROGRESS_POINTS / 2);
                }
                points.add(new RunView.ProgressPoint(progress.elapsed().toMillis(), progress.score().hard(),
                        progress.score().soft()));
            }
        }

        void stop() {
            if (run != null) {
                run.stop();
            }
        }

        List<RunView.ProgressPoint> points() {
            synchronized (points) {
                return List.copyOf(points);
            }
        }
    }

    /**
     * Starts a run over the territory's current supply and demand.
     *
     * @throws AllocationConflictException when a run is already under way, or there is nothing to allocate
     */
    public UUID start(Actor actor, Integer timeLimitSeconds) {
        requireCoordinator(actor);
        long maxSeconds = properties.maxTimeLimit().toSeconds();
        if (timeLimitSeconds == null || timeLimitSeconds < 1 || timeLimitSeconds > maxSeconds) {
            throw new InvalidInputException("timeLimitSeconds", "a number of seconds from 1 to " + maxSeconds);
        }
        sweepCrashed();
        TerritorySupply.Snapshot snapshot = territory.now();
        if (snapshot.problem().demands().isEmpty()) {
            throw new AllocationConflictException("nothing-to-allocate",
                    "No open need to serve: buyers and associations post theirs first", null);
        }
        if (snapshot.problem().supply().isEmpty()) {
            throw new AllocationConflictException("nothing-to-allocate", "No equipment on offer to allocate", null);
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into allocation_run (id, territory, status, time_limit_seconds, started_by, started_by_name,
                                                started_at, heartbeat_at, instance_id, inputs, fund_balance_cents)
                    values (?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                    .params(id, properties.territory(), timeLimitSeconds, actor.userId(), actor.displayName(), now, now,
                            runs.instanceId(), json.write(snapshot.inputs()),
                            snapshot.problem().solidarityFundBalanceCents())
                    .update();
        } catch (DuplicateKeyException underWay) {
            throw new AllocationConflictException("run-under-way",
                    "A run is already under way for the territory: stop it or wait for it to end",
                    runs.running().orElse(null));
        }
        Active run = new Active(snapshot);
        runs.solving(id, run);
        try {
            run.run = solver.start(snapshot.problem(), Duration.ofSeconds(timeLimitSeconds), run::improved);
        } catch (RuntimeException e) {
            runs.done(id);
            runs.fail(id, "The optimiser refused the problem: " + e.getMessage());
            throw e;
        }
        run.run.plan().whenComplete((plan, failure) -> finish(id, run, plan, failure));
        return id;
    }

    /** Ends a run now, wherever it solves: it keeps the best plan found so far. */
    public RunView stop(Actor actor, UUID id) {
        requireCoordinator(actor);
        runs.stop(id);
        return view(actor, id);
    }

    public RunView view(Actor actor, UUID id) {
        requireCoordinator(actor);
        return jdbc.sql("""
                select id, status, time_limit_seconds, started_by_name, started_at, finished_at, hard_score, soft_score,
                       metrics, constraints, explanations, progress, fund_balance_cents, failure, accepted_at,
                       accepted_by_name
                  from allocation_run where id = ?""")
                .param(id)
                .query((rs, n) -> view(rs, assignments(id)))
                .optional()
                .orElseThrow(() -> new NotFoundException("allocation run", id));
    }

    /** What the run saw: supply and needs with their names and places. */
    RunInputs inputs(Actor actor, UUID id) {
        requireCoordinator(actor);
        return jdbc.sql("select inputs from allocation_run where id = ?").param(id).query(String.class).optional()
                .map(text -> json.read(text, RunInputs.class))
                .orElseThrow(() -> new NotFoundException("allocation run", id));
    }

    /** The territory's latest runs, newest first, without their plans' details. */
    public List<RunView> recent(Actor actor) {
        requireCoordinator(actor);
        return jdbc.sql("""
                select id, status, time_limit_seconds, started_by_name, started_at, finished_at, hard_score, soft_score,
                       metrics, null, null, '[]', fund_balance_cents, failure, accepted_at, accepted_by_name
                  from allocation_run where territory = ? order by started_at desc limit ?""")
                .params(properties.territory(), HISTORY)
                .query((rs, n) -> view(rs, List.of()))
                .list();
    }

    /**
     * The plan to compare a run with: the last plan accepted before it started, or else the last plan solved before
     * it.
     */
    public Optional<RunView> previous(Actor actor, UUID id) {
        requireCoordinator(actor);
        return jdbc.sql("""
                select p.id from allocation_run p join allocation_run r on r.id = ?
                 where p.territory = r.territory and p.started_at < r.started_at and p.status in ('ACCEPTED', 'SOLVED')
                 order by p.status = 'ACCEPTED' desc, p.started_at desc limit 1""")
                .param(id).query(UUID.class).optional()
                .map(previous -> view(actor, previous));
    }

    /** The outcome of accepting a plan: what was held for each recipient, and what could not be. */
    public record Acceptance(RunView run, int unitsHeld, int conflicts) {
    }

    /**
     * Accepts a solved, feasible plan: holds its units for their recipients through the reservation component (so the
     * stock rules hold: units sold since the run cannot be held twice), counts them against the needs, and tells each
     * recipient. An assignment whose units are gone, or whose need changed, is recorded as a conflict and the others
     * go ahead.
     */
    public Acceptance accept(Actor actor, UUID id) {
        requireCoordinator(actor);
        Acceptance acceptance = transactions.execute(tx -> {
            String status = jdbc.sql("select status from allocation_run where id = ? for update").param(id)
                    .query(String.class).optional().orElseThrow(() -> new NotFoundException("allocation run", id));
            if (!"SOLVED".equals(status)) {
                throw new AllocationConflictException("not-solved", "Only a solved plan can be accepted; this run is "
                        + status, id);
            }
            RunView run = view(actor, id);
            if (!Boolean.TRUE.equals(run.feasible())) {
                throw new AllocationConflictException("not-feasible",
                        "This plan breaks hard constraints (score " + run.score() + "): it cannot be accepted", id);
            }
            RunInputs inputs = inputs(actor, id);
            Map<UUID, RunInputs.Need> needs = inputs.demands().stream()
                    .collect(Collectors.toMap(RunInputs.Need::id, Function.identity()));
            Map<UUID, RunInputs.Supply> supply = inputs.supply().stream()
                    .collect(Collectors.toMap(RunInputs.Supply::id, Function.identity()));
            Map<UUID, Actor> recipients = new HashMap<>();
            Map<UUID, List<String>> heldByRecipient = new LinkedHashMap<>();
            int held = 0;
            int conflicts = 0;
            for (RunView.Assignment assignment : run.assignments()) {
                RunInputs.Need need = needs.get(assignment.demandId());
                Actor recipient = recipients.computeIfAbsent(need.organizationId(), org -> new Actor(actor.userId(),
                        actor.email(), actor.displayName(), org, need.organizationName(),
                        organizations.summary(org).roles()));
                // An association pays what the plan agreed (the fund covers the rest); a buyer, the listing's price.
                String conflict = hold(id, assignment, recipient, need.association() ? assignment.unitPrice() : null);
                if (conflict == null) {
                    held += assignment.quantity();
                    heldByRecipient.computeIfAbsent(need.organizationId(), org -> new ArrayList<>())
                            .add(assignment.quantity() + " × " + supply.get(assignment.supplyId()).title());
                } else {
                    conflicts++;
                    jdbc.sql("update allocation_assignment set conflict = ? where run_id = ? and listing_id = ?"
                                    + " and demand_id = ?")
                            .params(conflict, id, assignment.supplyId(), assignment.demandId()).update();
                }
            }
            jdbc.sql("""
                    update allocation_run set status = 'ACCEPTED', accepted_at = ?, accepted_by = ?, accepted_by_name = ?
                     where id = ?""")
                    .params(Timestamp.from(clock.instant()), actor.userId(), actor.displayName(), id).update();
            long holdDays = Math.max(1, properties.allocatedHold().toDays());
            heldByRecipient.forEach((organization, lines) -> notifications.notify(organization,
                    "Équipements attribués par Boucle",
                    "Le plan d'attribution du territoire vous réserve : " + String.join(", ", lines)
                            + ". Confirmez-les dans vos réservations sous " + holdDays + " jours.",
                    "/reservations"));
            return new Acceptance(view(actor, id), held, conflicts);
        });
        return acceptance;
    }

    /**
     * Holds one assignment's units; null when held, else why not. Nothing is written before the hold succeeds: the need
     * is checked (and locked) first, and a refused hold changes nothing.
     */
    private String hold(UUID runId, RunView.Assignment assignment, Actor recipient, BigDecimal agreedUnitPrice) {
        if (demands.lockRemaining(assignment.demandId()) < assignment.quantity()) {
            return "the need was withdrawn or served meanwhile";
        }
        UUID reservation;
        try {
            reservation = reservations.reserveFor(recipient, assignment.supplyId(), assignment.quantity(),
                    "allocation/" + runId + "/" + assignment.supplyId() + "/" + assignment.demandId(),
                    properties.allocatedHold(), agreedUnitPrice).reservation().id();
        } catch (InsufficientQuantityException | AccessDeniedException e) {
            return e.getMessage();
        } catch (NotFoundException e) {
            return "the listing was withdrawn";
        }
        if (!demands.recordAllocated(assignment.demandId(), assignment.quantity())) {
            throw new IllegalStateException("need " + assignment.demandId() + " changed while locked");
        }
        jdbc.sql("update allocation_assignment set reservation_id = ? where run_id = ? and listing_id = ? and demand_id = ?")
                .params(reservation, runId, assignment.supplyId(), assignment.demandId()).update();
        return null;
    }

    /** Records a run's latest best plan with its heartbeat. */
    private boolean beat(UUID id, Active run, Timestamp now) {
        AllocationProgress latest = run.latest.get();
        return jdbc.sql("""
                update allocation_run set heartbeat_at = ?, hard_score = coalesce(?, hard_score),
                                          soft_score = coalesce(?, soft_score),
                                          metrics = coalesce(cast(? as jsonb), metrics),
                                          progress = cast(? as jsonb)
                 where id = ? and status = 'RUNNING' returning stop_requested""")
                .params(now, latest == null ? null : latest.score().hard(),
                        latest == null ? null : latest.score().soft(),
                        latest == null ? null : json.write(latest.metrics()), json.write(run.points()), id)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Marks failed the runs whose instance stopped answering. */
    int sweepCrashed() {
        return runs.sweepCrashed();
    }

    private void finish(UUID id, Active run, AllocationPlan plan, Throwable failure) {
        runs.done(id);
        if (runs.closing()) {
            return;
        }
        try {
            if (failure != null) {
                log.warn("Allocation run {} failed", id, failure);
                runs.fail(id, "The optimiser failed: " + failure.getMessage());
                return;
            }
            transactions.executeWithoutResult(tx -> save(id, run, plan));
        } catch (RuntimeException e) {
            log.error("Could not record the plan of allocation run {}", id, e);
            runs.fail(id, "The plan could not be recorded: " + e.getMessage());
        }
    }

    private void save(UUID id, Active run, AllocationPlan plan) {
        AllocationProblem problem = run.snapshot.problem();
        Map<String, SupplyBatch> supply = problem.supply().stream()
                .collect(Collectors.toMap(SupplyBatch::id, Function.identity()));
        Map<String, Demand> demands = problem.demands().stream()
                .collect(Collectors.toMap(Demand::id, Function.identity()));
        for (Assignment assignment : plan.assignments()) {
            SupplyBatch batch = supply.get(assignment.supplyId());
            Demand demand = demands.get(assignment.demandId());
            long paid = demand.unitPriceCents(batch);
            jdbc.sql("""
                    insert into allocation_assignment (run_id, listing_id, demand_id, quantity, unit_paid_cents,
                                                       unit_subsidy_cents, km)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, UUID.fromString(assignment.supplyId()), UUID.fromString(assignment.demandId()),
                            assignment.quantity(), paid, batch.sharing().subsidyCents(paid),
                            problem.transport().kilometres(batch.site(), demand.deliverySite()))
                    .update();
        }
        int updated = jdbc.sql("""
                update allocation_run set status = 'SOLVED', finished_at = ?, heartbeat_at = ?, hard_score = ?,
                       soft_score = ?, metrics = cast(? as jsonb), constraints = cast(? as jsonb),
                       explanations = cast(? as jsonb), progress = cast(? as jsonb)
                 where id = ? and status = 'RUNNING'""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), plan.score().hard(),
                        plan.score().soft(), json.write(plan.metrics()), json.write(plan.constraints()),
                        json.write(plan.explanations()), json.write(run.points()), id)
                .update();
        if (updated == 0) {
            throw new IllegalStateException("the run was no longer running (marked failed meanwhile?)");
        }
    }

    @Override
    public void destroy() {
        runs.close();
    }

    private List<RunView.Assignment> assignments(UUID runId) {
        return jdbc.sql("""
                select listing_id, demand_id, quantity, unit_paid_cents, unit_subsidy_cents, km, reservation_id, conflict
                  from allocation_assignment where run_id = ? order by demand_id, listing_id""")
                .param(runId)
                .query((rs, n) -> new RunView.Assignment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getInt(3), RunView.euros(rs.getLong(4)), RunView.euros(rs.getLong(5)),
                        Math.round(rs.getDouble(6) * 10) / 10.0, rs.getObject(7, UUID.class), rs.getString(8)))
                .list();
    }

    private RunView view(ResultSet rs, List<RunView.Assignment> assignments) throws SQLException {
        Long hard = rs.getObject(7, Long.class);
        Long soft = rs.getObject(8, Long.class);
        boolean scored = hard != null;
        String metrics = rs.getString(9);
        String constraints = rs.getString(10);
        String explanations = rs.getString(11);
        return new RunView(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                scored ? hard + "hard/" + soft + "soft" : null,
                scored ? hard == 0 : null,
                scored ? -hard : null,
                scored ? BigDecimal.valueOf(soft).movePointLeft(6).setScale(2, RoundingMode.HALF_UP) : null,
                metrics == null ? null : RunView.Metrics.of(json.read(metrics, PlanMetrics.class)),
                assignments,
                constraints == null ? List.of() : json.read(constraints, CONSTRAINTS),
                explanations == null ? List.of() : json.read(explanations, EXPLANATIONS),
                json.read(rs.getString(12), PROGRESS),
                RunView.euros(rs.getLong(13)), rs.getString(14), instant(rs.getTimestamp(15)), rs.getString(16));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static void requireCoordinator(Actor actor) {
        if (!actor.hasRole(OrganizationRole.COORDINATOR)) {
            throw new AccessDeniedException("Only coordinators run the allocation");
        }
    }
}
