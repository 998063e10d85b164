package org.boucle.search.catalog;

/** How search results are ordered. Every order ends with the listing id, so pages never overlap. */
public enum SortOrder {
    /** Best text match first (then nearest when a point is given). */
    RELEVANCE,
    /** Cheapest first; a donation counts as 0. */
    PRICE_ASC,
    /** Most expensive first. */
    PRICE_DESC,
    /** Nearest first; needs {@link ListingQuery#near()}. */
    DISTANCE,
    /** Soonest available first. */
    AVAILABILITY
}
