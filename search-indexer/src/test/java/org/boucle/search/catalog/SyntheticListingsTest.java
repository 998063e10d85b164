package org.boucle.search.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticListingsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void sameSeedSameListingsWhateverTheSlice() {
        SyntheticListings a = new SyntheticListings(42, TODAY);
        SyntheticListings b = new SyntheticListings(42, TODAY);

        assertThat(a.listings(0, 500)).isEqualTo(b.listings(0, 500));
        assertThat(a.listings(250, 10)).isEqualTo(a.listings(0, 500).subList(250, 260));
        assertThat(new SyntheticListings(43, TODAY).listing(0)).isNotEqualTo(a.listing(0));
        assertThat(a.query(3)).isEqualTo(b.query(3));
    }

    @Test
    void listingsLookLikeTheCatalogue() {
        List<ListingDocument> docs = new SyntheticListings(1, TODAY).listings(0, 5000);

        assertThat(docs).extracting(ListingDocument::id).doesNotHaveDuplicates();
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.latitude()).isBetween(45.1885 - 0.15, 45.1885 + 0.15);
            assertThat(d.longitude()).isBetween(5.7245 - 0.15, 5.7245 + 0.15);
            assertThat(d.title()).isNotBlank();
            assertThat(d.kind().equals("UPCOMING_LOT") == (d.grade() == null)).isTrue();
            assertThat(d.unitPrice() == null || d.unitPrice().signum() > 0).isTrue();
        });
        Map<String, Long> byCategory = docs.stream().collect(Collectors.groupingBy(ListingDocument::category, Collectors.counting()));
        assertThat(byCategory).containsKeys("LAPTOP", "DESKTOP", "SCREEN", "SMARTPHONE", "TABLET", "PRINTER", "SERVER", "NETWORK", "OTHER");
        assertThat(byCategory.get("LAPTOP")).isGreaterThan(byCategory.get("SERVER") * 5);
        Map<Boolean, Long> visible = docs.stream().collect(Collectors.partitioningBy(ListingDocument::visible, Collectors.counting()));
        assertThat(visible.get(true)).isBetween(4000L, 4600L);
        assertThat(docs.stream().filter(ListingDocument::donation).count()).isBetween(250L, 600L);
        assertThat(docs.stream().map(ListingDocument::sellerId).distinct().count()).isEqualTo(24);
        assertThat(docs.stream().collect(Collectors.toMap(ListingDocument::sellerId, ListingDocument::sellerName, (x, y) -> {
            assertThat(x).isEqualTo(y);
            return x;
        }))).hasSize(24);
        assertThat(docs.stream().map(ListingDocument::title).filter(t -> t.startsWith("Écrans")).count()).isPositive();
        assertThat(docs.stream().map(ListingDocument::communeCode).distinct().count()).isGreaterThan(15);
        assertThat(docs.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))).hasSize(5000);
    }
}
