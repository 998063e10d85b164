package org.boucle.marketplace.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.boucle.search.catalog.ListingDocument;
import org.boucle.search.catalog.ListingHit;
import org.boucle.search.catalog.ListingQuery;
import org.boucle.search.catalog.ListingSearch;
import org.boucle.search.catalog.SearchPage;
import org.boucle.search.catalog.Suggestion;
import org.springframework.stereotype.Service;

/** The catalogue's search, shared by the API and the pages: runs the query and shapes the answer. */
@Service
public class CatalogSearch {

    private final ListingSearch search;

    CatalogSearch(ListingSearch search) {
        this.search = search;
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
        return new SearchResult(page.total(), page.items().stream().map(CatalogSearch::item).toList(), facets,
                page.nextCursor());
    }

    List<String> suggest(String prefix) {
        return search.suggest(prefix, 8).stream().map(Suggestion::text).toList();
    }

    private static SearchResult.Item item(ListingHit hit) {
        ListingDocument d = hit.listing();
        Double distance = hit.distanceKm() == null ? null : Math.round(hit.distanceKm() * 10) / 10.0;
        return new SearchResult.Item(d.id(), d.kind(), d.title(), d.category(), d.categoryLabel(), d.manufacturer(),
                d.model(), d.grade(), d.quantityAvailable(), d.unitPrice(), d.donation(), d.currency(),
                d.availableFrom(), d.availableUntil(), d.warrantyMonths(), d.ramGb(), d.storageType(), d.storageGb(),
                d.screenInches(), new SearchResult.Site(d.commune(), d.latitude(), d.longitude()),
                new SearchResult.Seller(d.sellerId(), d.sellerName()), d.co2AvoidedKg(), distance,
                d.photoCount() > 0 ? "/catalog/listings/" + d.id() + "/photos/0" : null);
    }
}
