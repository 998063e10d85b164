package org.boucle.search.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.GeoDistanceType;
import co.elastic.clients.elasticsearch._types.GeoLocation;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.boucle.search.IndexNamespace;

/**
 * Catalogue search: full text in French, multi-select facets, geo distance, deep pagination and
 * suggestions. Only listings that are ACTIVE with a quantity available are ever returned.
 *
 * <p>User text is only ever sent in {@code match} queries, never as query syntax: whatever the user
 * types ({@code title:x AND (y}, {@code *}, {@code \}) is plain words. Thread-safe.
 */
public final class ListingSearch {

    /** The facets of every {@link SearchPage}, in display order. */
    public static final List<String> FACETS = List.of("category", "grade", "manufacturer", "commune", "kind", "seller");

    static final int MAX_SUGGESTIONS = 20;
    private static final int MAX_PREFIX_LENGTH = 100;
    private static final String LABEL = "label";
    private static final String VALUES = "values";

    private final ElasticsearchClient client;
    private final String alias;
    private final ListingJson json = new ListingJson();

    public ListingSearch(ElasticsearchClient client, IndexNamespace namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.alias = Objects.requireNonNull(namespace, "namespace").alias(ListingIndex.KIND);
    }

    /**
     * Runs the search.
     *
     * @throws IllegalArgumentException "cursor: ..." when the cursor is malformed or from another sort
     * @throws SearchUnavailableException when Elasticsearch cannot answer
     */
    public SearchPage search(ListingQuery query) {
        Plan plan = plan(query);
        SearchResponse<JsonData> response = Elastic.call("search " + alias, () -> client.search(plan.request(), JsonData.class));

        List<Hit<JsonData>> hits = response.hits().hits();
        boolean more = hits.size() > query.size();
        List<ListingHit> items = new ArrayList<>(Math.min(hits.size(), query.size()));
        for (Hit<JsonData> hit : hits.subList(0, Math.min(hits.size(), query.size()))) {
            Double distanceKm = plan.distanceIndex() < 0 ? null : hit.sort().get(plan.distanceIndex()).doubleValue();
            items.add(new ListingHit(json.fromSource(hit.source()), distanceKm));
        }
        String nextCursor = more
                ? Cursor.encode(json.mapper(), plan.fingerprint(), hits.get(query.size() - 1).sort())
                : null;
        long total = response.hits().total() == null ? items.size() : response.hits().total().value();
        return new SearchPage(total, items, facets(response.aggregations()), nextCursor);
    }

