package org.boucle.marketplace.catalog;

import java.time.Instant;

/** One stored photo: its bytes, their type, and a tag that changes whenever the photo at its position does. */
public record ListingPhoto(String contentType, byte[] bytes, Instant createdAt) {

    public String etag() {
        return "\"" + Long.toString(createdAt.getEpochSecond(), 36) + "-" + Integer.toString(createdAt.getNano(), 36)
                + "-" + bytes.length + "\"";
    }
}
