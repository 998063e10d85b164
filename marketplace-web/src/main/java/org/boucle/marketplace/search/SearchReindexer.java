package org.boucle.marketplace.search;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.search.catalog.ListingDocument;
import org.boucle.search.catalog.ListingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the catalogue index from PostgreSQL with no downtime: a new index generation is loaded from one
 * consistent snapshot while searches keep using the old one, then the alias moves in one atomic step. Changes
 * that commit meanwhile still flow through the outbox to the old generation; the reindex replays every change
 * its snapshot may have missed (outbox rows whose transaction id is not below the snapshot's xmin) into the new
 * generation before and again after the swap. External versions make those replays harmless.
 */
@Component
class SearchReindexer {

    private static final Logger log = LoggerFactory.getLogger(SearchReindexer.class);
    /** A run whose heartbeat is older than this belonged to an instance that stopped: it no longer blocks. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final int LOADS_IN_FLIGHT = 2;

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate progress;
    private final ListingDocuments documents;
    private final ListingIndex index;
    private final int batchSize;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-reindex");
        thread.setDaemon(true);
        return thread;
    });

    SearchReindexer(JdbcClient jdbc, PlatformTransactionManager transactions, ListingDocuments documents,
            ListingIndex index, SearchProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.progress = new TransactionTemplate(transactions);
        this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.documents = documents;
        this.index = index;
        this.batchSize = properties.reindexBatchSize();
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** Starts a full reindex in the background; refused while another one runs anywhere. */
    ReindexView start(Actor actor) {
        requireCoordinator(actor);
        return launch(actor.userId());
    }

    /**
     * A release whose index definition differs from the one behind the alias (new fields, other analysis)
     * rebuilds the index by itself at startup; searches keep using the old generation until the swap.
     */
    @EventListener(ApplicationReadyEvent.class)
    void reindexIfTheDefinitionChanged() {
        try {
            index.ensureExists();
            if (index.definitionChanged()) {
                log.info("The catalogue index definition changed: rebuilding the index");
                launch(null);
            }
        } catch (ReindexRunningException alreadyRebuilding) {
            // Another instance started it.
        } catch (RuntimeException unavailable) {
            log.warn("Could not check the catalogue index definition: {}", unavailable.getMessage());
        }
    }

    private ReindexView launch(UUID requestedBy) {
        Instant now = clock.instant();
        jdbc.sql("""
                update search_reindex set status = 'FAILED', finished_at = :now,
                       failure = 'abandoned: the instance running it stopped'
                 where status = 'RUNNING' and heartbeat_at < :stale""")
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(ABANDONED_AFTER)))
                .update();
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into search_reindex (id, requested_by, status, started_at, heartbeat_at)
                    values (?, ?, 'RUNNING', ?, ?)""")
                    .params(id, requestedBy, Timestamp.from(now), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException running) {
            throw new ReindexRunningException(running().map(ReindexView::id).orElse(null));
        }
        runner.execute(() -> run(id));
        return view(id).orElseThrow();
    }

    ReindexView status(Actor actor, UUID id) {
        requireCoordinator(actor);
        return view(id).orElseThrow(() -> new NotFoundException("reindex", id));
    }

    Optional<ReindexView> latest(Actor actor) {
        requireCoordinator(actor);
        return jdbc.sql(ReindexView.SELECT + " order by started_at desc limit 1").query(ReindexView::map).optional();
    }

    private Optional<ReindexView> running() {
        return jdbc.sql(ReindexView.SELECT + " where status = 'RUNNING'").query(ReindexView::map).optional();
    }

    private Optional<ReindexView> view(UUID id) {
        return jdbc.sql(ReindexView.SELECT + " where id = ?").param(id).query(ReindexView::map).optional();
    }

    private void run(UUID id) {
        ListingIndex.Reindex reindex = null;
        try {
            index.ensureExists();
            reindex = index.startReindex();
            String target = reindex.indexName();
            record(id, "index_name = ?", target);
            ListingIndex.Reindex loading = reindex;
            String xmin = snapshot.execute(status -> {
                // First statement of the repeatable-read transaction: it fixes the snapshot the stream reads.
                String horizon = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single();
                // Counted in the same snapshot as the stream, so progress never passes the total.
                record(id, "total = ?", documents.count());
                try (Loader loader = new Loader(loading::load, id)) {
                    documents.streamAll(batchSize, loader);
                }
                return horizon;
            });
            record(id, "replayed = ?", replay(xmin, reindex::load));
            reindex.complete();
            long replayed = replay(xmin, index::index);
            jdbc.sql("""
                    update search_reindex set status = 'COMPLETED', replayed = replayed + ?, finished_at = ?,
                           heartbeat_at = ? where id = ?""")
                    .params(replayed, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id)
                    .update();
            log.info("Search reindex {} completed into {}", id, target);
        } catch (RuntimeException e) {
            log.warn("Search reindex {} failed", id, e);
            if (reindex != null) {
                try {
                    reindex.abort();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            jdbc.sql("update search_reindex set status = 'FAILED', failure = ?, finished_at = ? where id = ?")
                    .params(String.valueOf(e.getMessage()), Timestamp.from(clock.instant()), id)
                    .update();
        }
    }

    /** Re-indexes the listings changed by transactions the snapshot may not have seen. */
    private long replay(String xmin, Consumer<List<ListingDocument>> target) {
        List<UUID> changed = jdbc.sql("select distinct listing_id from search_outbox where txid >= ?::xid8")
                .param(xmin)
                .query(UUID.class)
                .list();
        for (int from = 0; from < changed.size(); from += batchSize) {
            List<ListingDocument> docs = documents.byIds(changed.subList(from, Math.min(changed.size(), from + batchSize)));
            if (!docs.isEmpty()) {
                target.accept(docs);
            }
        }
        return changed.size();
    }

    private void record(UUID id, String assignment, Object value) {
        progress.executeWithoutResult(status -> jdbc
                .sql("update search_reindex set " + assignment + ", heartbeat_at = ? where id = ?")
                .params(value, Timestamp.from(clock.instant()), id)
                .update());
    }

    private static void requireCoordinator(Actor actor) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators reindex the catalogue");
        }
    }

    /** Batches the stream and keeps a couple of bulk loads in flight while the next batch is read. */
    private final class Loader implements Consumer<ListingDocument>, AutoCloseable {

        private final Consumer<List<ListingDocument>> load;
        private final UUID id;
        private final ExecutorService loaders = Executors.newFixedThreadPool(LOADS_IN_FLIGHT);
        private final Deque<Future<Integer>> inFlight = new ArrayDeque<>();
        private List<ListingDocument> batch = new ArrayList<>(batchSize);
        private long loaded;

        Loader(Consumer<List<ListingDocument>> load, UUID id) {
            this.load = load;
            this.id = id;
        }

        @Override
        public void accept(ListingDocument document) {
            batch.add(document);
            if (batch.size() == batchSize) {
                submit();
            }
        }

        private void submit() {
            List<ListingDocument> full = batch;
            batch = new ArrayList<>(batchSize);
            if (inFlight.size() == LOADS_IN_FLIGHT) {
                awaitOldest();
            }
            inFlight.add(loaders.submit(() -> {
                load.accept(full);
                return full.size();
            }));
        }

        private void awaitOldest() {
            try {
                loaded += inFlight.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("reindex interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
            record(id, "indexed = ?", loaded);
        }

        @Override
        public void close() {
            try {
                if (!batch.isEmpty()) {
                    submit();
                }
                while (!inFlight.isEmpty()) {
                    awaitOldest();
                }
            } finally {
                loaders.shutdownNow();
            }
        }
    }
}
