package org.boucle.marketplace.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of listings: {@code page} counts from 0. */
public record ListingPage(List<ListingView> items, int page, int size, long total) {

    @JsonProperty
    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
