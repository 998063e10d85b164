package org.boucle.search.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.boucle.search.IndexNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** search_after over ~250 listings, 7 at a time: every listing exactly once, in order, for every sort. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingPaginationTest {

    private static final int DOCS = 260;
    private static final GeoPoint SAINT_EGREVE = new GeoPoint(45.2330, 5.6830);

    private ElasticsearchClient client;
    private IndexNamespace namespace;
    private ListingSearch search;
    private List<ListingDocument> visible;

    @BeforeAll
    void indexSyntheticListings() {
        client = EsTestSupport.client();
        EsTestSupport.awaitAnalysisPlugin(client);
        namespace = EsTestSupport.randomNamespace();
        ListingIndex index = new ListingIndex(client, namespace);
        index.ensureExists();
        List<ListingDocument> docs = new SyntheticListings(7, TestListing.TODAY).listings(0, DOCS);
        index.index(docs);
        index.refresh();
        search = new ListingSearch(client, namespace);
        visible = docs.stream().filter(ListingDocument::visible).toList();
        assertThat(visible.size()).isGreaterThan(200);
    }

    @AfterAll
    void deleteIndices() {
        try {
            EsTestSupport.deleteIndices(client, namespace);
        } finally {
            EsTestSupport.close(client);
        }
    }

    @Test
    void priceAscendingWithManyTiesOnPrice() {
        Comparator<ListingDocument> order = Comparator.comparingLong((ListingDocument d) -> ListingJson.priceCents(d.unitPrice()))
                .thenComparing(ListingDocument::id);
        assertThat(pages(ListingQuery.builder().sort(SortOrder.PRICE_ASC).size(7).build()))
                .containsExactlyElementsOf(idsSortedBy(order));
    }

    @Test
    void priceDescending() {
        Comparator<ListingDocument> order = Comparator.comparingLong((ListingDocument d) -> -ListingJson.priceCents(d.unitPrice()))
                .thenComparing(ListingDocument::id);
        assertThat(pages(ListingQuery.builder().sort(SortOrder.PRICE_DESC).size(7).build()))
                .containsExactlyElementsOf(idsSortedBy(order));
    }

    @Test
    void availability() {
        Comparator<ListingDocument> order = Comparator.comparing(ListingDocument::availableFrom).thenComparing(ListingDocument::id);
        assertThat(pages(ListingQuery.builder().sort(SortOrder.AVAILABILITY).size(7).build()))
                .containsExactlyElementsOf(idsSortedBy(order));
    }

    @Test
    void relevanceWithoutTextFallsBackToTheIdOrder() {
        assertThat(pages(ListingQuery.builder().size(7).build()))
                .containsExactlyElementsOf(idsSortedBy(Comparator.comparing(ListingDocument::id)));
    }

    @Test
    void relevanceWithText() {
        ListingQuery query = ListingQuery.builder().text("ordinateur portable").size(7).build();
        List<String> paged = pages(query);
        assertThat(paged).hasSizeGreaterThan(30).doesNotHaveDuplicates().containsExactlyElementsOf(oneShot(query));
    }

    @Test
    void distance() {
        ListingQuery query = ListingQuery.builder().near(SAINT_EGREVE).sort(SortOrder.DISTANCE).size(7).build();
        List<String> paged = pages(query);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(idsSortedBy(Comparator.comparing(ListingDocument::id)));
        assertThat(paged).containsExactlyElementsOf(oneShot(query));
    }

    @Test
    void priceWithDistanceAsTiebreaker() {
        ListingQuery query = ListingQuery.builder().near(SAINT_EGREVE).sort(SortOrder.PRICE_ASC).size(7).build();
        List<String> paged = pages(query);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(idsSortedBy(Comparator.comparing(ListingDocument::id)));
        assertThat(paged).containsExactlyElementsOf(oneShot(query));
    }

    @Test
    void filteredAndFacetedPagesStayConsistent() {
        ListingQuery query = ListingQuery.builder().categories(java.util.Set.of("LAPTOP", "SCREEN"))
                .sort(SortOrder.PRICE_DESC).size(7).build();
        List<String> paged = pages(query);
        Comparator<ListingDocument> order = Comparator.comparingLong((ListingDocument d) -> -ListingJson.priceCents(d.unitPrice()))
                .thenComparing(ListingDocument::id);
        assertThat(paged).containsExactlyElementsOf(visible.stream()
                .filter(d -> d.category().equals("LAPTOP") || d.category().equals("SCREEN"))
                .sorted(order).map(ListingDocument::id).toList());
    }

    /** Follows nextCursor to the end, checking each page's size and that the total never changes. */
    private List<String> pages(ListingQuery first) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ListingQuery query = first;
        long total = -1;
        for (int page = 0; page < 1000; page++) {
            SearchPage result = search.search(query);
            if (total < 0) {
                total = result.total();
            }
            assertThat(result.total()).isEqualTo(total);
            for (ListingHit hit : result.items()) {
                assertThat(seen.add(hit.listing().id())).as("%s returned twice", hit.listing().id()).isTrue();
                ids.add(hit.listing().id());
            }
            if (result.nextCursor() == null) {
                assertThat(result.items().size()).isBetween(0, first.size());
                assertThat(ids).hasSize((int) total);
                return ids;
            }
            assertThat(result.items()).hasSize(first.size());
            query = first.withCursor(result.nextCursor());
        }
        throw new AssertionError("pagination does not end");
    }

    private List<String> idsSortedBy(Comparator<ListingDocument> order) {
        return visible.stream().sorted(order).map(ListingDocument::id).toList();
    }

    /** The same request in one go (beyond the public 100 limit): the order pagination must reproduce. */
    private List<String> oneShot(ListingQuery query) {
        SearchRequest paged = search.plan(query).request();
        UnaryOperator<SearchRequest.Builder> all = b -> b.index(paged.index()).query(paged.query())
                .postFilter(paged.postFilter()).sort(paged.sort()).size(1000);
        try {
            return client.search(all.apply(new SearchRequest.Builder()).build(), JsonData.class)
                    .hits().hits().stream().map(Hit::id).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
