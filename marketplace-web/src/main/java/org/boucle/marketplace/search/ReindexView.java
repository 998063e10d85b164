package org.boucle.marketplace.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A full reindex as coordinators follow it. */
public record ReindexView(UUID id, String status, String indexName, long total, long indexed, long replayed,
        Instant startedAt, Instant finishedAt, String failure) {

    static final String SELECT = """
            select id, status, index_name, total, indexed, replayed, started_at, finished_at, failure
              from search_reindex""";

    static ReindexView map(ResultSet rs, int row) throws SQLException {
        return new ReindexView(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("index_name"),
                rs.getLong("total"), rs.getLong("indexed"), rs.getLong("replayed"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("failure"));
    }

    /** Share of the listings loaded, 0–100. */
    public int percent() {
        return total == 0 ? ("COMPLETED".equals(status) ? 100 : 0) : (int) Math.min(100, indexed * 100 / total);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
