package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files of known columns that other features import, read the inventory's way. */
class CsvRecordsTest {

    private static final List<String> COLUMNS = List.of("asset_tag_or_serial", "date", "channel");

    @Test
    void findsColumnsByNameWhateverTheirCaseOrderAndNeighboursAndReadsFrenchDates() throws Exception {
        byte[] file = ("sep=;\r\nRemarque;CHANNEL;Date;Asset_Tag_Or_Serial\r\n"
                + "\"cédé; voir fiche\";sale;31/12/2025;INV-1\r\n"
                + ";;;\r\n"
                + "\"sur deux\r\nlignes\";donation;2025-03-04;  SN 2  \r\n").getBytes(Charset.forName("windows-1252"));

        List<CsvRecord> records = read(file);

        assertThat(records).extracting(CsvRecord::row).containsExactly(3L, 5L);
        assertThat(records.get(0).text("asset_tag_or_serial")).isEqualTo("INV-1");
        assertThat(records.get(0).text("channel")).isEqualTo("sale");
        assertThat(records.get(0).date("date")).isEqualTo(LocalDate.of(2025, 12, 31));
        // Cleaned as the inventory cleans cells; the row is the line where the record starts.
        assertThat(records.get(1).text("asset_tag_or_serial")).isEqualTo("SN 2");
        assertThat(records.get(1).date("date")).isEqualTo(LocalDate.of(2025, 3, 4));
        assertThat(records).noneMatch(CsvRecord::hasErrors);
    }

    @Test
    void notesEveryProblemOfARowByColumn() throws Exception {
        byte[] file = ("asset_tag_or_serial,date,channel\n"
                + ",12/31/2025,sale\n"
                + "INV-2,01/02/25,sale,extra\n").getBytes(StandardCharsets.UTF_8);

        List<CsvRecord> records = read(file);
        CsvRecord first = records.get(0);
        assertThat(first.required("asset_tag_or_serial")).isNull();
        assertThat(first.date("date")).isNull();
        assertThat(first.errors()).extracting(RowError::row, RowError::column)
                .containsExactly(tuple(2L, "asset_tag_or_serial"),
                        tuple(2L, "date"));
        assertThat(first.errors().get(1).reason()).contains("12/31/2025", "day/month/year");
        CsvRecord second = records.get(1);
        assertThat(second.date("date")).isNull();
        assertThat(second.errors()).extracting(RowError::column).containsExactly(null, "date");
        assertThat(second.errors().get(0).reason()).contains("more cells than the header");
        assertThat(second.errors().get(1).reason()).contains("two-digit year");
    }

    @Test
    void refusesAFileWithoutTheColumnsOrThatIsNotText() {
        assertThatThrownBy(() -> read("asset_tag;date\nINV-1;01/01/2025\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessage("The file has no column \"asset_tag_or_serial\", \"channel\". Its header reads: \"asset_tag\", \"date\".");
        assertThatThrownBy(() -> read(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7'}))
                .isInstanceOf(UnreadableExportException.class).hasMessageContaining("PDF document");
        assertThatThrownBy(() -> new CsvRecords(new ReaderLimits(20, 10, 100, 1000, 10))
                .read(new ByteArrayInputStream("asset_tag_or_serial,date,channel\nINV-1,01/01/2025,sale\n"
                        .getBytes(StandardCharsets.UTF_8)), COLUMNS, r -> { }))
                .isInstanceOf(UnreadableExportException.class).hasMessageContaining("larger than 20 bytes");
    }

    @Test
    void refusesAHeaderThatNamesAColumnTwiceAndGivesEachHeaderProblemOnItsRow() {
        // After Excel's "sep=" line, the header is line 2. "Date" and "DATE" are the same column: which one holds
        // the dates would be a guess.
        byte[] file = "sep=;\nDate;asset_tag_or_serial;DATE\n01/01/2025;INV-1;02/01/2025\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(CsvRecords.BadHeader.class)
                .hasMessage("The file has no column \"channel\" and the column \"date\" more than once. Its header "
                        + "reads: \"Date\", \"asset_tag_or_serial\", \"DATE\".")
                .satisfies(e -> assertThat(((CsvRecords.BadHeader) e).errors())
                        .containsExactly(new RowError(2, "DATE", "the column appears twice in the header"),
                                new RowError(2, "channel", "the header has no column channel (expected "
                                        + "asset_tag_or_serial,date,channel)")));
    }

    @Test
    void readsAmountsInFrenchFormatsAndNotesUnreadableCellsOnlyInTheColumnsItReads() throws Exception {
        // A cell of 11 characters where the limit is 10: an error in a column read, nothing in one ignored.
        byte[] file = ("ref;amount;note\n"
                + "INV-1;1\u00a0234,50 €;1234567890X\n"
                + "1234567890X;douze;\n"
                + "INV-3;;\n").getBytes(StandardCharsets.UTF_8);
        List<CsvRecord> records = new ArrayList<>();
        new CsvRecords(new ReaderLimits(1_000_000, 16, 10, 1_000, 10)).read(new ByteArrayInputStream(file),
                List.of("ref", "amount"), records::add);

        assertThat(records.get(0).decimal("amount", "no amount")).isEqualByComparingTo("1234.50");
        assertThat(records.get(0).hasErrors()).isFalse();
        // The cut cell reads as null, without a second error for being missing.
        assertThat(records.get(1).required("ref")).isNull();
        assertThat(records.get(1).decimal("amount", "no amount")).isNull();
        assertThat(records.get(1).errors()).containsExactly(
                new RowError(3, "ref", "the cell is longer than 10 characters"),
                new RowError(3, "amount", "\"douze\" is not a number"));
        assertThat(records.get(2).decimal("amount", "no amount")).isNull();
        assertThat(records.get(2).errors()).containsExactly(new RowError(4, "amount", "no amount"));
    }

    private static List<CsvRecord> read(byte[] file) throws Exception {
        List<CsvRecord> records = new ArrayList<>();
        new CsvRecords(ReaderLimits.defaults()).read(new ByteArrayInputStream(file), COLUMNS, records::add);
        return records;
    }
}
