package org.boucle.marketplace.search;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.boucle.search.catalog.ListingDocument;
import org.boucle.search.catalog.ListingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the search outbox into the index. Each batch is claimed with {@code for update skip locked} (so instances
 * share the work), indexed from the listings' current rows, and marked done in the same transaction only once
 * Elasticsearch has acknowledged it: if Elasticsearch is down the claim rolls back and the changes wait, with a
 * growing pause between attempts. Indexing uses each listing's version as the external version, so batches that
 * race or replay never let an older state win.
 */
@Component
class ListingIndexer {

    private static final Logger log = LoggerFactory.getLogger(ListingIndexer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ListingDocuments documents;
    private final ListingIndex index;
    private final SearchProperties.Outbox settings;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-outbox");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    /**
     * When the last drain that indexed something began ({@link System#nanoTime()}): wake-ups wait out the rest of its
     * coalescing window.
     */
    private volatile long lastDrain;
    private final Object draining = new Object();
    private volatile boolean indexReady;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Duration backoff = Duration.ZERO;

    ListingIndexer(JdbcClient jdbc, TransactionTemplate transactions, ListingDocuments documents, ListingIndex index,
            SearchProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.documents = documents;
        this.index = index;
        this.settings = properties.outbox();
        this.clock = clock;
        this.lastDrain = System.nanoTime() - settings.coalesce().toNanos();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        wakeUp();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Called after a listing change commits on this instance: index it now if the index was quiet, else at the end of
     * the last drain's coalescing window, with every change committed meanwhile (at most one drain per window, so a
     * burst of changes reaches Elasticsearch in a few bulk requests, each listing once).
     */
    void wakeUp() {
        if (wakeupPending.compareAndSet(false, true)) {
            long wait = Math.max(0, lastDrain + settings.coalesce().toNanos() - System.nanoTime());
            try {
                worker.schedule(() -> {
                    wakeupPending.set(false);
                    drain();
                }, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // The next instance to start (or poll) picks the change up: it is safe in the outbox.
            }
        }
    }

    /** A safety net: changes whose wake-up was lost (an instance stopped right after committing) still arrive. */
    @Scheduled(fixedDelayString = "${boucle.search.outbox.poll-interval:1s}")
    void poll() {
        drain();
    }

    /** Indexes pending changes until none is left or Elasticsearch fails; returns how many were indexed. */
    int drain() {
        synchronized (draining) {
            if (clock.instant().isBefore(pausedUntil)) {
                return 0;
            }
            long started = System.nanoTime();
            int total = 0;
            try {
                ensureIndex();
                int done;
                do {
                    done = drainBatch();
                    total += done;
                } while (done == settings.batchSize());
                backoff = Duration.ZERO;
                if (total > 0) {
                    // Polls that find nothing leave the index quiet: the next change still goes at once.
                    lastDrain = started;
                }
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofSeconds(1) : min(backoff.multipliedBy(2), settings.maxBackoff());
                pausedUntil = clock.instant().plus(backoff);
                recordFailure(e);
                retryAfter(backoff);
                log.warn("Search outbox: indexing failed, next attempt in {} s ({})", backoff.toSeconds(), e.getMessage());
            }
            return total;
        }
    }

    private void retryAfter(Duration delay) {
        try {
            worker.schedule(this::wakeUp, delay.toMillis() + 50, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // Nothing is lost: the changes stay pending in the outbox.
        }
    }

    private void ensureIndex() {
        if (!indexReady) {
            index.ensureExists();
            indexReady = true;
        }
    }

    private int drainBatch() {
        Integer count = transactions.execute(status -> {
            List<Claimed> claimed = jdbc.sql("""
                    select id, listing_id from search_outbox where processed_at is null
                     order by id limit ? for update skip locked""")
                    .param(settings.batchSize())
                    .query((rs, n) -> new Claimed(rs.getLong(1), rs.getObject(2, UUID.class)))
                    .list();
            if (claimed.isEmpty()) {
                return 0;
            }
            Set<UUID> ids = new LinkedHashSet<>();
            claimed.forEach(c -> ids.add(c.listingId()));
            List<ListingDocument> docs = documents.byIds(ids);
            if (!docs.isEmpty()) {
                index.index(docs);
            }
            jdbc.sql("update search_outbox set processed_at = :now, attempts = attempts + 1 where id in (:ids)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", claimed.stream().map(Claimed::id).toList())
                    .update();
            return claimed.size();
        });
        return count == null ? 0 : count;
    }

    private void recordFailure(RuntimeException e) {
        try {
            jdbc.sql("""
                    update search_outbox set attempts = attempts + 1, last_error = ?
                     where id in (select id from search_outbox where processed_at is null order by id limit ?)""")
                    .param(abbreviate(e.getMessage()))
                    .param(settings.batchSize())
                    .update();
        } catch (RuntimeException ignored) {
            // The database may be what failed; the pending rows are intact either way.
        }
    }

    /** Deletes indexed changes older than the retention: only a reindex running longer than that would need them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        jdbc.sql("delete from search_outbox where processed_at < ?")
                .param(Timestamp.from(clock.instant().minus(settings.retention())))
                .update();
    }

    /** Changes not yet indexed: the health of the pipeline at a glance. */
    long pending() {
        return jdbc.sql("select count(*) from search_outbox where processed_at is null").query(Long.class).single();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String abbreviate(String message) {
        String text = message == null ? "unknown error" : message;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private record Claimed(long id, UUID listingId) {
    }
}
