package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicTypesTest {

    @Test
    void findsFormatsByCode() {
        assertThat(SourceFormat.fromCode("glpi-csv")).contains(SourceFormat.GLPI_CSV);
        assertThat(SourceFormat.fromCode(" XLSX ")).contains(SourceFormat.XLSX);
        assertThat(SourceFormat.fromCode("ods")).isEmpty();
        assertThat(SourceFormat.fromCode(null)).isEmpty();
        assertThat(Arrays.stream(SourceFormat.values()).filter(SourceFormat::needsMapping))
                .containsExactly(SourceFormat.CSV, SourceFormat.XLSX);
    }

    @Test
    void codesCategoriesForProcurementAndWeee() {
        assertThat(Category.LAPTOP.unspsc()).isEqualTo("43211503");
        assertThat(Category.SCREEN.unspsc()).isEqualTo("43211902");
        assertThat(Category.SMARTPHONE.unspsc()).isEqualTo("43191501");
        assertThat(Category.LAPTOP.weeeCategory()).isEqualTo(2);
        assertThat(Category.TABLET.weeeCategory()).isEqualTo(2);
        assertThat(Category.SERVER.weeeCategory()).isEqualTo(4);
        assertThat(Category.DESKTOP.weeeCategory()).isEqualTo(6);
        assertThat(Arrays.stream(Category.values()).map(Category::unspsc)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("43\\d{6}"));
    }

    @Test
    void wantsAMappingThatSaysWhatTheAssetsAre() {
        assertThatThrownBy(() -> new ColumnMapping(Map.of(MappedField.SERIAL, "Série")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Map at least the category, name or model column: otherwise nothing says what the assets are.");
        assertThatThrownBy(() -> new ColumnMapping(Map.of(MappedField.NAME, " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The column for the name is blank.");
        assertThat(new ColumnMapping(Map.of(MappedField.MODEL, " Modèle ")).column(MappedField.MODEL)).isEqualTo("Modèle");
    }

    @Test
    void hasSensibleDefaultLimits() {
        ReaderLimits limits = ReaderLimits.defaults();

        assertThat(limits.maxBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(limits.maxColumns()).isEqualTo(512);
        assertThat(limits.maxRows()).isEqualTo(2_000_000);
        assertThatThrownBy(() -> new ReaderLimits(0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
