package org.boucle.search.catalog;

/**
 * One search result.
 *
 * @param distanceKm from {@link ListingQuery#near()}, {@code null} when no point was given
 */
public record ListingHit(ListingDocument listing, Double distanceKm) {
}
