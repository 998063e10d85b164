package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalisationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            HP                              | HP
            Hewlett-Packard                 | HP
            HEWLETT PACKARD                 | HP
            hp inc.                         | HP
            HP Inc                          | HP
            Hewlett-Packard Company         | HP
            Hewlett Packard Enterprise      | HPE
            HPE                             | HPE
            Dell Inc.                       | Dell
            DELL                            | Dell
            LENOVO                          | Lenovo
            Apple Inc.                      | Apple
            SAMSUNG ELECTRONICS CO., LTD.   | Samsung
            Microsoft Corporation           | Microsoft
            FUJITSU SIEMENS                 | Fujitsu
            Fujitsu Technology Solutions    | Fujitsu
            ASUSTeK COMPUTER INC.           | Asus
            Seiko Epson Corporation         | Epson
            LG Electronics                  | LG
            iiyama                          | Iiyama
            BenQ Corporation                | BenQ
            Cisco Systems, Inc.             | Cisco
            '  acme   computers S.A. '      | Acme Computers
            Crosscall SAS                   | Crosscall
            """)
    void normalisesManufacturers(String raw, String expected) {
        assertThat(Manufacturers.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void leavesNoManufacturerAbsent() {
        assertThat(Manufacturers.normalize(null)).isNull();
        assertThat(Manufacturers.normalize(" \u00A0 ")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1 234,50         | 1234.50
            1\u00A0234,50    | 1234.50
            1\u202F234,50    | 1234.50
            1234,5           | 1234.5
            1,234.50         | 1234.50
            1.234,56         | 1234.56
            1234.56          | 1234.56
            1,234,567        | 1234567
            1 099,00 €       | 1099.00
            EUR 42           | 42
            -12,00           | -12.00
            """)
    void readsFrenchAndEnglishDecimals(String text, String expected) {
        assertThat(Values.decimal(text)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void refusesWhatIsNotANumber() {
        assertThatThrownBy(() -> Values.decimal("douze")).isInstanceOf(InvalidValue.class)
                .hasMessage("\"douze\" is not a number");
        assertThatThrownBy(() -> Values.decimal("1.234.5,6,7")).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            31/12/2025           | 2025-12-31
            31/12/2025 14:03     | 2025-12-31
            1/2/2025             | 2025-02-01
            03/04/2025           | 2025-04-03
            31.12.2025           | 2025-12-31
            2025-12-31           | 2025-12-31
            2025-12-31 14:03:00  | 2025-12-31
            2025-12-31T14:03:00Z | 2025-12-31
            """)
    void readsDatesDayFirst(String text, LocalDate expected) {
        assertThat(Values.date(text)).isEqualTo(expected);
    }

    @Test
    void readsGlpisZeroDateAsNoDate() {
        assertThat(Values.date("0000-00-00")).isNull();
        assertThat(Values.date("0000-00-00 00:00:00")).isNull();
    }

    @Test
    void refusesAmbiguousOrInvalidDates() {
        assertThatThrownBy(() -> Values.date("12/31/2025")).hasMessage(
                "\"12/31/2025\" is not a valid date (dates are read day/month/year)");
        assertThatThrownBy(() -> Values.date("31/12/25")).hasMessage(
                "\"31/12/25\" has a two-digit year: write the year in full, e.g. 31/12/2025");
        assertThatThrownBy(() -> Values.date("demain")).hasMessage(
                "\"demain\" is not a date (expected day/month/year, e.g. 31/12/2025, or 2025-12-31)");
    }

    @Test
    void readsMonthsAndFlags() {
        assertThat(Values.months("36")).isEqualTo(36);
        assertThat(Values.months("36 months")).isEqualTo(36);
        assertThat(Values.months("36 mois")).isEqualTo(36);
        assertThat(Values.months("3 ans")).isEqualTo(36);
        assertThat(Values.flag("1")).isTrue();
        assertThat(Values.flag("Oui")).isTrue();
        assertThat(Values.flag("0")).isFalse();
        assertThatThrownBy(() -> Values.flag("peut-être")).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            8 Go                               | 8
            8GB                                | 8
            8192 Mo                            | 8
            8 GiB                              | 8
            16 Go (2 x 8 Go)                   | 16
            2 x 8 Go                           | 16
            DDR4 2666MHz 8GB                   | 8
            DDR4 SODIMM 8 Go\\nDDR4 SODIMM 8 Go | 16
            16                                 | 16
            8192                               | 8
            """)
    void readsMemorySizes(String text, int expected) {
        assertThat(SpecText.ramGb(text.replace("\\n", "\n"), SpecText.Unit.GB)).isEqualTo(expected);
    }

    @Test
    void readsBareGlpiSizesInMegabytes() {
        assertThat(SpecText.ramGb("4096\n4096", SpecText.Unit.MB)).isEqualTo(8);
        assertThat(SpecText.storage("256000", SpecText.Unit.MB)).isEqualTo(new SpecText.Storage(256, null));
        assertThat(SpecText.ramGb("SODIMM", SpecText.Unit.GB)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            256 Go SSD                     | 256  | SSD
            1 To HDD                       | 1000 | HDD
            512GB NVMe                     | 512  | SSD
            SAMSUNG MZVLB512HBJQ 512 Go    | 512  | -
            HDD SATA 500 Go 7200 rpm       | 500  | HDD
            2 To                           | 2000 | -
            """)
    void readsStorage(String text, int gb, String type) {
        assertThat(SpecText.storage(text, SpecText.Unit.GB)).isEqualTo(new SpecText.Storage(gb, type));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            24"          | 24
            23,8 pouces  | 23.8
            27 in        | 27
            15.6''       | 15.6
            Écran 21,5”  | 21.5
            23.80        | 23.8
            """)
    void readsScreenSizes(String text, BigDecimal expected) {
        assertThat(SpecText.screenInches(text)).isEqualTo(expected);
    }

    @Test
    void tidiesProcessorNames() {
        assertThat(SpecText.cpu("Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz")).isEqualTo("Intel Core i5-8250U");
        assertThat(SpecText.cpu("Intel Core i5-8250U")).isEqualTo("Intel Core i5-8250U");
        assertThat(SpecText.cpu("AMD Ryzen 5 PRO 4650U with Radeon Graphics")).isEqualTo(
                "AMD Ryzen 5 PRO 4650U with Radeon Graphics");
        assertThat(SpecText.cpu("Intel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz\nIntel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz"))
                .isEqualTo("Intel Xeon Silver 4214");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Portable                         | LAPTOP
            Ordinateur portable              | LAPTOP
            Notebook                         | LAPTOP
            Latitude 5420                    | LAPTOP
            ThinkPad T14 Gen 2               | LAPTOP
            Station de travail mobile        | LAPTOP
            Tour                             | DESKTOP
            Mini tour                        | DESKTOP
            Poste fixe                       | DESKTOP
            All-in-one                       | DESKTOP
            OptiPlex 7080                    | DESKTOP
            Écran                            | SCREEN
            Moniteurs                        | SCREEN
            ProLite XUB2492HSU               | SCREEN
            Smartphone                       | SMARTPHONE
            Téléphone portable               | SMARTPHONE
            Mobile Phones                    | SMARTPHONE
            iPhone 12                        | SMARTPHONE
            Galaxy A52                       | SMARTPHONE
            Galaxy Tab A8                    | TABLET
            Tablette                         | TABLET
            iPad 9                           | TABLET
            Imprimante réseau                | PRINTER
            LaserJet Pro M404dn              | PRINTER
            Serveur tour                     | SERVER
            PowerEdge R640                   | SERVER
            Commutateur                      | NETWORK
            Networking                       | NETWORK
            Borne Wi-Fi                      | NETWORK
            Station d'accueil pour portable  | OTHER
            Téléphone IP                     | OTHER
            Machine virtuelle                | OTHER
            laptop                           | LAPTOP
            43211503                         | LAPTOP
            """)
    void infersCategoriesFromFrenchAndEnglishText(String text, Category expected) {
        assertThat(Categories.fromText(text)).isEqualTo(expected);
    }

    @Test
    void saysNothingWhenTheTextNamesNoCategory() {
        assertThat(Categories.fromText("Rally Bar")).isNull();
        assertThat(Categories.fromText("")).isNull();
        assertThat(Categories.fromText(null)).isNull();
    }

    @Test
    void cleansTextAndHtmlEntities() {
        assertThat(Text.clean("  Latitude \u00A0  5420\n")).isEqualTo("Latitude 5420");
        assertThat(Text.clean("\u202F")).isNull();
        assertThat(Text.unescapeHtml("Site Nord &gt; L&#039;accueil &amp; co &#x2013; &unknown;"))
                .isEqualTo("Site Nord > L'accueil & co – &unknown;");
    }
}
