package org.boucle.search.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ListingQueryTest {

    @Test
    void defaults() {
        ListingQuery query = ListingQuery.builder().text("  ").build();
        assertThat(query.text()).isNull();
        assertThat(query.sort()).isEqualTo(SortOrder.RELEVANCE);
        assertThat(query.size()).isEqualTo(20);
        assertThat(query.categories()).isEmpty();
        assertThat(query.cursor()).isNull();
    }

    @Test
    void invalidArgumentsAreNamedFirstInTheMessage() {
        refused("size", b -> b.size(0));
        refused("size", b -> b.size(101));
        refused("text", b -> b.text("x".repeat(201)));
        refused("minRamGb", b -> b.minRamGb(-1));
        refused("minStorageGb", b -> b.minStorageGb(-1));
        refused("minPrice", b -> b.minPrice(new BigDecimal("-0.01")));
        refused("maxPrice", b -> b.maxPrice(new BigDecimal("-1")));
        refused("maxPrice", b -> b.minPrice(BigDecimal.TEN).maxPrice(BigDecimal.ONE));
        refused("radiusKm", b -> b.radiusKm(5.0));
        refused("radiusKm", b -> b.near(new GeoPoint(45, 5)).radiusKm(0.0));
        refused("radiusKm", b -> b.near(new GeoPoint(45, 5)).radiusKm(Double.NaN));
        refused("sort", b -> b.sort(SortOrder.DISTANCE));
        refused("categories", b -> b.categories(Set.of(" ")));
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 101; i++) {
            many.add("v" + i);
        }
        refused("communes", b -> b.communes(many));
        refused("cursor", b -> b.cursor("x".repeat(3000)));
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(91, 0)).withMessageStartingWith("lat:");
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, 181)).withMessageStartingWith("lon:");
    }

    @Test
    void cursorsRoundTripAndRejectTampering() {
        ObjectMapper mapper = new ObjectMapper();
        List<Cursor.Kind> kinds = List.of(Cursor.Kind.NUMBER, Cursor.Kind.INTEGER, Cursor.Kind.STRING);
        List<FieldValue> values = List.of(FieldValue.of(1.25), FieldValue.of(4900L), FieldValue.of("id-1"));
        String cursor = Cursor.encode(mapper, "abc", values);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(mapper, cursor, "abc", kinds))
                .extracting(FieldValue::_get).containsExactly(1.25, 4900L, "id-1");
        assertThatIllegalArgumentException().isThrownBy(() -> Cursor.decode(mapper, cursor, "abd", kinds))
                .withMessageStartingWith("cursor:").withMessageContaining("different sort");
        String wrongType = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("[\"abc\",1.25,\"4900\",\"id-1\"]".getBytes());
        assertThatIllegalArgumentException().isThrownBy(() -> Cursor.decode(mapper, wrongType, "abc", kinds))
                .withMessageStartingWith("cursor:");
        String tooShort = Base64.getUrlEncoder().withoutPadding().encodeToString("[\"abc\",1.25]".getBytes());
        assertThatIllegalArgumentException().isThrownBy(() -> Cursor.decode(mapper, tooShort, "abc", kinds))
                .withMessageStartingWith("cursor:");
        assertThatIllegalArgumentException().isThrownBy(() -> Cursor.decode(mapper, "%%%", "abc", kinds))
                .withMessageStartingWith("cursor:");
    }

    private static void refused(String parameter, Consumer<ListingQuery.Builder> settings) {
        ListingQuery.Builder builder = ListingQuery.builder();
        settings.accept(builder);
        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageStartingWith(parameter + ":");
    }
}
