package org.boucle.marketplace.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.MapProperties;
import org.boucle.search.catalog.ListingQuery;
import org.boucle.search.catalog.SearchUnavailableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The buyers' and associations' catalogue: one form whose every change re-runs the search (htmx swaps the
 * results and keeps the URL bookmarkable), facets with counts, cards, a map, and "more results" by cursor.
 */
@Controller
@RequestMapping("/catalog")
class CatalogPageController {

    private final CatalogSearch search;
    private final Organizations organizations;
    private final MapProperties map;
    private final ObjectMapper json;

    CatalogPageController(CatalogSearch search, Organizations organizations, MapProperties map, ObjectMapper json) {
        this.search = search;
        this.organizations = organizations;
        this.map = map;
        this.json = json;
    }

    @GetMapping
    String catalog(Actor actor, @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-Target", required = false) String target, Model model) {
        run(params, model);
        if (htmx != null && "results".equals(target)) {
            return "catalog-search :: results";
        }
        model.addAttribute("places", places(actor));
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("attribution", map.attribution());
        return "catalog-search";
    }

    /** The next page of cards, appended in place of the "more" button. */
    @GetMapping("/more")
    String more(@RequestParam MultiValueMap<String, String> params, Model model) {
        run(params, model);
        return "catalog-search-parts :: more";
    }

    @GetMapping("/suggestions")
    String suggestions(@RequestParam(name = "q", defaultValue = "") String prefix, Model model) {
        List<String> suggestions;
        try {
            suggestions = prefix.length() > 100 ? List.of() : search.suggest(prefix);
        } catch (SearchUnavailableException e) {
            suggestions = List.of();
        }
        model.addAttribute("suggestions", suggestions);
        return "catalog-search-parts :: suggestions";
    }

    private void run(MultiValueMap<String, String> params, Model model) {
        MultiValueMap<String, String> criteria = new LinkedMultiValueMap<>(params);
        criteria.remove("_");
        model.addAttribute("p", params.toSingleValueMap());
        model.addAttribute("selected", params);
        model.addAttribute("facetNames", List.of("kind", "category", "grade", "manufacturer", "commune", "seller"));
        try {
            ListingQuery query = SearchRequest.parse(criteria);
            SearchResult result = search.search(query);
            model.addAttribute("result", result);
            model.addAttribute("resultsMap", mapJson(result));
            if (result.nextCursor() != null) {
                model.addAttribute("moreUrl", UriComponentsBuilder.fromPath("/catalog/more")
                        .queryParams(withoutCursor(criteria))
                        .queryParam("cursor", result.nextCursor())
                        .encode().build().toUriString());
            }
        } catch (InvalidSearchException e) {
            model.addAttribute("errors", e.errors());
        } catch (SearchUnavailableException e) {
            model.addAttribute("unavailable", true);
        }
    }

    private static MultiValueMap<String, String> withoutCursor(MultiValueMap<String, String> params) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
        copy.remove("cursor");
        return copy;
    }

    /** Where "near" can start from: the actor's own sites, then every commune's centre. */
    private List<Place> places(Actor actor) {
        List<Place> places = new ArrayList<>();
        organizations.details(actor.organizationId(), actor).sites().forEach(site -> places.add(
                new Place(site.name() + " (" + site.commune() + ")", site.latitude() + "," + site.longitude(), true)));
        organizations.communes().forEach(commune -> places.add(new Place(commune.name(),
                commune.centre().latitude() + "," + commune.centre().longitude(), false)));
        return places;
    }

    private String mapJson(SearchResult result) {
        List<Map<String, Object>> points = result.items().stream()
                .map(item -> Map.<String, Object>of("lat", item.site().lat(), "lon", item.site().lon(),
                        "name", item.title(), "quantity", item.quantityAvailable(), "url", "/catalog/listings/" + item.id()))
                .toList();
        try {
            return json.writeValueAsString(points);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Place(String label, String point, boolean own) {
    }
}
