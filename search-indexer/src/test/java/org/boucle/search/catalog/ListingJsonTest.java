package org.boucle.search.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.boucle.search.catalog.TestListing.listing;
import static org.boucle.search.catalog.TestListing.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ListingJsonTest {

    private final ListingJson json = new ListingJson();

    @Test
    void aListingRoundTripsWithIsoDatesAndNumericPrices() throws Exception {
        ListingDocument doc = listing(uuid(1)).price("149.9").availableFrom(LocalDate.of(2026, 4, 1)).build();

        byte[] indexed = json.toIndexJson(doc);
        JsonNode tree = new ObjectMapper().readTree(indexed);

        assertThat(tree.get("availableFrom").asText()).isEqualTo("2026-04-01");
        assertThat(tree.get("unitPrice").isNumber()).isTrue();
        assertThat(tree.get("unitPrice").decimalValue()).isEqualByComparingTo("149.90");
        assertThat(json.fromJson(indexed)).isEqualTo(doc);
        assertThat(doc.unitPrice()).isEqualTo(new BigDecimal("149.90"));
    }

    @Test
    void everyFieldOfTheRecordIsStoredAndReadBack() throws Exception {
        TestListing full = listing(uuid(1));
        full.availableUntil = LocalDate.of(2026, 6, 30);
        ListingDocument doc = full.build();
        for (RecordComponent component : ListingDocument.class.getRecordComponents()) {
            assertThat(component.getAccessor().invoke(doc)).as(component.getName()).isNotNull();
        }

        byte[] indexed = json.toIndexJson(doc);
        JsonNode tree = new ObjectMapper().readTree(indexed);

        assertThat(tree.fieldNames()).toIterable().containsAll(ListingJson.SOURCE_FIELDS);
        assertThat(json.fromJson(indexed)).isEqualTo(doc);
    }

    @Test
    void theIndexedFormAddsTheDerivedFields() throws Exception {
        ListingDocument doc = listing(uuid(1)).manufacturer("Dëll ").model("Latitude  5420").price(null).quantity(2)
                .seller("5d1c7a2e-0000-4000-8000-00000000000a", "Atelier Réemploi").build();

        JsonNode tree = new ObjectMapper().readTree(json.toIndexJson(doc));

        assertThat(tree.get("manufacturerKey").asText()).isEqualTo("dell");
        assertThat(tree.get("modelKey").asText()).isEqualTo("latitude 5420");
        assertThat(tree.get("priceCents").asLong()).isZero();
        assertThat(tree.get("donation").asBoolean()).isTrue();
        assertThat(tree.get("location").get("lat").asDouble()).isEqualTo(doc.latitude());
        assertThat(tree.get("seller").asText()).isEqualTo("5d1c7a2e-0000-4000-8000-00000000000a|Atelier Réemploi");
        assertThat(tree.get("suggest").get("input")).extracting(JsonNode::asText)
                .containsExactly("Latitude  5420", "Dëll Latitude  5420", "Ordinateur portable");
        assertThat(tree.get("suggest").get("contexts").get("status").get(0).asText()).isEqualTo("ACTIVE");
        assertThat(tree.has("visible")).isFalse();
        assertThat(tree.has("availableUntil")).isFalse(); // nulls are left out
    }

    @Test
    void hiddenListingsGetAnotherSuggestionContext() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        assertThat(plain.readTree(json.toIndexJson(listing(uuid(1)).status("PAUSED").build()))
                .at("/suggest/contexts/status/0").asText()).isEqualTo("PAUSED");
        assertThat(plain.readTree(json.toIndexJson(listing(uuid(1)).quantity(0).build()))
                .at("/suggest/contexts/status/0").asText()).isEqualTo("SOLD_OUT");
    }

    @Test
    void theRecordAloneSerialisesWithAnyJavaTimeAwareMapperAsIsoDates() throws Exception {
        // The web app may render hits with its own mapper: dates stay ISO strings, derived methods stay out.
        ObjectMapper app = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        ListingDocument doc = listing(uuid(1)).price(null).build();

        JsonNode tree = app.readTree(app.writeValueAsBytes(doc));

        assertThat(tree.get("availableFrom").asText()).isEqualTo(TestListing.TODAY.toString());
        assertThat(tree.has("donation")).isFalse();
        assertThat(app.readValue(app.writeValueAsBytes(doc), ListingDocument.class)).isEqualTo(doc);
        assertThat(doc.donation()).isTrue();
    }

    @Test
    void priceCentsAreExact() {
        assertThat(ListingJson.priceCents(null)).isZero();
        assertThat(ListingJson.priceCents(new BigDecimal("0.1"))).isEqualTo(10);
        assertThat(ListingJson.priceCents(new BigDecimal("1234567.99"))).isEqualTo(123456799);
    }

    @Test
    void aDocumentNeedsItsIdentityAndAValidPosition() {
        assertThatIllegalArgumentException().isThrownBy(() -> listing(" ").build()).withMessageStartingWith("id");
        assertThatIllegalArgumentException().isThrownBy(() -> listing(uuid(1)).price("-1").build())
                .withMessageStartingWith("unitPrice");
        assertThatIllegalArgumentException().isThrownBy(() -> listing(uuid(1)).at(91, 0).build())
                .withMessageStartingWith("latitude");
        assertThatIllegalArgumentException().isThrownBy(() -> listing(uuid(1)).version(-1).build())
                .withMessageStartingWith("version");
    }

    @Test
    void foldingLowercasesAndStripsAccentsLikeTheAnalysisPlugin() {
        assertThat(Folding.fold("  Écrans  DELL ")).isEqualTo("ecrans dell");
        assertThat(Folding.fold("Œuvre Æther straße Łódź")).isEqualTo("oeuvre aether strasse lodz");
        assertThat(Folding.fold("L’iPad")).isEqualTo("l'ipad");
        assertThat(Folding.fold(" ")).isNull();
        assertThat(Folding.fold(null)).isNull();
    }
}
