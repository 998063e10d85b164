package org.boucle.marketplace.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every optimiser run of the platform shares, whatever it optimises: it solves on the instance that started it and
 * is persisted in a table so that every instance can show and stop it. The table has the columns {@code id, territory,
 * status ('RUNNING' while it solves, 'FAILED' when it could not finish), heartbeat_at, instance_id, stop_requested,
 * finished_at, failure}, and a unique index on the territory's running run so that one solves at a time whichever
 * instance starts it.
 * <p>
 * The instance solving a run writes its heartbeat (and, through {@link Beat}, its latest best result) every
 * {@link Timing#heartbeat()}; any instance marks failed a run whose heartbeat is older than
 * {@link Timing#heartbeatTimeout()}, and a stop asked on another instance reaches the solving one at its next heartbeat.
 *
 * @param <R> a run solving here
 */
public final class SolvingRuns<R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SolvingRuns.class);

    /**
     * @param heartbeat how often the instance solving a run records that it still does, and its latest result
     * @param heartbeatTimeout a running run whose heartbeat is older than this has crashed, and is marked failed
     * @param sweepInterval how often each instance looks for such runs
     */
    public record Timing(Duration heartbeat, Duration heartbeatTimeout, Duration sweepInterval) {
    }

    /** Records a run's heartbeat and latest result; answers whether a stop was asked for meanwhile. */
    @FunctionalInterface
    public interface Beat<R> {
        boolean beat(UUID id, R run, Timestamp now);
    }

    private final String table;
    private final String territory;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Timing timing;
    private final Beat<R> beat;
    private final Consumer<R> stopper;
    private final String instanceId;
    private final Map<UUID, R> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats;
    private volatile boolean closing;

    /**
     * @param table the runs' table (a constant of the caller: it is written into the SQL)
     * @param stopper ends a run solving here, which then delivers its best result
     */
    public SolvingRuns(String table, String territory, JdbcClient jdbc, Clock clock, Timing timing, Beat<R> beat,
            Consumer<R> stopper) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.table = table;
        this.territory = territory;
        this.jdbc = jdbc;
        this.clock = clock;
        this.timing = timing;
        this.beat = beat;
        this.stopper = stopper;
        this.instanceId = hostName() + "/" + UUID.randomUUID();
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, table.replace('_', '-') + "s");
            thread.setDaemon(true);
            return thread;
        });
        long period = timing.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beatAll, period, period, TimeUnit.MILLISECONDS);
        long sweep = timing.sweepInterval().toMillis();
        heartbeats.scheduleWithFixedDelay(this::sweepQuietly, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /** Which instance solves the runs started here, as recorded in {@code instance_id}. */
    public String instanceId() {
        return instanceId;
    }

    /** The territory's run still solving, on any instance: what a refused start names. */
    public Optional<UUID> running() {
        return jdbc.sql("select id from " + table + " where territory = ? and status = 'RUNNING'").param(territory)
                .query(UUID.class).optional();
    }

    /** A run now solving here: heartbeats start at once. */
    public void solving(UUID id, R run) {
        active.put(id, run);
    }

    /** A run that stopped solving here (finished or failed). */
    public void done(UUID id) {
        active.remove(id);
    }

    /** True once the application stops: runs ending now must not record a result. */
    public boolean closing() {
        return closing;
    }

    /** Ends a run now, wherever it solves: here at once, elsewhere at that instance's next heartbeat. */
    public void stop(UUID id) {
        R run = active.get(id);
        if (run != null) {
            stopper.accept(run);
        } else {
            jdbc.sql("update " + table + " set stop_requested = true where id = ? and status = 'RUNNING'").param(id)
                    .update();
        }
    }

    /** Marks a running run failed, saying why. */
    public void fail(UUID id, String reason) {
        jdbc.sql("update " + table + " set status = 'FAILED', failure = ?, finished_at = ? where id = ? and status = 'RUNNING'")
                .params(reason, Timestamp.from(clock.instant()), id).update();
    }

    /** Marks failed the runs whose instance stopped answering (not those solving here, which are alive). */
    public int sweepCrashed() {
        Instant now = clock.instant();
        List<UUID> ours = new ArrayList<>(active.keySet());
        ours.add(new UUID(0, 0)); // never an empty list
        return jdbc.sql("update " + table + " set " + """
                status = 'FAILED', finished_at = :now,
                failure = 'The instance solving it stopped answering (no heartbeat since ' || heartbeat_at || ')'
                where territory = :territory and status = 'RUNNING' and heartbeat_at < :stale and id not in (:ours)""")
                .param("now", Timestamp.from(now)).param("territory", territory)
                .param("stale", Timestamp.from(now.minus(timing.heartbeatTimeout())))
                .param("ours", ours)
                .update();
    }

    private void beatAll() {
        active.forEach((id, run) -> {
            try {
                if (beat.beat(id, run, Timestamp.from(clock.instant()))) {
                    stopper.accept(run);
                }
            } catch (RuntimeException e) {
                log.warn("Could not record the heartbeat of run {} in {}", id, table, e);
            }
        });
    }

    private void sweepQuietly() {
        try {
            sweepCrashed();
        } catch (RuntimeException e) {
            log.warn("Could not look for crashed runs in {}", table, e);
        }
    }

    /** The instance is stopping: its runs end with it, and say so rather than stay "running". */
    @Override
    public void close() {
        closing = true;
        heartbeats.shutdownNow();
        for (UUID id : active.keySet()) {
            try {
                fail(id, "The application stopped during the run");
            } catch (RuntimeException e) {
                log.warn("Could not mark run {} in {} failed", id, table, e);
            }
        }
        active.clear();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