    /**
     * Completions of what the user is typing: models, "manufacturer model" and category labels of
     * visible listings, without duplicates, tolerating one typo from the 4th character on.
     *
     * @return at most {@code size} suggestions; none for a blank prefix
     */
    public List<Suggestion> suggest(String prefix, int size) {
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_SUGGESTIONS + ", was " + size);
        }
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        String text = prefix.strip();
        if (text.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("prefix: at most " + MAX_PREFIX_LENGTH + " characters");
        }
        SearchResponse<JsonData> response = Elastic.call("suggest " + alias, () -> client.search(s -> s
                .index(alias)
                .source(src -> src.fetch(false))
                .suggest(sg -> sg.suggesters("listing", fs -> fs
                        .prefix(text)
                        .completion(c -> {
                            c.field("suggest")
                                    .size(size)
                                    .skipDuplicates(true)
                                    .contexts("status", List.of(CompletionContext.of(cc -> cc
                                            .context(ctx -> ctx.category(ListingJson.SUGGESTIBLE)))));
                            if (text.length() >= 4) {
                                c.fuzzy(f -> f.fuzziness("1"));
                            }
                            return c;
                        }))),
                JsonData.class));
        Set<String> texts = new LinkedHashSet<>();
        response.suggest().getOrDefault("listing", List.of()).forEach(suggestion ->
                suggestion.completion().options().forEach(option -> texts.add(option.text())));
        return texts.stream().limit(size).map(Suggestion::new).toList();
    }

    /**
     * The JSON body this query sends to {@code _search}: for diagnostics, and for benchmarks that compare the
     * search API with the very same query posted straight to Elasticsearch.
     */
    public String requestBody(ListingQuery query) {
        return JsonpUtils.toJsonString(plan(query).request(), client._jsonpMapper());
    }

    /** The request for a query, and what is needed to read its answer. Package-private for the benchmark. */
    record Plan(SearchRequest request, String fingerprint, int distanceIndex) {
    }

    Plan plan(ListingQuery query) {
        Objects.requireNonNull(query, "query");
        Sorts sorts = sorts(query);
        List<FieldValue> searchAfter = query.cursor() == null
                ? List.of()
                : Cursor.decode(json.mapper(), query.cursor(), sorts.fingerprint(), sorts.kinds());

        Map<String, Query> facetFilters = facetFilters(query);
        SearchRequest request = SearchRequest.of(s -> {
            s.index(alias)
                    .query(mainQuery(query))
                    .size(query.size() + 1) // one more than asked tells whether there is a next page
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(ListingJson.SOURCE_FIELDS)))
                    .sort(sorts.options());
            if (!facetFilters.isEmpty()) {
                // Facet filters narrow the hits only, after the aggregations: see facetAggregations.
                s.postFilter(and(facetFilters.values()));
            }
            s.aggregations(facetAggregations(facetFilters));
            if (!searchAfter.isEmpty()) {
                s.searchAfter(searchAfter);
            }
            return s;
        });
        return new Plan(request, sorts.fingerprint(), sorts.distanceIndex());
    }

    /** Text and the non-facet filters: they apply to hits and facet counts alike. */
    private static Query mainQuery(ListingQuery query) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("status").value("ACTIVE"))));
        filters.add(Query.of(q -> q.range(r -> r.number(n -> n.field("quantityAvailable").gte(1.0)))));
        if (query.minRamGb() != null) {
            filters.add(Query.of(q -> q.range(r -> r.number(n -> n.field("ramGb").gte(query.minRamGb().doubleValue())))));
        }
        if (query.minStorageGb() != null) {
            filters.add(Query.of(q -> q.range(r -> r.number(n -> n.field("storageGb").gte(query.minStorageGb().doubleValue())))));
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            // Cents, exactly: a donation is indexed as 0, so "up to 50 €" includes donations.
            Double min = query.minPrice() == null ? null : (double) cents(query.minPrice(), RoundingMode.CEILING);
            Double max = query.maxPrice() == null ? null : (double) cents(query.maxPrice(), RoundingMode.FLOOR);
            filters.add(Query.of(q -> q.range(r -> r.number(n -> n.field("priceCents").gte(min).lte(max)))));
        }
        if (query.availableBefore() != null) {
            String day = query.availableBefore().toString();
            filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("availableFrom").lte(day)))));
        }
        if (query.near() != null && query.radiusKm() != null) {
            GeoPoint near = query.near();
            filters.add(Query.of(q -> q.geoDistance(g -> g
                    .field("location")
                    .distance(query.radiusKm() + "km")
                    .distanceType(GeoDistanceType.Arc)
                    .location(geo(near)))));
        }
        return Query.of(q -> q.bool(b -> {
            b.filter(filters);
            if (query.text() != null) {
                String text = query.text();
                b.must(m -> m.match(mt -> mt
                        .field("allText")
                        .query(text)
                        .fuzziness("AUTO")
                        .prefixLength(1)
                        .operator(Operator.And)
                        // Text without any word ("*", "\") is no text: it matches everything, not nothing.
                        .zeroTermsQuery(ZeroTermsQuery.All)));
                // Typing a model exactly ("latitude 5420") puts that model first...
                String modelKey = Folding.fold(text);
                b.should(sh -> sh.term(t -> t.field("modelKey").value(modelKey).boost(10f)));
                // ...and the words in that order in a title come next.
                b.should(sh -> sh.matchPhrase(p -> p.field("title").query(text).boost(2f)));
            }
            return b;
        }));
    }

    /** The facet filters, by facet name, only for facets with selected values. */
    private static Map<String, Query> facetFilters(ListingQuery query) {
        Map<String, Query> filters = new LinkedHashMap<>();
        addTerms(filters, "category", "category", query.categories());
        addTerms(filters, "grade", "grade", query.grades());
        Set<String> manufacturerKeys = new LinkedHashSet<>();
        query.manufacturers().forEach(m -> manufacturerKeys.add(Folding.fold(m)));
        addTerms(filters, "manufacturer", "manufacturerKey", manufacturerKeys);
        addTerms(filters, "commune", "communeCode", query.communes());
        addTerms(filters, "kind", "kind", query.kinds());
        addTerms(filters, "seller", "sellerId", query.sellerIds());
        return filters;
    }

    private static void addTerms(Map<String, Query> filters, String facet, String field, Set<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> terms = values.stream().sorted().map(FieldValue::of).toList();
            filters.put(facet, Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(terms)))));
        }
    }

    /**
     * Multi-select facets: each facet counts with every filter but its own, so selecting "Dell" still
     * shows how many HP there are. The hits get all filters through the post_filter.
     */
    private static Map<String, Aggregation> facetAggregations(Map<String, Query> facetFilters) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            List<Query> others = facetFilters.entrySet().stream()
                    .filter(e -> !e.getKey().equals(facet.facetName))
                    .map(Map.Entry::getValue)
                    .toList();
            Aggregation terms = Aggregation.of(a -> {
                var builder = a.terms(t -> t.field(facet.field).size(facet.size));
                if (facet.labelField != null) {
                    builder.aggregations(LABEL, l -> l.terms(t -> t.field(facet.labelField).size(1)));
                }
                return builder;
            });
            aggregations.put(facet.facetName, Aggregation.of(a -> a
                    .filter(others.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : and(others))
                    .aggregations(VALUES, terms)));
        }
        return aggregations;
    }

    private static Map<String, List<FacetValue>> facets(Map<String, Aggregate> aggregations) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            Aggregate aggregate = aggregations.get(facet.facetName);
            List<FacetValue> values = new ArrayList<>();
            if (aggregate != null) {
                for (StringTermsBucket bucket : aggregate.filter().aggregations().get(VALUES).sterms().buckets().array()) {
                    values.add(facet.value(bucket));
                }
            }
            facets.put(facet.facetName, List.copyOf(values));
        }
        return facets;
    }

    private enum Facet {
        CATEGORY("category", "categoryFacet", null, 30),
        GRADE("grade", "grade", null, 10),
        MANUFACTURER("manufacturer", "manufacturerKey", "manufacturer", 50),
        COMMUNE("commune", "communeFacet", null, 100),
        KIND("kind", "kind", null, 10),
        SELLER("seller", "seller", null, 100);

        final String facetName;
        final String field;
        final String labelField;
        final int size;

        Facet(String facetName, String field, String labelField, int size) {
            this.facetName = facetName;
            this.field = field;
            this.labelField = labelField;
            this.size = size;
        }

        FacetValue value(StringTermsBucket bucket) {
            String key = bucket.key().stringValue();
            if (this == SELLER || this == CATEGORY || this == COMMUNE) {
                int separator = key.indexOf(ListingJson.FACET_SEPARATOR);
                return separator < 0
                        ? new FacetValue(key, key, bucket.docCount())
                        : new FacetValue(key.substring(0, separator), key.substring(separator + 1), bucket.docCount());
            }
            String label = key;
            if (labelField != null) {
                // The most frequent spelling among the bucket's listings, e.g. "Dell" for the key "dell".
                List<StringTermsBucket> labels = bucket.aggregations().get(LABEL).sterms().buckets().array();
                if (!labels.isEmpty()) {
                    label = labels.get(0).key().stringValue();
                }
            }
            return new FacetValue(key, label, bucket.docCount());
        }
    }

    /** The sort clauses, the kind of each sort value (to check cursors), and where the distance is. */
    private record Sorts(List<SortOptions> options, List<Cursor.Kind> kinds, int distanceIndex, String fingerprint) {
    }

    private static Sorts sorts(ListingQuery query) {
        List<SortOptions> options = new ArrayList<>();
        List<Cursor.Kind> kinds = new ArrayList<>();
        StringBuilder description = new StringBuilder(query.sort().name());
        Function<co.elastic.clients.elasticsearch._types.SortOrder, SortOptions> byDistance = order -> SortOptions.of(so -> so
                .geoDistance(g -> g.field("location").location(geo(query.near())).order(order)
                        .unit(DistanceUnit.Kilometers).distanceType(GeoDistanceType.Arc)));
        var asc = co.elastic.clients.elasticsearch._types.SortOrder.Asc;
        var desc = co.elastic.clients.elasticsearch._types.SortOrder.Desc;
        int distanceIndex = -1;
        switch (query.sort()) {
            case RELEVANCE -> {
                options.add(SortOptions.of(so -> so.score(sc -> sc.order(desc))));
                kinds.add(Cursor.Kind.NUMBER);
            }
            case PRICE_ASC, PRICE_DESC -> {
                var order = query.sort() == SortOrder.PRICE_ASC ? asc : desc;
                options.add(SortOptions.of(so -> so.field(f -> f.field("priceCents").order(order))));
                kinds.add(Cursor.Kind.INTEGER);
            }
            case AVAILABILITY -> {
                options.add(SortOptions.of(so -> so.field(f -> f.field("availableFrom").order(asc))));
                kinds.add(Cursor.Kind.INTEGER);
            }
            case DISTANCE -> {
                // Handled below: the distance is then the primary sort.
            }
        }
        if (query.near() != null) {
            // Also a tiebreaker for the other sorts: its sort value is how every hit gets its distanceKm
            // (no script needed, and this node has no Painless).
            distanceIndex = options.size();
            options.add(byDistance.apply(asc));
            kinds.add(Cursor.Kind.NUMBER);
            description.append(String.format(Locale.ROOT, "|%.7f,%.7f", query.near().lat(), query.near().lon()));
        }
        // The unique tiebreaker that makes search_after exact.
        options.add(SortOptions.of(so -> so.field(f -> f.field("id").order(asc))));
        kinds.add(Cursor.Kind.STRING);
        return new Sorts(options, kinds, distanceIndex, Cursor.fingerprint(description.toString()));
    }

    private static GeoLocation geo(GeoPoint point) {
        return GeoLocation.of(l -> l.latlon(ll -> ll.lat(point.lat()).lon(point.lon())));
    }

    private static Query and(java.util.Collection<Query> filters) {
        return filters.size() == 1
                ? filters.iterator().next()
                : Query.of(q -> q.bool(b -> b.filter(List.copyOf(filters))));
    }

    private static long cents(BigDecimal price, RoundingMode rounding) {
        BigDecimal capped = price.min(BigDecimal.valueOf(1_000_000_000_000L));
        return capped.movePointRight(2).setScale(0, rounding).longValueExact();
    }
}
