package org.boucle.marketplace.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Boucle's search indices live and how changes reach them. The connection itself is Spring Boot's
 * {@code spring.elasticsearch.*}.
 *
 * @param indexPrefix prefix of every index and alias Boucle owns; the demo and the tests use different ones
 * @param outbox how the outbox of listing changes is drained into the index
 * @param reindexBatchSize listings per bulk request during a full reindex
 */
@ConfigurationProperties("boucle.search")
public record SearchProperties(@DefaultValue("boucle") String indexPrefix, @DefaultValue Outbox outbox,
        @DefaultValue("2000") int reindexBatchSize) {

    /**
     * @param pollInterval how often each instance looks for pending changes (commits on this instance wake it at once)
     * @param batchSize changes claimed per bulk request
     * @param maxBackoff longest wait between attempts while Elasticsearch is unreachable
     * @param retention how long indexed changes are kept: a full reindex replays those its snapshot may have missed
     * @param coalesce the least time between two drains that commits wake up: a change to a quiet index goes at once,
     *        the changes of a busy window go in one bulk request, a listing changed several times once (searches see
     *        them at the index's next refresh, every second, anyway)
     */
    public record Outbox(@DefaultValue("1s") Duration pollInterval, @DefaultValue("500") int batchSize,
            @DefaultValue("30s") Duration maxBackoff, @DefaultValue("1d") Duration retention,
            @DefaultValue("1s") Duration coalesce) {
    }
}
