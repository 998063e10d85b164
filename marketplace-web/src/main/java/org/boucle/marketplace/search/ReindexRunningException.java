package org.boucle.marketplace.search;

import java.util.UUID;

/** Another full reindex is already running (on this instance or another). */
class ReindexRunningException extends RuntimeException {

    private final UUID runningId;

    ReindexRunningException(UUID runningId) {
        super("A reindex is already running");
        this.runningId = runningId;
    }

    UUID runningId() {
        return runningId;
    }
}
