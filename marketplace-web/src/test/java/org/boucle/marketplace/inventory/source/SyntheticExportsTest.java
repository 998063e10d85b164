package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticExportsTest {

    private static final int COUNT = 500;
    private static final List<String> SITES = List.of("Hôpital Michallon", "Site Sud", "Centre d'Échirolles");
    private static final Set<String> KNOWN_MAKERS = Set.of("Dell", "HP", "Lenovo", "Apple", "Samsung", "Iiyama",
            "Philips", "HPE", "Cisco", "Brother", "Canon", "Xerox", "Netgear");

    private final SyntheticExports exports = new SyntheticExports(2026);

    private byte[] write(SourceFormat format, String donor, int count) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(format, donor, count, SITES, 9, out);
        return out.toByteArray();
    }

    private RecordingSink readBack(SourceFormat format, String donor) throws Exception {
        ColumnMapping mapping = format.needsMapping() ? exports.mappingFor(format) : null;
        return RecordingSink.read(format, new ByteArrayInputStream(write(format, donor, COUNT)), mapping);
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void readsBackEveryAssetWithoutErrors(SourceFormat format) throws Exception {
        RecordingSink sink = readBack(format, "CHU Grenoble Alpes");

        assertThat(sink.errors).isEmpty();
        assertThat(sink.assets).hasSize(COUNT);
        assertThat(sink.assets).extracting(SourceAsset::manufacturer).isSubsetOf(KNOWN_MAKERS);
        assertThat(sink.assets).extracting(SourceAsset::serial).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(sink.assets).extracting(SourceAsset::sourceId).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(sink.assets).allSatisfy(asset -> {
            assertThat(asset.purchaseDate()).isBetween(LocalDate.of(2017, 1, 1), LocalDate.of(2025, 12, 31));
            assertThat(asset.purchaseValue()).isPositive();
            assertThat(asset.category()).isNotEqualTo(Category.OTHER);
        });
    }

    @Test
    void mixesCategoriesLikeARealPark() throws Exception {
        Map<Category, Long> mix = readBack(SourceFormat.GLPI_CSV, "Université Grenoble Alpes").assets.stream()
                .collect(Collectors.groupingBy(SourceAsset::category, Collectors.counting()));

        assertThat(mix.get(Category.LAPTOP)).isBetween(180L, 270L);
        assertThat(mix.get(Category.DESKTOP)).isBetween(70L, 130L);
        assertThat(mix.get(Category.SCREEN)).isBetween(70L, 130L);
        assertThat(mix.get(Category.SMARTPHONE)).isBetween(20L, 60L);
        assertThat(mix.keySet()).contains(Category.TABLET, Category.PRINTER);
    }

    @Test
    void describesTheSameParkInEveryFormat() throws Exception {
        Map<String, Object> reference = summary(readBack(SourceFormat.GLPI_JSON, "Ville de Grenoble"));

        for (SourceFormat format : SourceFormat.values()) {
            assertThat(summary(readBack(format, "Ville de Grenoble"))).as(format.code()).isEqualTo(reference);
        }
    }

    /** What every format carries, by serial. */
    private static Map<String, Object> summary(RecordingSink sink) {
        return sink.assets.stream().collect(Collectors.toMap(SourceAsset::serial, asset -> List.of(asset.category(),
                asset.manufacturer(), asset.model(), asset.purchaseDate(), asset.warrantyEnd(),
                String.valueOf(asset.plannedDecommission()), asset.purchaseValue().stripTrailingZeros(),
                String.valueOf(asset.specs().ramGb()), String.valueOf(asset.specs().storageGb()),
                String.valueOf(asset.specs().storageType()), String.valueOf(asset.specs().cpu()),
                String.valueOf(asset.specs().screenInches()))));
    }

    @Test
    void isDeterministicForASeed() throws Exception {
        for (SourceFormat format : List.of(SourceFormat.GLPI_JSON, SourceFormat.GLPI_CSV, SourceFormat.SNIPEIT_JSON,
                SourceFormat.SNIPEIT_CSV, SourceFormat.CSV)) {
            assertThat(write(format, "CHU Grenoble Alpes", 50)).as(format.code())
                    .isEqualTo(write(format, "CHU Grenoble Alpes", 50));
        }
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        new SyntheticExports(7).write(SourceFormat.GLPI_CSV, "CHU Grenoble Alpes", 50, SITES, 9, other);
        assertThat(other.toByteArray()).isNotEqualTo(write(SourceFormat.GLPI_CSV, "CHU Grenoble Alpes", 50));
    }

    @Test
    void keepsSerialsAndGlpiIdsApartBetweenDonors() throws Exception {
        Function<RecordingSink, Set<String>> serials = sink -> sink.assets.stream().map(SourceAsset::serial)
                .collect(Collectors.toSet());
        RecordingSink chu = readBack(SourceFormat.GLPI_JSON, "CHU Grenoble Alpes");
        RecordingSink city = readBack(SourceFormat.GLPI_JSON, "Ville de Grenoble");

        assertThat(serials.apply(chu)).doesNotContainAnyElementsOf(serials.apply(city));
    }

    @Test
    void writesFrenchWindows1252ForGlpiCsv() throws Exception {
        byte[] csv = write(SourceFormat.GLPI_CSV, "Ville d'Échirolles", 20);
        String text = new String(csv, DecodingReader.WINDOWS_1252);

        assertThat(text).startsWith("\"Nom\";\"Entité\";\"Statut\";\"Fabricant\";\"Numéro de série\"");
        assertThat(text).contains("Entité racine > Ville d'Échirolles");
    }

    @Test
    void writesNoLocationWhenTheDonorHasNoSite() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(SourceFormat.GLPI_JSON, "Sans site", 20, List.of(), 3, out);
        RecordingSink sink = RecordingSink.read(SourceFormat.GLPI_JSON, new ByteArrayInputStream(out.toByteArray()), null);

        assertThat(sink.assets).hasSize(20).allSatisfy(asset -> assertThat(asset.location()).isNull());
    }

    @Test
    void spreadsPurchasesOverTheYearsBeforeTheGivenDate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SyntheticExports(1, LocalDate.of(2030, 6, 30)).write(SourceFormat.SNIPEIT_CSV, "Demo", 200, SITES, 2, out);
        RecordingSink sink = RecordingSink.read(SourceFormat.SNIPEIT_CSV, new ByteArrayInputStream(out.toByteArray()),
                null);

        assertThat(sink.assets).extracting(SourceAsset::purchaseDate)
                .allMatch(date -> date.isAfter(LocalDate.of(2028, 6, 29)) && date.isBefore(LocalDate.of(2030, 6, 30)));
        assertThat(sink.assets).extracting(SourceAsset::purchaseValue).allMatch(value -> value.scale() <= 2
                && value.compareTo(BigDecimal.ZERO) > 0);
    }

    @Test
    void hasAMappingOnlyForGenericFiles() {
        assertThat(exports.mappingFor(SourceFormat.XLSX).column(MappedField.PURCHASE_VALUE)).isEqualTo("Prix HT");
        assertThatThrownBy(() -> exports.mappingFor(SourceFormat.GLPI_CSV)).isInstanceOf(IllegalArgumentException.class);
    }
}
