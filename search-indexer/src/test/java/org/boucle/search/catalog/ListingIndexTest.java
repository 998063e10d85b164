package org.boucle.search.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boucle.search.catalog.TestListing.listing;
import static org.boucle.search.catalog.TestListing.uuid;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.boucle.search.IndexNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Index lifecycle, external versions and reindexing, against the real node. */
class ListingIndexTest {

    private ElasticsearchClient client;
    private IndexNamespace namespace;
    private ListingIndex index;
    private ListingSearch search;

    @BeforeAll
    static void pluginInstalled() {
        ElasticsearchClient client = EsTestSupport.client();
        try {
            EsTestSupport.awaitAnalysisPlugin(client);
        } finally {
            EsTestSupport.close(client);
        }
    }

    @BeforeEach
    void setUp() {
        client = EsTestSupport.client();
        namespace = EsTestSupport.randomNamespace();
        index = new ListingIndex(client, namespace);
        search = new ListingSearch(client, namespace);
    }

    @AfterEach
    void tearDown() {
        try {
            EsTestSupport.deleteIndices(client, namespace);
        } finally {
            EsTestSupport.close(client);
        }
    }

    @Test
    void ensureExistsCreatesGenerationOneBehindTheAliasAndIsIdempotent() throws IOException {
        index.ensureExists();
        index.ensureExists();

        String first = namespace.generation("listings", 1);
        assertThat(index.currentIndex()).isEqualTo(first);
        assertThat(EsTestSupport.indexNames(client, namespace)).containsExactly(first);
        IndexSettings settings = client.indices().getSettings(g -> g.index(first)).get(first).settings().index();
        assertThat(settings.numberOfShards()).isEqualTo("1");
        assertThat(settings.autoExpandReplicas()).isNotNull();
        TypeMapping mapping = client.indices().getMapping(g -> g.index(first)).get(first).mappings();
        assertThat(mapping.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(mapping.properties().get("title").text().analyzer()).isEqualTo("boucle_french");
        assertThat(mapping.properties().get("location").isGeoPoint()).isTrue();
        assertThat(mapping.properties().get("suggest").completion().analyzer()).isEqualTo("boucle_folded");
    }

    @Test
    void aGenerationBuiltFromAnotherDefinitionIsNoticedUntilAReindexReplacesIt() throws IOException {
        index.ensureExists();
        assertThat(index.definitionChanged()).isFalse();
        String first = index.currentIndex();
        // What an older release of the definition left behind.
        client.indices().putMapping(m -> m.index(first).meta("definition", co.elastic.clients.json.JsonData.of("older")));
        assertThat(index.definitionChanged()).isTrue();

        ListingIndex.Reindex reindex = index.startReindex();
        reindex.complete();
        assertThat(index.definitionChanged()).isFalse();
    }

    @Test
    void concurrentEnsureExistsFromSeveralInstancesAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> racers = IntStream.range(0, 4).<Callable<Void>>mapToObj(i -> () -> {
                new ListingIndex(client, namespace).ensureExists();
                return null;
            }).toList();
            for (Future<Void> f : pool.invokeAll(racers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.currentIndex()).isEqualTo(namespace.generation("listings", 1));
    }

    @Test
    void indexesThroughTheAliasAndReadsTheDocumentBack() {
        index.ensureExists();
        ListingDocument doc = listing(uuid(1)).title("Écran 24 pouces").price("149.90").build();

        IndexingResult result = index.index(List.of(doc));
        index.refresh();

        assertThat(result).isEqualTo(new IndexingResult(1, 0));
        assertThat(index.count()).isEqualTo(1);
        SearchPage page = search.search(ListingQuery.builder().build());
        assertThat(page.items()).extracting(ListingHit::listing).containsExactly(doc);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOneAndCountsAsStale() {
        index.ensureExists();
        index.index(List.of(listing(uuid(1)).title("version cinq").version(5).build()));

        IndexingResult older = index.index(List.of(listing(uuid(1)).title("version trois").version(3).build()));
        IndexingResult replay = index.index(List.of(listing(uuid(1)).title("version cinq").version(5).build()));
        IndexingResult newer = index.index(List.of(
                listing(uuid(1)).title("version sept").version(7).build(),
                listing(uuid(1)).title("version six").version(6).build()));
        index.refresh();

        assertThat(older).isEqualTo(new IndexingResult(0, 1));
        assertThat(replay).isEqualTo(new IndexingResult(1, 0)); // external_gte: an identical replay is harmless
        assertThat(newer).isEqualTo(new IndexingResult(1, 1));
        ListingDocument stored = search.search(ListingQuery.builder().build()).items().get(0).listing();
        assertThat(stored.title()).isEqualTo("version sept");
        assertThat(stored.version()).isEqualTo(7);
    }

    @Test
    void refusedDocumentsAreReportedByIdWhileTheOthersAreIndexed() {
        index.ensureExists();
        ListingDocument good = listing(uuid(1)).build();
        ListingDocument bad = listing(uuid(2)).battery(300).build(); // not a byte: the mapping refuses it

        assertThatThrownBy(() -> index.index(List.of(good, bad)))
                .isInstanceOfSatisfying(IndexingException.class, e -> {
                    assertThat(e.failures()).containsOnlyKeys(uuid(2));
                    assertThat(e.failures().get(uuid(2))).contains("document_parsing_exception");
                    assertThat(e.getMessage()).contains(uuid(2));
                });
        index.refresh();
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void withAnotherTransportTheTypedBulkApiGivesTheSameResults() {
        // Not a RestClientTransport: BulkLoader falls back on the typed (chunked) bulk API.
        ElasticsearchClient wrapped = new ElasticsearchClient(new DelegatingTransport(client._transport()));
        ListingIndex typed = new ListingIndex(wrapped, namespace);
        typed.ensureExists();
        List<ListingDocument> docs = IntStream.range(0, 1_200)
                .mapToObj(i -> listing(uuid(i)).title("v2").version(2).build()).toList();

        assertThat(typed.index(docs)).isEqualTo(new IndexingResult(1_200, 0));
        assertThat(typed.index(List.of(listing(uuid(1)).version(1).build()))).isEqualTo(new IndexingResult(0, 1));
        assertThatThrownBy(() -> typed.index(List.of(listing(uuid(5_000)).battery(300).build())))
                .isInstanceOfSatisfying(IndexingException.class,
                        e -> assertThat(e.failures()).containsOnlyKeys(uuid(5_000)));
        typed.refresh();
        assertThat(typed.count()).isEqualTo(1_200);
    }

    /** A transport that is not a RestClientTransport, as an application could plug in. */
    private record DelegatingTransport(ElasticsearchTransport delegate) implements ElasticsearchTransport {
        @Override
        public <RequestT, ResponseT, ErrorT> ResponseT performRequest(
                RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
            return delegate.performRequest(request, endpoint, options);
        }

        @Override
        public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
                RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
            return delegate.performRequestAsync(request, endpoint, options);
        }

        @Override
        public JsonpMapper jsonpMapper() {
            return delegate.jsonpMapper();
        }

        @Override
        public TransportOptions options() {
            return delegate.options();
        }

        @Override
        public void close() {
            // the delegate belongs to the test's client
        }
    }

    @Test
    void writingBeforeEnsureExistsFailsInsteadOfAutoCreatingAnIndex() {
        assertThatThrownBy(() -> index.index(List.of(listing(uuid(1)).build())))
                .isInstanceOf(IndexingException.class);
        assertThat(EsTestSupport.indexNames(client, namespace)).isEmpty();
    }

    @Test
    void anUnreachableNodeIsReportedAsUnavailable() {
        ElasticsearchClient nowhere = EsTestSupport.client("http://127.0.0.1:1");
        try {
            ListingIndex unreachable = new ListingIndex(nowhere, namespace);
            assertThatThrownBy(() -> unreachable.index(List.of(listing(uuid(1)).build())))
                    .isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(unreachable::ensureExists).isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(() -> new ListingSearch(nowhere, namespace).search(ListingQuery.builder().build()))
                    .isInstanceOf(SearchUnavailableException.class);
        } finally {
            EsTestSupport.close(nowhere);
        }
    }

    @Test
    void searchingAMissingIndexIsUnavailable() {
        assertThatThrownBy(() -> search.search(ListingQuery.builder().build()))
                .isInstanceOf(SearchUnavailableException.class);
    }

    @Test
    void indexingIntoAConcreteGeneration() {
        index.ensureExists();
        assertThat(index.index(List.of(listing(uuid(1)).build()), namespace.generation("listings", 1)))
                .isEqualTo(new IndexingResult(1, 0));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> index.index(List.of(listing(uuid(1)).build()), "some-other-index"))
                .withMessageStartingWith("concreteIndex");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> index.index(List.of(listing(uuid(1)).build()), namespace.generation("listings", 7)))
                .withMessageStartingWith("concreteIndex");
        assertThat(EsTestSupport.indexNames(client, namespace)).containsExactly(namespace.generation("listings", 1));
    }

