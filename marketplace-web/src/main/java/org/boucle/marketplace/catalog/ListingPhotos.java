package org.boucle.marketplace.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Photos live in {@code listing_photo}, numbered by position; a removed photo leaves its position free. */
@Component
class ListingPhotos {

    private final JdbcClient jdbc;

    ListingPhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Integer> positions(UUID listing) {
        return jdbc.sql("select position from listing_photo where listing_id = ? order by position").param(listing)
                .query(Integer.class).list();
    }

    void insert(UUID listing, int position, PhotoFormat format, byte[] bytes, Instant now) {
        jdbc.sql("insert into listing_photo (listing_id, position, content_type, bytes, created_at) values (?, ?, ?, ?, ?)")
                .params(listing, position, format.contentType(), bytes, Timestamp.from(now)).update();
    }

    boolean delete(UUID listing, int position) {
        return jdbc.sql("delete from listing_photo where listing_id = ? and position = ?").params(listing, position)
                .update() > 0;
    }

    Optional<ListingPhoto> find(UUID listing, int position) {
        return jdbc.sql("select content_type, bytes, created_at from listing_photo where listing_id = ? and position = ?")
                .params(listing, position)
                .query((rs, n) -> new ListingPhoto(rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }
}
