package org.boucle.marketplace.search;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.search.catalog.ListingDocument;
import org.boucle.search.catalog.ListingHit;
import org.boucle.search.catalog.ListingQuery;
import org.boucle.search.catalog.ListingSearch;
import org.boucle.search.catalog.SearchPage;
import org.boucle.search.catalog.Suggestion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalogue's search, shared by the API and the pages: runs the query and shapes the answer. The index finds
 * listings; the quantity each has left is read from the database, which holds change hundreds of times a second
 * (the index only learns when a listing runs out or comes back).
 */
@Service
public class CatalogSearch {

    private final ListingSearch search;
    private final JdbcClient jdbc;

    CatalogSearch(ListingSearch search, JdbcClient jdbc) {
        this.search = search;
        this.jdbc = jdbc;
    }

    SearchResult search(ListingQuery query) {
        SearchPage page;
        try {
            page = search.search(query);
        } catch (IllegalArgumentException e) {
            // A cursor is only read when the search runs: one that was tampered with or belongs to another sort.
            throw InvalidSearchException.of(e);
        }
        Map<String, List<SearchResult.Facet>> facets = new LinkedHashMap<>();
        page.facets().forEach((name, values) -> facets.put(name, values.stream()
                .map(v -> new SearchResult.Facet(v.value(), v.label(), v.count()))
                .toList()));
        Map<String, Integer> left = quantitiesLeft(page.items());
        return new SearchResult(page.total(), page.items().stream()
                .map(hit -> item(hit, left.getOrDefault(hit.listing().id(), hit.listing().quantityAvailable())))
                .toList(), facets, page.nextCursor());
    }

    private Map<String, Integer> quantitiesLeft(List<ListingHit> hits) {
        if (hits.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> left = new HashMap<>();
        jdbc.sql("select id, quantity_available from listing where id in (:ids)")
                .param("ids", hits.stream().map(hit -> UUID.fromString(hit.listing().id())).toList())
                .query(rs -> {
                    left.put(rs.getString(1), rs.getInt(2));
                });
        return left;
    }

    List<String> suggest(String prefix) {
        return search.suggest(prefix, 8).stream().map(Suggestion::text).toList();
    }

    private static SearchResult.Item item(ListingHit hit, int quantityLeft) {
        ListingDocument d = hit.listing();
        Double distance = hit.distanceKm() == null ? null : Math.round(hit.distanceKm() * 10) / 10.0;
        return new SearchResult.Item(d.id(), d.kind(), d.title(), d.category(), d.categoryLabel(), d.manufacturer(),
                d.model(), d.grade(), quantityLeft, d.unitPrice(), d.donation(), d.currency(),
                d.availableFrom(), d.availableUntil(), d.warrantyMonths(), d.ramGb(), d.storageType(), d.storageGb(),
                d.screenInches(), new SearchResult.Site(d.commune(), d.latitude(), d.longitude()),
                new SearchResult.Seller(d.sellerId(), d.sellerName()), d.co2AvoidedKg(), distance,
                d.photoCount() > 0 ? "/catalog/listings/" + d.id() + "/photos/0" : null);
    }
}
