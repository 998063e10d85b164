package org.boucle.marketplace.catalog;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/** A photo as HTTP serves it: its own type, revalidated by ETag, cached only by the user's browser. */
final class PhotoResponses {

    /** Short: a photo removed and replaced keeps its URL, and a paused listing's photos must stop showing soon. */
    private static final Duration FRESH = Duration.ofMinutes(1);

    private PhotoResponses() {
    }

    static ResponseEntity<byte[]> of(ListingPhoto photo, WebRequest request) {
        CacheControl cache = CacheControl.maxAge(FRESH).cachePrivate();
        if (request.checkNotModified(photo.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(photo.etag()).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).eTag(photo.etag())
                .cacheControl(cache).header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(photo.bytes());
    }
}
