package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GlpiCsvReaderTest {

    @Test
    void readsAFrenchWindows1252ExportWithMultiLineCells() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.GLPI_CSV, "glpi-fr-cp1252.csv", null);

        assertThat(sink.assets).extracting(SourceAsset::row).containsExactly(2L, 4L, 5L, 8L, 12L);
        SourceAsset laptop = sink.row(2);
        assertThat(laptop.sourceId()).isEqualTo("101");
        assertThat(laptop.name()).isEqualTo("CHU-PO-0101");
        assertThat(laptop.serial()).isEqualTo("5CG1040XYZ");
        assertThat(laptop.assetTag()).isEqualTo("INV-0101");
        assertThat(laptop.category()).isEqualTo(Category.LAPTOP);
        assertThat(laptop.manufacturer()).isEqualTo("HP");
        assertThat(laptop.model()).isEqualTo("EliteBook 840 G7");
        assertThat(laptop.location()).isEqualTo("Hôpital Nord > Bâtiment A");
        assertThat(laptop.status()).isEqualTo("En service");
        assertThat(laptop.purchaseDate()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(laptop.warrantyEnd()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(laptop.plannedDecommission()).isNull();
        assertThat(laptop.purchaseValue()).isEqualTo(new BigDecimal("1234.5"));
        assertThat(laptop.specs()).as("two memory modules, one per line").isEqualTo(
                new Specs("Intel Core i5-10310U", 16, 256, "SSD", null));
    }

    @Test
    void infersCategoriesFromTheTypeOrTheModel() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.GLPI_CSV, "glpi-fr-cp1252.csv", null);

        SourceAsset screen = sink.row(4);
        assertThat(screen.category()).isEqualTo(Category.SCREEN);
        assertThat(screen.manufacturer()).isEqualTo("Dell");
        assertThat(screen.purchaseValue()).isEqualTo(new BigDecimal("189.9"));
        assertThat(screen.specs()).isEqualTo(Specs.none());
        SourceAsset desktop = sink.row(5);
        assertThat(desktop.category()).isEqualTo(Category.DESKTOP);
        assertThat(desktop.manufacturer()).isEqualTo("Lenovo");
        assertThat(desktop.purchaseDate()).as("with a time").isEqualTo(LocalDate.of(2019, 4, 3));
        assertThat(desktop.plannedDecommission()).isEqualTo(LocalDate.of(2025, 4, 3));
        assertThat(desktop.purchaseValue()).as("no-break space as thousands separator")
                .isEqualTo(new BigDecimal("1050"));
        assertThat(desktop.specs()).as("bare memory size in MB, disk in To")
                .isEqualTo(new Specs("Intel Core i5-8400T", 8, 1000, "HDD", null));
        SourceAsset untyped = sink.row(12);
        assertThat(untyped.category()).as("from the model").isEqualTo(Category.LAPTOP);
        assertThat(untyped.purchaseValue()).isEqualTo(new BigDecimal("1250"));
        assertThat(untyped.warrantyEnd()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(untyped.specs()).isEqualTo(new Specs(null, 16, 512, "SSD", null));
    }

    @Test
    void readsRowsWithEmptyTrailingColumns() throws Exception {
        SourceAsset network = RecordingSink.readResource(SourceFormat.GLPI_CSV, "glpi-fr-cp1252.csv", null).row(8);

        assertThat(network.name()).isEqualTo("Switch étage 2");
        assertThat(network.category()).isEqualTo(Category.NETWORK);
        assertThat(network.manufacturer()).isEqualTo("Cisco");
        assertThat(network.sourceId()).isEqualTo("42");
        assertThat(network.assetTag()).isNull();
        assertThat(network.location()).isNull();
        assertThat(network.purchaseDate()).isNull();
    }

    @Test
    void reportsRowErrorsWithTheFileLineAndTheFrenchColumnName() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.GLPI_CSV, "glpi-fr-cp1252.csv", null);

        assertThat(sink.errors).containsExactly(
                new RowError(6, "Date d'achat", "\"31/02/2022\" is not a valid date (dates are read day/month/year)"),
                new RowError(7, "Valeur", "the amount \"-50,00\" is negative"),
                new RowError(10, null, "nothing says what this asset is: no category, model or name"),
                new RowError(11, "Date d'achat",
                        "\"01/02/23\" has a two-digit year: write the year in full, e.g. 31/12/2025"));
    }

    @Test
    void readsAnEnglishUtf8ExportWithByteOrderMark() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.GLPI_CSV, "glpi-en-bom.csv", null);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.assets).hasSize(3);
        SourceAsset laptop = sink.row(2);
        assertThat(laptop.sourceId()).isEqualTo("501");
        assertThat(laptop.name()).as("the BOM is not part of the first header").isEqualTo("UNI-LT-0001");
        assertThat(laptop.category()).isEqualTo(Category.LAPTOP);
        assertThat(laptop.manufacturer()).isEqualTo("Lenovo");
        assertThat(laptop.location()).isEqualTo("Main campus > Bâtiment C");
        assertThat(laptop.purchaseValue()).as("English grouping").isEqualTo(new BigDecimal("1020"));
        assertThat(laptop.warrantyEnd()).isEqualTo(LocalDate.of(2022, 9, 1));
        assertThat(laptop.specs()).isEqualTo(new Specs("Intel Core i5-8265U", 16, 512, "SSD", null));
        SourceAsset desktop = sink.row(3);
        assertThat(desktop.category()).isEqualTo(Category.DESKTOP);
        assertThat(desktop.purchaseDate()).isEqualTo(LocalDate.of(2019, 6, 12));
        assertThat(desktop.plannedDecommission()).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(desktop.purchaseValue()).isEqualTo(new BigDecimal("620.5"));
        assertThat(desktop.specs()).isEqualTo(new Specs("Intel Core i5-9500", 8, 1000, "HDD", null));
        SourceAsset monitor = sink.row(4);
        assertThat(monitor.category()).isEqualTo(Category.SCREEN);
        assertThat(monitor.manufacturer()).isEqualTo("HP");
    }

    @Test
    void matchesHeadersWhateverTheirCaseAccentsAndGroupPrefix() throws Exception {
        String csv = "NOM;numero de serie;TYPE D'ÉLÉMENT;Modele;Gestion financière - Date d'achat;Durée de garantie;"
                + "Date de début de garantie;Mémoire - Taille;Disque dur - Capacité;Supprimé\n"
                + "MON-1;SN1;Moniteur;;01/02/2020;24;01/02/2020;;;0\n"
                + "PC-2;SN2;Ordinateur;Latitude 5420;01/02/2021;36;15/02/2021;16384;256000;1\n";
        RecordingSink sink = RecordingSink.read(SourceFormat.GLPI_CSV, RecordingSink.utf8(csv), null);

        assertThat(sink.errors).isEmpty();
        SourceAsset monitor = sink.row(2);
        assertThat(monitor.category()).as("itemtype column").isEqualTo(Category.SCREEN);
        assertThat(monitor.purchaseDate()).isEqualTo(LocalDate.of(2020, 2, 1));
        assertThat(monitor.warrantyEnd()).as("start plus duration").isEqualTo(LocalDate.of(2022, 2, 1));
        assertThat(monitor.deletedInSource()).isFalse();
        SourceAsset computer = sink.row(3);
        assertThat(computer.category()).isEqualTo(Category.LAPTOP);
        assertThat(computer.specs()).isEqualTo(new Specs(null, 16, 256, null, null));
        assertThat(computer.deletedInSource()).isTrue();
    }

    @Test
    void refusesAFileWithNoGlpiColumn() {
        assertThatThrownBy(() -> RecordingSink.read(SourceFormat.GLPI_CSV,
                RecordingSink.utf8("Prix;Quantité\n12;3\n"), null))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessage("This does not look like a GLPI CSV export: none of its columns is Nom/Name, Modèle/Model, "
                        + "Type or Numéro de série/Serial number. Its header reads: \"Prix\", \"Quantité\".");
    }
}
