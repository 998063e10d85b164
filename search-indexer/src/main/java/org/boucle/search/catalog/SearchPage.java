package org.boucle.search.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total every matching listing, exactly
 * @param facets by facet name ({@link ListingSearch#FACETS}), each with its values by decreasing count
 * @param nextCursor pass it back in {@link ListingQuery#cursor()} for the next page; {@code null} on the last page
 */
public record SearchPage(long total, List<ListingHit> items, Map<String, List<FacetValue>> facets, String nextCursor) {

    public SearchPage {
        items = List.copyOf(items);
        // Kept in the facet order of ListingSearch.FACETS, for display.
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }
}
