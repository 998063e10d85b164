package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SnipeItReaderTest {

    @Test
    void readsAHardwarePageWithRelatedObjectsAndCustomFields() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.SNIPEIT_JSON, "snipeit-hardware.json", null);

        assertThat(sink.assets).extracting(SourceAsset::row).containsExactly(1L, 2L, 3L, 5L);
        SourceAsset laptop = sink.row(1);
        assertThat(laptop.sourceId()).isEqualTo("1");
        assertThat(laptop.name()).isEqualTo("UGA-LT-0001");
        assertThat(laptop.assetTag()).isEqualTo("UGA-000001");
        assertThat(laptop.serial()).isEqualTo("PF2ABCDE");
        assertThat(laptop.category()).isEqualTo(Category.LAPTOP);
        assertThat(laptop.manufacturer()).isEqualTo("Lenovo");
        assertThat(laptop.model()).isEqualTo("ThinkPad T14 Gen 2");
        assertThat(laptop.status()).isEqualTo("Déployé");
        assertThat(laptop.location()).isEqualTo("Campus Saint-Martin-d'Hères > Bâtiment IMAG");
        assertThat(laptop.purchaseDate()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(laptop.purchaseValue()).isEqualTo(new BigDecimal("1089"));
        assertThat(laptop.warrantyEnd()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(laptop.plannedDecommission()).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(laptop.specs()).isEqualTo(new Specs("Intel Core i5-1135G7", 16, 512, "SSD", new BigDecimal("14")));
        assertThat(laptop.deletedInSource()).isFalse();
    }

    @Test
    void copesWithNullsAndEmptyCustomFields() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.SNIPEIT_JSON, "snipeit-hardware.json", null);

        SourceAsset monitor = sink.row(2);
        assertThat(monitor.name()).isNull();
        assertThat(monitor.category()).isEqualTo(Category.SCREEN);
        assertThat(monitor.location()).as("default location when not deployed").isEqualTo("Bibliothèque universitaire");
        assertThat(monitor.warrantyEnd()).as("purchase date plus warranty months").isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(monitor.plannedDecommission()).isNull();
        assertThat(monitor.purchaseValue()).isEqualTo(new BigDecimal("189.9"));
        assertThat(monitor.specs()).isEqualTo(Specs.none());
        SourceAsset phone = sink.row(3);
        assertThat(phone.category()).isEqualTo(Category.SMARTPHONE);
        assertThat(phone.manufacturer()).isEqualTo("Samsung");
        assertThat(phone.deletedInSource()).as("archived").isTrue();
        assertThat(phone.location()).isNull();
        assertThat(phone.purchaseValue()).isNull();
        assertThat(phone.plannedDecommission()).as("purchase date plus the model's EOL").isEqualTo(LocalDate.of(2024, 6, 10));
    }

    @Test
    void fallsBackToOtherAndKeepsUnknownMakersTidy() throws Exception {
        SourceAsset visio = RecordingSink.readResource(SourceFormat.SNIPEIT_JSON, "snipeit-hardware.json", null).row(5);

        assertThat(visio.category()).isEqualTo(Category.OTHER);
        assertThat(visio.manufacturer()).isEqualTo("Logitech Europe");
        assertThat(visio.purchaseValue()).isEqualTo(new BigDecimal("3499"));
        assertThat(visio.warrantyEnd()).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    void rejectsABadPurchaseDate() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.SNIPEIT_JSON, "snipeit-hardware.json", null);

        assertThat(sink.errors).containsExactly(new RowError(4, "purchase_date",
                "\"2021-13-01\" is not a valid date (dates are read day/month/year)"));
    }

    @Test
    void readsTheImportLayoutCsv() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.SNIPEIT_CSV, "snipeit-import.csv", null);

        assertThat(sink.assets).extracting(SourceAsset::row).containsExactly(2L, 3L, 5L);
        SourceAsset laptop = sink.row(2);
        assertThat(laptop.sourceId()).as("the asset tag, without an ID column").isEqualTo("ECH-0001");
        assertThat(laptop.name()).isEqualTo("ECH-LT-0001");
        assertThat(laptop.category()).isEqualTo(Category.LAPTOP);
        assertThat(laptop.manufacturer()).isEqualTo("Dell");
        assertThat(laptop.model()).isEqualTo("Latitude 5420");
        assertThat(laptop.serial()).isEqualTo("4RT5Y6U");
        assertThat(laptop.location()).isEqualTo("Hôtel de ville");
        assertThat(laptop.status()).isEqualTo("Deployed");
        assertThat(laptop.purchaseValue()).isEqualTo(new BigDecimal("1050"));
        assertThat(laptop.warrantyEnd()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(laptop.specs()).isEqualTo(new Specs("Intel Core i5-1145G7", 16, 256, "SSD", new BigDecimal("14")));
        SourceAsset monitor = sink.row(3);
        assertThat(monitor.category()).isEqualTo(Category.SCREEN);
        assertThat(monitor.manufacturer()).isEqualTo("Iiyama");
        assertThat(monitor.specs().screenInches()).isEqualTo(new BigDecimal("23.8"));
        SourceAsset tablet = sink.row(5);
        assertThat(tablet.category()).isEqualTo(Category.TABLET);
        assertThat(tablet.model()).isEqualTo("iPad 9");
        assertThat(tablet.specs().screenInches()).isEqualTo(new BigDecimal("10.2"));
        assertThat(tablet.warrantyEnd()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(sink.errors).containsExactly(new RowError(4, "Warranty Months", "\"abc\" is not a number of months"));
    }

    @Test
    void refusesACsvWithNoSnipeItColumn() {
        assertThatThrownBy(() -> RecordingSink.read(SourceFormat.SNIPEIT_CSV, RecordingSink.utf8("a,b\n1,2\n"), null))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageStartingWith("This does not look like a Snipe-IT CSV file");
    }
}
