package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GlpiJsonReaderTest {

    @Test
    void readsComputersWithInfocomsDevicesAndExpandedDropdowns() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.GLPI_JSON, "glpi-computers.json", null);

        assertThat(sink.assets).hasSize(5);
        assertThat(sink.errors).hasSize(2);
        SourceAsset laptop = sink.row(1);
        assertThat(laptop.sourceId()).isEqualTo("101");
        assertThat(laptop.name()).isEqualTo("CHU-PO-0101");
        assertThat(laptop.serial()).isEqualTo("5CG1040XYZ");
        assertThat(laptop.assetTag()).isEqualTo("INV-2021-0101");
        assertThat(laptop.category()).isEqualTo(Category.LAPTOP);
        assertThat(laptop.manufacturer()).isEqualTo("HP");
        assertThat(laptop.model()).isEqualTo("EliteBook 840 G8 Notebook PC");
        assertThat(laptop.specs()).isEqualTo(new Specs("11th Gen Intel Core i5-1145G7", 16, 512, "SSD", null));
        assertThat(laptop.purchaseDate()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(laptop.warrantyEnd()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(laptop.plannedDecommission()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(laptop.purchaseValue()).isEqualTo(new BigDecimal("1249.9"));
        assertThat(laptop.location()).isEqualTo("Site Nord > Bâtiment B");
        assertThat(laptop.status()).isEqualTo("En service");
        assertThat(laptop.deletedInSource()).isFalse();
    }

    @Test
    void collapsesModelSpacesAndReadsZerosAsUnknown() throws Exception {
        SourceAsset desktop = RecordingSink.readResource(SourceFormat.GLPI_JSON, "glpi-computers.json", null).row(2);

        assertThat(desktop.category()).isEqualTo(Category.DESKTOP);
        assertThat(desktop.manufacturer()).isEqualTo("Dell");
        assertThat(desktop.model()).isEqualTo("OptiPlex 7080");
        assertThat(desktop.purchaseDate()).isEqualTo(LocalDate.of(2020, 11, 2));
        assertThat(desktop.warrantyEnd()).as("warranty start 0000-00-00").isNull();
        assertThat(desktop.plannedDecommission()).isNull();
        assertThat(desktop.purchaseValue()).as("GLPI's default 0").isNull();
        assertThat(desktop.specs()).isEqualTo(Specs.none());
    }

    @Test
    void marksTrashedItemsAndTellsHpeFromHp() throws Exception {
        SourceAsset server = RecordingSink.readResource(SourceFormat.GLPI_JSON, "glpi-computers.json", null).row(3);

        assertThat(server.category()).isEqualTo(Category.SERVER);
        assertThat(server.manufacturer()).isEqualTo("HPE");
        assertThat(server.assetTag()).isNull();
        assertThat(server.deletedInSource()).isTrue();
        assertThat(server.status()).isEqualTo("Rebut");
        assertThat(server.warrantyEnd()).isEqualTo(LocalDate.of(2023, 6, 1));
    }

    @Test
    void keepsItemsWhoseDropdownsAreNotExpanded() throws Exception {
        SourceAsset item = RecordingSink.readResource(SourceFormat.GLPI_JSON, "glpi-computers.json", null).row(4);

        assertThat(item.manufacturer()).isNull();
        assertThat(item.model()).isNull();
        assertThat(item.location()).isNull();
        assertThat(item.status()).isNull();
        assertThat(item.category()).as("a Computer with nothing more said").isEqualTo(Category.OTHER);
        assertThat(item.purchaseDate()).as("infocom at the top level").isEqualTo(LocalDate.of(2019, 5, 20));
        assertThat(item.purchaseValue()).isEqualTo(new BigDecimal("560.5"));
    }

    @Test
    void rejectsRowsWithBadDatesOrNegativeValuesNamingTheField() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.GLPI_JSON, "glpi-computers.json", null);

        assertThat(sink.errors).containsExactly(
                new RowError(5, "_infocoms.buy_date",
                        "\"2021-02-30\" is not a valid date (dates are read day/month/year)"),
                new RowError(6, "_infocoms.value", "the amount \"-150.0000\" is negative"));
    }

    @Test
    void decodesGlpiHtmlEntitiesAndEmptyDropdowns() throws Exception {
        SourceAsset laptop = RecordingSink.readResource(SourceFormat.GLPI_JSON, "glpi-computers.json", null).row(7);

        assertThat(laptop.name()).isEqualTo("Portable de l'accueil");
        assertThat(laptop.category()).isEqualTo(Category.LAPTOP);
        assertThat(laptop.manufacturer()).isEqualTo("Lenovo");
        assertThat(laptop.location()).as("&nbsp; is GLPI's empty dropdown").isNull();
        assertThat(laptop.status()).isNull();
        assertThat(laptop.purchaseDate()).as("no infocom: []").isNull();
    }

    @Test
    void readsMonitorsInferringTheItemtypeFromTheirModelField() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.GLPI_JSON, "glpi-monitors.json", null);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.assets).extracting(SourceAsset::category).containsOnly(Category.SCREEN);
        SourceAsset dell = sink.row(1);
        assertThat(dell.name()).isNull();
        assertThat(dell.model()).isEqualTo("P2422H");
        assertThat(dell.manufacturer()).isEqualTo("Dell");
        assertThat(dell.specs().screenInches()).isEqualTo(new BigDecimal("23.8"));
        assertThat(dell.warrantyEnd()).isEqualTo(LocalDate.of(2027, 9, 2));
        SourceAsset iiyama = sink.row(2);
        assertThat(iiyama.manufacturer()).isEqualTo("Iiyama");
        assertThat(iiyama.specs().screenInches()).isEqualTo(new BigDecimal("24"));
        assertThat(iiyama.warrantyEnd()).as("duration without a start date").isNull();
        SourceAsset unknown = sink.row(3);
        assertThat(unknown.model()).isNull();
        assertThat(unknown.manufacturer()).isEqualTo("Philips");
        assertThat(unknown.specs().screenInches()).as("size 0.00").isNull();
    }

    @Test
    void readsSeveralItemtypesFromAnObjectKeyedByItemtype() throws Exception {
        String json = """
                {"Computer": [{"id": 1, "name": "PC-1", "computertypes_id": "Tour"}],
                 "Phone": [{"id": 2, "name": "Standard accueil", "phonetypes_id": "Téléphone IP", "phonemodels_id": "T46U"},
                           {"id": 3, "name": "TEL-3", "phonetypes_id": "Smartphone", "phonemodels_id": "Galaxy A52"},
                           {"id": 4, "name": "TEL-4", "phonetypes_id": "Portable", "phonemodels_id": "XCover"}],
                 "Peripheral": [{"id": 5, "name": "TAB-5", "peripheraltypes_id": "Tablette", "peripheralmodels_id": "iPad 9"},
                                {"id": 6, "name": "Webcam salle B", "peripheraltypes_id": "Webcam"}],
                 "Printer": [{"id": 7, "name": "IMP-7"}],
                 "NetworkEquipment": [{"id": 8, "name": "SW-8"}],
                 "totalcount": 8}
                """;
        RecordingSink sink = RecordingSink.read(SourceFormat.GLPI_JSON, RecordingSink.utf8(json), null);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.assets).extracting(SourceAsset::row, SourceAsset::category).containsExactly(
                tuple(1L, Category.DESKTOP),
                tuple(2L, Category.OTHER),
                tuple(3L, Category.SMARTPHONE),
                tuple(4L, Category.SMARTPHONE),
                tuple(5L, Category.TABLET),
                tuple(6L, Category.OTHER),
                tuple(7L, Category.PRINTER),
                tuple(8L, Category.NETWORK));
    }

    @Test
    void readsTheItemtypeFieldOfMixedLists() throws Exception {
        String json = """
                [{"id": 1, "itemtype": "Monitor", "name": "Sans modèle"},
                 {"id": 2, "itemtype": "NetworkEquipment", "name": "Borne"},
                 {"id": 3, "name": "Pas de type ni de modèle"},
                 {"id": 4, "serial": "ONLY-A-SERIAL"},
                 {"name": "no id"},
                 "not an item"]
                """;
        RecordingSink sink = RecordingSink.read(SourceFormat.GLPI_JSON, RecordingSink.utf8(json), null);

        assertThat(sink.row(1).category()).isEqualTo(Category.SCREEN);
        assertThat(sink.row(2).category()).isEqualTo(Category.NETWORK);
        assertThat(sink.row(3).category()).isEqualTo(Category.OTHER);
        assertThat(sink.errors).containsExactly(
                new RowError(4, null, "nothing says what this asset is: no category, model or name"),
                new RowError(5, "id", "the GLPI id is missing"),
                new RowError(6, null, "the item is not a JSON object"));
    }
}
