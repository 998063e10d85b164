package org.boucle.marketplace.search;

import org.boucle.marketplace.organization.Actor;
import org.boucle.search.catalog.ListingIndex;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** What coordinators see of the search pipeline. */
@Component
class SearchStatus {

    private final ListingIndex index;
    private final ListingIndexer indexer;
    private final SearchReindexer reindexer;

    SearchStatus(ListingIndex index, ListingIndexer indexer, SearchReindexer reindexer) {
        this.index = index;
        this.indexer = indexer;
        this.reindexer = reindexer;
    }

    View view(Actor actor) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators see the search pipeline");
        }
        String current;
        Long documents;
        try {
            current = index.currentIndex();
            documents = index.count();
        } catch (RuntimeException unavailable) {
            current = null;
            documents = null;
        }
        return new View(current, documents, indexer.pending(), reindexer.latest(actor).orElse(null));
    }

    /** index and documents are null while Elasticsearch cannot be reached. */
    record View(String index, Long documents, long pendingChanges, ReindexView lastReindex) {
    }
}
