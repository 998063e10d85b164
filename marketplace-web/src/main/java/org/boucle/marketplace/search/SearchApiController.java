package org.boucle.marketplace.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.boucle.marketplace.platform.Problems;
import org.boucle.search.catalog.SearchUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Catalogue search")
class SearchApiController {

    private final CatalogSearch search;

    SearchApiController(CatalogSearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search the catalogue", description = """
            Parameters: q (text; French without accents, plurals or case mattering, one typo tolerated), kind,
            category, grade, manufacturer, commune, seller (each repeatable or comma-separated), minRamGb,
            minStorageGb, minPrice, maxPrice (excl. VAT; a donation counts as 0), availableBefore (YYYY-MM-DD),
            near (lat,lon) with radiusKm, sort (relevance | price | -price | distance | availability),
            size (1-100, default 20), cursor (the previous page's nextCursor). Each item's quantityAvailable is read
            from the database as the search runs; a listing leaves the results moments after its last unit is held.""")
    SearchResult search(@RequestParam MultiValueMap<String, String> params) {
        return search.search(SearchRequest.parse(params));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Suggestions as you type: model names and categories")
    Suggestions suggestions(@RequestParam(name = "q", defaultValue = "") String prefix) {
        return new Suggestions(prefix.length() > 100 ? List.of() : search.suggest(prefix));
    }

    record Suggestions(List<String> suggestions) {
    }

    @ExceptionHandler(InvalidSearchException.class)
    ProblemDetail invalid(InvalidSearchException e) {
        return Problems.invalid(e.getMessage(), e.errors());
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ProblemDetail unavailable() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", "Search unavailable",
                "The catalogue search is temporarily unavailable; try again in a moment");
    }
}