    @Test
    void reindexBuildsTheNextGenerationThenSwapsTheAliasAndDeletesTheOldOne() {
        index.ensureExists();
        index.index(List.of(listing(uuid(1)).title("ancien").build()));
        index.refresh();
        String old = index.currentIndex();

        ListingIndex.Reindex reindex = index.startReindex();
        assertThat(reindex.indexName()).isEqualTo(namespace.generation("listings", 2));
        assertThat(settings(reindex.indexName()).refreshInterval().time()).isEqualTo("-1");
        assertThat(settings(reindex.indexName()).numberOfReplicas()).isEqualTo("0");
        reindex.load(List.of(listing(uuid(1)).title("nouveau").version(2).build(), listing(uuid(2)).build()));

        // Still served by the old generation while the new one loads (and even once loaded: refresh is off).
        assertThat(index.currentIndex()).isEqualTo(old);
        assertThat(titles()).containsExactly("ancien");

        reindex.complete();

        assertThat(index.currentIndex()).isEqualTo(reindex.indexName());
        assertThat(EsTestSupport.indexNames(client, namespace)).containsExactly(reindex.indexName());
        assertThat(titles()).containsExactlyInAnyOrder("nouveau", "Ordinateur portable reconditionné");
        assertThat(index.count()).isEqualTo(2);
        // Serving settings are back: a new write becomes visible on refresh, and replicas auto-expand again.
        IndexSettings settings = settings(reindex.indexName());
        assertThat(settings.refreshInterval().time()).isEqualTo("1s");
        assertThat(settings.autoExpandReplicas()).isNotNull();
        assertThat(settings.translog().durability().jsonValue()).isEqualTo("request");
    }

