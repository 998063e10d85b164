package org.boucle.marketplace.inventory.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a CSV file of known columns that another feature imports (a donor's declared dispositions, a finance
 * export...) exactly as the inventory reads its exports: encoding found without being told (UTF-8, UTF-16,
 * Windows-1252), separator ";", "," or tab (or Excel's "sep=" line), quoted cells, the same limits; and its cells
 * in the same French formats through {@link CsvRecord}. Columns are found by name whatever their case, accents,
 * spacing or order; other columns are ignored. The input stream is not closed: it belongs to the caller.
 */
public final class CsvRecords {

    private final ReaderLimits limits;

    public CsvRecords(ReaderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Hands each non-blank row to the consumer, with its problems so far (cells too long, bytes the encoding cannot
     * read, a quote never closed...). A file that is not CSV text, or lacks one of the columns, is unreadable.
     */
    public void read(InputStream in, List<String> columns, Consumer<CsvRecord> rows)
            throws UnreadableExportException, IOException {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rows, "rows");
        try {
            FileSniffer file = FileSniffer.of(new LimitedInputStream(Objects.requireNonNull(in, "in"), limits.maxBytes()));
            file.requireText("CSV");
            new CsvTable(limits, ',').read(DecodingReader.open(file.stream()), new Handler(columns, rows));
        } catch (LimitedInputStream.TooLarge e) {
            throw new UnreadableExportException(e.getMessage());
        }
    }

    private final class Handler implements TableHandler {

        private final List<String> columns;
        private final Consumer<CsvRecord> rows;
        private final int[] indexes;

        Handler(List<String> columns, Consumer<CsvRecord> rows) {
            this.columns = List.copyOf(columns);
            this.rows = rows;
            this.indexes = new int[columns.size()];
        }

        @Override
        public void header(TableRow header) throws UnreadableExportException {
            List<String> names = header.names();
            List<String> keys = names.stream().map(Text::key).toList();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                indexes[i] = keys.indexOf(Text.key(columns.get(i)));
                if (indexes[i] < 0) {
                    missing.add(Text.quote(columns.get(i)));
                }
            }
            if (!missing.isEmpty()) {
                throw new UnreadableExportException("The file has no column " + String.join(", ", missing)
                        + ". Its header reads: " + Headers.sample(names) + ".");
            }
        }

        @Override
        public boolean row(TableRow row) {
            CsvRecord record = new CsvRecord(row.row());
            if (row.extraCells()) {
                record.error(null, "the row has more cells than the header has columns (a separator inside an "
                        + "unquoted cell?)");
            }
            if (row.unclosedQuote()) {
                record.error(null, "a quoted cell is never closed: the rest of the file was read into it");
            }
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                if (row.isTooLong(indexes[i])) {
                    record.error(column, "the cell is longer than " + limits.maxCellChars() + " characters");
                } else if (row.cell(indexes[i]) != null && row.cell(indexes[i]).indexOf('\uFFFD') >= 0) {
                    record.error(column, "the cell has bytes that are not valid in the file's encoding");
                } else {
                    record.put(column, Text.clean(row.cell(indexes[i])));
                }
            }
            rows.accept(record);
            return true;
        }
    }
}
