package org.boucle.marketplace.catalog;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the search index has been told: search_outbox rows, per listing or in all. */
record Outbox(JdbcTemplate jdbc) {

    long rows(String listingId) {
        return jdbc.queryForObject("select count(*) from search_outbox where listing_id = ?::uuid", Long.class, listingId);
    }

    long total() {
        return jdbc.queryForObject("select count(*) from search_outbox", Long.class);
    }
}
