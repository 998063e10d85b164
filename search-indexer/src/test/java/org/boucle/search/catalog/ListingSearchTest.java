package org.boucle.search.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.boucle.search.catalog.TestListing.TODAY;
import static org.boucle.search.catalog.TestListing.listing;
import static org.boucle.search.catalog.TestListing.uuid;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.boucle.search.IndexNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text analysis, filters, facets, geo and suggestions, against the real node and the boucle-analysis plugin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingSearchTest {

    static final String S1 = "5d1c7a2e-0000-4000-8000-000000000001";
    static final String S2 = "5d1c7a2e-0000-4000-8000-000000000002";
    static final String S3 = "5d1c7a2e-0000-4000-8000-000000000003";

    // Visible
    static final String SCREENS = uuid(1);
    static final String ELITEBOOKS = uuid(2);
    static final String LATITUDE_5420 = uuid(3);
    static final String DOCK_FOR_5420 = uuid(4);
    static final String DONATED_TABLET = uuid(5);
    static final String UPCOMING_THINKPADS = uuid(9);
    static final String KEYBOARD = uuid(10);
    static final String DELL_UPPERCASE = uuid(12);
    static final String LATITUDE_7490 = uuid(13);
    // Never returned
    static final String PAUSED = uuid(6);
    static final String SOLD_OUT = uuid(7);
    static final String WITHDRAWN = uuid(8);

    static final List<String> VISIBLE = List.of(SCREENS, ELITEBOOKS, LATITUDE_5420, DOCK_FOR_5420, DONATED_TABLET,
            UPCOMING_THINKPADS, KEYBOARD, DELL_UPPERCASE, LATITUDE_7490);

    // Grenoble centre, and points at known distances from it.
    static final GeoPoint GRENOBLE = new GeoPoint(45.1885, 5.7245);

    private ElasticsearchClient client;
    private IndexNamespace namespace;
    private ListingSearch search;

    @BeforeAll
    void indexFixtures() {
        client = EsTestSupport.client();
        EsTestSupport.awaitAnalysisPlugin(client);
        namespace = EsTestSupport.randomNamespace();
        ListingIndex index = new ListingIndex(client, namespace);
        index.ensureExists();
        search = new ListingSearch(client, namespace);
        index.index(List.of(
                listing(SCREENS).category("SCREEN", "Écran").title("Écrans 24 pouces Dell P2419H")
                        .description("Dalle IPS, pied réglable en hauteur.").manufacturer("Dell").model("P2419H")
                        .ramGb(null).storageGb(null).grade("A").price("89.00").quantity(12)
                        .at(45.1890, 5.7250).build(),
                listing(ELITEBOOKS).title("Ordinateurs portables HP EliteBook 840 G6")
                        .description("Core i5, clavier AZERTY rétroéclairé.").manufacturer("HP").model("EliteBook 840 G6")
                        .ramGb(16).storageGb(512).grade("B").price("329.00")
                        .commune("38151", "Échirolles").at(45.1436, 5.7186).seller(S3, "Recyclerie Numérique Échirolles").build(),
                listing(LATITUDE_5420).title("PC portable Dell 14 pouces").description("Core i5 de 11e génération, très bon état.")
                        .manufacturer("Dell").model("Latitude 5420").ramGb(16).storageGb(256).grade("A").price("449.00")
                        .commune("38229", "Meylan").at(45.2096, 5.7789).seller(S2, "Ressourcerie du Grésivaudan").build(),
                listing(DOCK_FOR_5420).category("OTHER", "Accessoire").title("Station d'accueil pour Latitude 5420")
                        .description("Compatible Latitude 5420 : la station d'accueil idéale pour Latitude 5420 et Latitude 5430.")
                        .manufacturer("Dell").model("WD19").ramGb(null).storageGb(null).grade("B").price("59.00").build(),
                listing(DONATED_TABLET).category("TABLET", "Tablette").title("Tablette Samsung Galaxy Tab A8")
                        .manufacturer("Samsung").model("Galaxy Tab A8").ramGb(3).storageGb(32).grade("C").price(null)
                        .seller(S2, "Ressourcerie du Grésivaudan").at(45.1880, 5.7240).build(),
                listing(PAUSED).category("SCREEN", "Écran").title("Écran 27 pouces Dell U2715H").manufacturer("Dell")
                        .model("U2715H").status("PAUSED").build(),
                listing(SOLD_OUT).category("SCREEN", "Écran").title("Écran 22 pouces HP Z24n G2").manufacturer("HP")
                        .model("Z24n G2").quantity(0).build(),
                listing(WITHDRAWN).title("Portable retiré").manufacturer("Dell").model("Vostro 1510").status("WITHDRAWN").build(),
                listing(UPCOMING_THINKPADS).kind("UPCOMING_LOT").title("Lot de 40 ordinateurs portables Lenovo ThinkPad T480")
                        .description("Renouvellement du parc d'une collectivité.").grade(null).battery(null).quantity(40)
                        .price("120.00").availableFrom(TODAY.plusDays(30))
                        .commune("38563", "Voiron").at(45.3640, 5.5890).seller(S2, "Ressourcerie du Grésivaudan").build(),
                listing(KEYBOARD).category("OTHER", "Accessoire").title("Clavier USB")
                        .description("Étiquette au dos : title:foo AND (bar OR \"baz\\ *").manufacturer("Logitech")
                        .model("K120").ramGb(null).storageGb(null).price("9.90").build(),
                listing(DELL_UPPERCASE).category("SCREEN", "Écran").title("Écran Dell 22 pouces").manufacturer("DELL")
                        .model("E2216H").ramGb(null).storageGb(null).grade("B").price("39.00")
                        .commune("38474", "Sassenage").at(45.2050, 5.6650).seller(S3, "Recyclerie Numérique Échirolles").build(),
                listing(LATITUDE_7490).title("Ordinateur portable Dell Latitude 7490").manufacturer("Dell").model("Latitude 7490")
                        .ramGb(8).storageGb(256).grade("B").price("279.00").at(45.1900, 5.7300).build()));
        index.refresh();
    }

    @AfterAll
    void deleteIndices() {
        try {
            EsTestSupport.deleteIndices(client, namespace);
        } finally {
            EsTestSupport.close(client);
        }
    }

    // --- Text ---

    @Test
    void accentsAndPluralsAreFolded() {
        assertThat(ids(text("ecran"))).contains(SCREENS, DELL_UPPERCASE);
        assertThat(ids(text("ÉCRAN"))).contains(SCREENS, DELL_UPPERCASE);
        assertThat(ids(text("ordinateur portable"))).contains(ELITEBOOKS, UPCOMING_THINKPADS, LATITUDE_7490);
        assertThat(ids(text("ordinateurs portables"))).contains(ELITEBOOKS, LATITUDE_7490);
    }

    @Test
    void frenchElisionsAreRemoved() {
        assertThat(ids(text("l'écran"))).contains(SCREENS);
        assertThat(ids(text("d’accueil"))).containsExactly(DOCK_FOR_5420);
    }

    @Test
    void typosAndTruncationsAreTolerated() {
        assertThat(ids(text("latitud"))).contains(LATITUDE_5420, LATITUDE_7490);
        assertThat(ids(text("thinkpda"))).containsExactly(UPCOMING_THINKPADS);
        assertThat(ids(text("elitebok"))).containsExactly(ELITEBOOKS);
    }

    @Test
    void allWordsMustMatch() {
        assertThat(ids(text("ecran hp"))).isEmpty();
        assertThat(ids(text("ecran dell"))).containsExactlyInAnyOrder(SCREENS, DELL_UPPERCASE);
    }

    @Test
    void theExactModelRanksAboveListingsThatOnlyMentionIt() {
        List<String> ids = ids(text("Latitude 5420"));
        assertThat(ids).contains(DOCK_FOR_5420);
        assertThat(ids.get(0)).isEqualTo(LATITUDE_5420);
        assertThat(ids(text("latitude 5420")).get(0)).isEqualTo(LATITUDE_5420);
    }

    @ParameterizedTest
    @ValueSource(strings = {"title:foo AND (bar OR \"baz", "*", "\\", "\"", "((", "AND", "foo~2^3", "/regex/", "[1 TO 2]", "{}", "-", "?"})
    void querySyntaxIsJustWords(String text) {
        SearchPage page = search.search(ListingQuery.builder().text(text).build());
        assertThat(page.total()).isLessThanOrEqualTo(VISIBLE.size());
    }

    @Test
    void syntaxCharactersAreMatchedAsTheWordsTheyContain() {
        assertThat(ids(text("title:foo AND (bar OR \"baz"))).containsExactly(KEYBOARD);
        // No word at all: as if no text had been typed.
        assertThat(search.search(ListingQuery.builder().text("*").build()).total()).isEqualTo(VISIBLE.size());
        assertThat(search.search(ListingQuery.builder().text("\\").build()).total()).isEqualTo(VISIBLE.size());
    }

    // --- Visibility ---

    @Test
    void onlyActiveListingsWithStockAreReturned() {
        SearchPage all = search.search(ListingQuery.builder().size(100).build());
        assertThat(all.total()).isEqualTo(VISIBLE.size());
        assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(VISIBLE);
        assertThat(ids(text("27 pouces"))).isEmpty();
        assertThat(ids(text("Z24n"))).isEmpty();
        assertThat(ids(text("vostro"))).isEmpty();
    }

    // --- Filters ---

    @Test
    void priceFiltersTreatADonationAsZero() {
        assertThat(ids(ListingQuery.builder().minPrice(new BigDecimal("100")).maxPrice(new BigDecimal("300")).build()))
                .containsExactlyInAnyOrder(UPCOMING_THINKPADS, LATITUDE_7490);
        assertThat(ids(ListingQuery.builder().maxPrice(new BigDecimal("39")).build()))
                .containsExactlyInAnyOrder(DONATED_TABLET, KEYBOARD, DELL_UPPERCASE);
        assertThat(ids(ListingQuery.builder().maxPrice(BigDecimal.ZERO).build())).containsExactly(DONATED_TABLET);
        assertThat(ids(ListingQuery.builder().minPrice(new BigDecimal("9.91")).maxPrice(new BigDecimal("38.99")).build())).isEmpty();
        assertThat(ids(ListingQuery.builder().minPrice(new BigDecimal("9.90")).maxPrice(new BigDecimal("9.90")).build()))
                .containsExactly(KEYBOARD);
    }

    @Test
    void priceSortPutsDonationsFirst() {
        List<String> ids = ids(ListingQuery.builder().sort(SortOrder.PRICE_ASC).size(100).build());
        assertThat(ids).startsWith(DONATED_TABLET, KEYBOARD, DELL_UPPERCASE, DOCK_FOR_5420, SCREENS);
        assertThat(ids(ListingQuery.builder().sort(SortOrder.PRICE_DESC).size(100).build()))
                .startsWith(LATITUDE_5420, ELITEBOOKS, LATITUDE_7490).endsWith(DONATED_TABLET);
    }

    @Test
    void ramStorageAndAvailabilityFilters() {
        assertThat(ids(ListingQuery.builder().minRamGb(16).build())).containsExactlyInAnyOrder(ELITEBOOKS, LATITUDE_5420);
        assertThat(ids(ListingQuery.builder().minStorageGb(512).build())).containsExactly(ELITEBOOKS);
        assertThat(ids(ListingQuery.builder().availableBefore(TODAY.plusDays(29)).size(100).build()))
                .hasSize(VISIBLE.size() - 1).doesNotContain(UPCOMING_THINKPADS);
        assertThat(ids(ListingQuery.builder().availableBefore(TODAY.plusDays(30)).size(100).build())).hasSize(VISIBLE.size());
        assertThat(ids(ListingQuery.builder().sort(SortOrder.AVAILABILITY).size(100).build())).endsWith(UPCOMING_THINKPADS);
    }

    // --- Facets ---

    @Test
    void facetsCountEveryValue() {
        SearchPage page = search.search(ListingQuery.builder().build());

        assertThat(page.facets()).containsOnlyKeys(ListingSearch.FACETS);
        assertThat(page.facets().get("category")).containsExactly(
                new FacetValue("LAPTOP", "Ordinateur portable", 4),
                new FacetValue("OTHER", "Accessoire", 2), // equal counts: by value
                new FacetValue("SCREEN", "Écran", 2),
                new FacetValue("TABLET", "Tablette", 1));
        assertThat(page.facets().get("grade")).containsExactly(
                new FacetValue("B", "B", 5), new FacetValue("A", "A", 2), new FacetValue("C", "C", 1));
        // "Dell" and "DELL" are one manufacturer, shown as most listings spell it.
        assertThat(page.facets().get("manufacturer")).containsExactly(
                new FacetValue("dell", "Dell", 5),
                new FacetValue("hp", "HP", 1),
                new FacetValue("lenovo", "Lenovo", 1),
                new FacetValue("logitech", "Logitech", 1),
                new FacetValue("samsung", "Samsung", 1));
        assertThat(page.facets().get("commune")).containsExactly(
                new FacetValue("38185", "Grenoble", 5),
                new FacetValue("38151", "Échirolles", 1),
                new FacetValue("38229", "Meylan", 1),
                new FacetValue("38474", "Sassenage", 1),
                new FacetValue("38563", "Voiron", 1));
        assertThat(page.facets().get("kind")).containsExactly(
                new FacetValue("REFURBISHED", "REFURBISHED", 8), new FacetValue("UPCOMING_LOT", "UPCOMING_LOT", 1));
        assertThat(page.facets().get("seller")).containsExactly(
                new FacetValue(TestListing.listing("x").sellerId, "Atelier Réemploi Grenoble", 4),
                new FacetValue(S2, "Ressourcerie du Grésivaudan", 3),
                new FacetValue(S3, "Recyclerie Numérique Échirolles", 2));
    }

    @Test
    void aSelectedFacetKeepsTheCountsOfItsOtherValues() {
        SearchPage page = search.search(ListingQuery.builder().categories(Set.of("LAPTOP")).build());

        assertThat(page.total()).isEqualTo(4);
        // Multi-select: the category facet ignores the category filter...
        assertThat(page.facets().get("category")).extracting(FacetValue::value, FacetValue::count).containsExactly(
                tuple("LAPTOP", 4L), tuple("OTHER", 2L), tuple("SCREEN", 2L), tuple("TABLET", 1L));
        // ...while every other facet applies it.
        assertThat(page.facets().get("grade")).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(tuple("B", 2L), tuple("A", 1L));
        assertThat(page.facets().get("manufacturer")).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(tuple("dell", 2L), tuple("hp", 1L), tuple("lenovo", 1L));
        assertThat(page.facets().get("kind")).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(tuple("REFURBISHED", 3L), tuple("UPCOMING_LOT", 1L));
    }

    @Test
    void twoSelectedFacetsFilterEachOthersCounts() {
        SearchPage page = search.search(ListingQuery.builder()
                .categories(Set.of("LAPTOP", "SCREEN"))
                .manufacturers(Set.of("DÉLL")) // any case and accents
                .build());

        assertThat(ids(page)).containsExactlyInAnyOrder(SCREENS, DELL_UPPERCASE, LATITUDE_5420, LATITUDE_7490);
        assertThat(page.facets().get("category")).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(tuple("LAPTOP", 2L), tuple("SCREEN", 2L), tuple("OTHER", 1L));
        assertThat(page.facets().get("manufacturer")).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(tuple("dell", 4L), tuple("hp", 1L), tuple("lenovo", 1L));
        assertThat(page.facets().get("seller")).extracting(FacetValue::label, FacetValue::count)
                .containsExactly(tuple("Atelier Réemploi Grenoble", 2L), tuple("Ressourcerie du Grésivaudan", 1L),
                        tuple("Recyclerie Numérique Échirolles", 1L));
    }

    @Test
    void facetValuesFilterBackAndNonFacetFiltersNarrowTheCounts() {
        SearchPage bySellerAndCommune = search.search(ListingQuery.builder()
                .sellerIds(Set.of(S2)).communes(Set.of("38229", "38563")).kinds(Set.of("REFURBISHED")).grades(Set.of("A"))
                .build());
        assertThat(ids(bySellerAndCommune)).containsExactly(LATITUDE_5420);

        SearchPage withRam = search.search(ListingQuery.builder().minRamGb(16).build());
        assertThat(withRam.facets().get("category")).extracting(FacetValue::value, FacetValue::count)
                .containsExactly(tuple("LAPTOP", 2L));
    }

    // --- Geo ---

    @Test
    void radiusFilterAndDistances() {
        SearchPage page = search.search(ListingQuery.builder().near(GRENOBLE).radiusKm(1.0).size(100).build());

        assertThat(ids(page)).containsExactlyInAnyOrder(SCREENS, DOCK_FOR_5420, DONATED_TABLET, KEYBOARD, LATITUDE_7490);
        for (ListingHit hit : page.items()) {
            double expected = haversineKm(GRENOBLE, hit.listing().latitude(), hit.listing().longitude());
            assertThat(hit.distanceKm()).as(hit.listing().title()).isCloseTo(expected, Offset.offset(0.01));
        }
        assertThat(ids(ListingQuery.builder().near(GRENOBLE).radiusKm(10.0).size(100).build()))
                .hasSize(VISIBLE.size() - 1).doesNotContain(UPCOMING_THINKPADS);
    }

    @Test
    void distanceSortPutsTheNearestFirst() {
        SearchPage page = search.search(ListingQuery.builder().near(new GeoPoint(45.3600, 5.5900))
                .sort(SortOrder.DISTANCE).size(100).build());

        assertThat(page.items().get(0).listing().id()).isEqualTo(UPCOMING_THINKPADS);
        assertThat(page.items().get(0).distanceKm()).isLessThan(1.0);
        assertThat(page.items()).extracting(ListingHit::distanceKm).isSorted();
        assertThat(page.items().get(page.items().size() - 1).distanceKm()).isGreaterThan(20.0);
    }

    @Test
    void everyHitHasADistanceWhenAPointIsGivenWhateverTheSort() {
        for (SortOrder sort : List.of(SortOrder.RELEVANCE, SortOrder.PRICE_ASC, SortOrder.AVAILABILITY)) {
            SearchPage page = search.search(ListingQuery.builder().text("dell").near(GRENOBLE).sort(sort).build());
            assertThat(page.items()).isNotEmpty().allSatisfy(hit -> assertThat(hit.distanceKm()).isNotNull());
        }
        assertThat(search.search(ListingQuery.builder().build()).items())
                .allSatisfy(hit -> assertThat(hit.distanceKm()).isNull());
    }

    // --- Cursors ---

    @Test
    void aMalformedCursorOrOneOfAnotherSortIsRefused() {
        ListingQuery byPrice = ListingQuery.builder().sort(SortOrder.PRICE_ASC).size(2).build();
        String cursor = search.search(byPrice).nextCursor();
        assertThat(cursor).isNotNull().matches("[A-Za-z0-9_-]+");

        for (String bad : List.of("nonsense", "!!!", "W10", "WyJ4Il0", cursor.substring(0, cursor.length() - 3))) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> search.search(byPrice.withCursor(bad)))
                    .withMessageStartingWith("cursor:");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> search.search(ListingQuery.builder().sort(SortOrder.PRICE_DESC).size(2).cursor(cursor).build()))
                .withMessageStartingWith("cursor:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> search.search(ListingQuery.builder().sort(SortOrder.PRICE_ASC).near(GRENOBLE).size(2)
                        .cursor(cursor).build()))
                .withMessageStartingWith("cursor:");
    }

    @Test
    void theLastPageHasNoCursor() {
        SearchPage page = search.search(ListingQuery.builder().size(VISIBLE.size()).build());
        assertThat(page.items()).hasSize(VISIBLE.size());
        assertThat(page.nextCursor()).isNull();
    }

    // --- Suggestions ---

    @Test
    void suggestsModelsManufacturerModelsAndCategories() {
        assertThat(texts(search.suggest("lati", 10))).containsExactlyInAnyOrder("Latitude 5420", "Latitude 7490");
        assertThat(texts(search.suggest("Dell La", 10))).containsExactlyInAnyOrder("Dell Latitude 5420", "Dell Latitude 7490");
        assertThat(texts(search.suggest("écr", 10))).containsExactly("Écran");
        assertThat(texts(search.suggest("ECR", 10))).containsExactly("Écran");
        assertThat(texts(search.suggest("tabl", 10))).containsExactly("Tablette");
    }

    @Test
    void suggestionsTolerateOneTypoFromFourCharacters() {
        assertThat(texts(search.suggest("latitdue", 10))).contains("Latitude 5420", "Latitude 7490");
        assertThat(texts(search.suggest("lsti", 10))).contains("Latitude 5420");
        assertThat(texts(search.suggest("lst", 10))).isEmpty();
    }

    @Test
    void hiddenListingsAreNeverSuggested() {
        assertThat(search.suggest("U2715", 10)).isEmpty(); // paused
        assertThat(search.suggest("Z24n", 10)).isEmpty(); // sold out
        assertThat(search.suggest("Vostro", 10)).isEmpty(); // withdrawn
        assertThat(search.suggest("Dell Vos", 10)).isEmpty();
    }

    @Test
    void suggestionLimits() {
        assertThat(search.suggest("  ", 5)).isEmpty();
        assertThat(search.suggest(null, 5)).isEmpty();
        assertThat(search.suggest("e", 1)).hasSize(1);
        assertThatIllegalArgumentException().isThrownBy(() -> search.suggest("e", 0)).withMessageStartingWith("size");
        assertThatIllegalArgumentException().isThrownBy(() -> search.suggest("e", 21)).withMessageStartingWith("size");
    }

    // --- helpers ---

    private ListingQuery text(String text) {
        return ListingQuery.builder().text(text).size(100).build();
    }

    private List<String> ids(ListingQuery query) {
        return ids(search.search(query));
    }

    private static List<String> ids(SearchPage page) {
        return page.items().stream().map(h -> h.listing().id()).toList();
    }

    private static List<String> texts(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::text).toList();
    }

    static double haversineKm(GeoPoint from, double lat, double lon) {
        double dLat = Math.toRadians(lat - from.lat());
        double dLon = Math.toRadians(lon - from.lon());
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(from.lat())) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }
}