    @Test
    void searchesRunningThroughoutAReindexAlwaysSeeExactlyOneGeneration() throws Exception {
        index.ensureExists();
        List<ListingDocument> docs = IntStream.range(0, 300).mapToObj(i -> listing(uuid(i)).build()).toList();
        index.index(docs);
        index.refresh();
        AtomicBoolean done = new AtomicBoolean();
        List<Long> totals = new CopyOnWriteArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<?> searching = reader.submit(() -> {
                while (!done.get()) {
                    totals.add(search.search(ListingQuery.builder().size(1).build()).total());
                }
            });
            Thread.sleep(100);
            try (ListingIndex.Reindex reindex = index.startReindex()) {
                for (int from = 0; from < docs.size(); from += 50) {
                    reindex.load(docs.subList(from, from + 50));
                }
                reindex.complete();
            }
            Thread.sleep(100);
            done.set(true);
            searching.get(); // rethrows any failure of a search during the swap
        } finally {
            reader.shutdownNow();
        }
        // Never 0 (no generation behind the alias) nor 600 (both at once): the swap is atomic.
        assertThat(totals).hasSizeGreaterThan(5).containsOnly(300L);
        assertThat(index.currentIndex()).isEqualTo(namespace.generation("listings", 2));
    }

    @Test
    void theNextReindexTakesTheGenerationAfterTheCurrentOne() {
        index.ensureExists();
        try (ListingIndex.Reindex second = index.startReindex()) {
            second.complete();
        }
        try (ListingIndex.Reindex third = index.startReindex()) {
            assertThat(third.indexName()).isEqualTo(namespace.generation("listings", 3));
            third.complete();
        }
        assertThat(EsTestSupport.indexNames(client, namespace)).containsExactly(namespace.generation("listings", 3));
    }

    @Test
    void anAbortedReindexLeavesTheServingIndexAlone() {
        index.ensureExists();
        index.index(List.of(listing(uuid(1)).build()));
        String serving = index.currentIndex();

        try (ListingIndex.Reindex reindex = index.startReindex()) {
            reindex.load(List.of(listing(uuid(2)).build()));
            // closed without complete(): aborted
        }

        assertThat(EsTestSupport.indexNames(client, namespace)).containsExactly(serving);
        assertThat(index.currentIndex()).isEqualTo(serving);
    }

    @Test
    void changesArrivingDuringAReindexSurviveItThroughTheReplay() {
        index.ensureExists();
        List<ListingDocument> v1 = IntStream.range(0, 50)
                .mapToObj(i -> listing(uuid(i)).title("v1").version(1).build()).toList();
        index.index(v1);

        // The caller notes its watermark, then reads its snapshot: v1 of everything.
        ListingIndex.Reindex reindex = index.startReindex();
        List<ListingDocument> changes = new ArrayList<>();
        for (int i = 0; i < 50; i += 5) {
            changes.add(listing(uuid(i)).title("v2").version(2).build());
        }
        changes.add(listing(uuid(100)).title("v2").version(1).build()); // a listing created meanwhile
        // The snapshot load and the live changes interleave; live changes go through the alias.
        reindex.load(v1.subList(0, 25));
        index.index(changes.subList(0, 6));
        reindex.load(v1.subList(25, 50));
        index.index(changes.subList(6, changes.size()));
        reindex.complete();

        // Replay everything since the watermark (some of it twice, as an at-least-once outbox would).
        IndexingResult replay = index.index(changes);
        index.index(changes.subList(0, 3));
        index.refresh();

        assertThat(replay.indexed()).isEqualTo(changes.size());
        assertThat(index.count()).isEqualTo(51);
        List<ListingHit> all = search.search(ListingQuery.builder().size(100).build()).items();
        assertThat(all).hasSize(51);
        for (ListingHit hit : all) {
            int n = Integer.parseInt(hit.listing().id().substring(24));
            boolean changed = n % 5 == 0;
            assertThat(hit.listing().title()).as("listing %d", n).isEqualTo(changed ? "v2" : "v1");
        }
    }

    private List<String> titles() {
        return search.search(ListingQuery.builder().size(100).build()).items().stream()
                .map(h -> h.listing().title()).toList();
    }

    private IndexSettings settings(String name) {
        try {
            return client.indices().getSettings(g -> g.index(name)).get(name).settings().index();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
