package org.boucle.marketplace.search;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records that a listing changed, in the caller's transaction: the change and its way to the search index
 * commit or roll back together. Nothing here talks to Elasticsearch; once the transaction commits, this
 * instance's indexer is woken so the change is searchable within moments.
 */
@Component
public class SearchOutbox {

    private final JdbcClient jdbc;
    private final ListingIndexer indexer;

    SearchOutbox(JdbcClient jdbc, ListingIndexer indexer) {
        this.jdbc = jdbc;
        this.indexer = indexer;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void listingChanged(UUID listingId) {
        jdbc.sql("insert into search_outbox (listing_id) values (?)").param(listingId).update();
        wakeIndexerAfterCommit();
    }

    /** For bulk writers (seeding, imports) that insert their own outbox rows. */
    public void wakeIndexerAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SearchOutbox.this);
                    if (status == STATUS_COMMITTED) {
                        indexer.wakeUp();
                    }
                }
            });
        } else if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            indexer.wakeUp();
        }
    }
}
