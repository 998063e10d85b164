package org.boucle.marketplace.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One page of catalogue search results, as the API returns it and the page renders it. */
public record SearchResult(long total, List<Item> items, Map<String, List<Facet>> facets, String nextCursor) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, String kind, String title, String category, String categoryLabel,
            String manufacturer, String model, String grade, int quantityAvailable, BigDecimal unitPrice,
            boolean donation, String currency, LocalDate availableFrom, LocalDate availableUntil,
            Integer warrantyMonths, Integer ramGb, String storageType, Integer storageGb, Double screenInches,
            Site site, Seller seller, Double co2AvoidedKg, Double distanceKm, String photoUrl) {
    }

    public record Site(String commune, double lat, double lon) {
    }

    public record Seller(String id, String name) {
    }

    /** A facet value; label is how to display it (a seller's name, a manufacturer as written). */
    public record Facet(String value, String label, long count) {
    }
}
