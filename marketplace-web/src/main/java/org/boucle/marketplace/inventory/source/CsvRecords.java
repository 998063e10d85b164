package org.boucle.marketplace.inventory.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
     * A header that lacks one of the columns, or names one more than once: the file is unreadable, and each
     * problem is also given on the header's row for a feature that lists them with the rows'.
     */
    public static final class BadHeader extends UnreadableExportException {

        private static final long serialVersionUID = 1L;

        private final List<RowError> errors;

        BadHeader(String message, List<RowError> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    /**
     * Hands each non-blank row to the consumer, with its problems so far (cells too long, bytes the encoding cannot
     * read, a quote never closed...). A file that is not CSV text is unreadable, and so is one whose header lacks
     * one of the columns or names it twice ({@link BadHeader}).
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
        /** By the file's column index: the wanted column it holds, or null. */
        private String[] wanted;

        Handler(List<String> columns, Consumer<CsvRecord> rows) {
            this.columns = List.copyOf(columns);
            this.rows = rows;
        }

        @Override
        public void header(TableRow header) throws UnreadableExportException {
            List<String> names = header.names();
            List<String> keys = columns.stream().map(Text::key).toList();
            wanted = new String[names.size()];
            Set<String> found = new HashSet<>();
            Set<String> twice = new LinkedHashSet<>();
            List<RowError> errors = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                int at = keys.indexOf(Text.key(names.get(i)));
                if (at < 0) {
                    continue;
                }
                String column = columns.get(at);
                if (found.add(column)) {
                    wanted[i] = column;
                } else {
                    // Which of the two the user meant would be a guess, and the other one's values would be lost.
                    errors.add(new RowError(header.row(), names.get(i), "the column appears twice in the header"));
                    twice.add(Text.quote(column));
                }
            }
            List<String> missing = new ArrayList<>();
            for (String column : columns) {
                if (!found.contains(column)) {
                    errors.add(new RowError(header.row(), column, "the header has no column " + column + " (expected "
                            + String.join(",", columns) + ")"));
                    missing.add(Text.quote(column));
                }
            }
            if (!errors.isEmpty()) {
                List<String> faults = new ArrayList<>(2);
                if (!missing.isEmpty()) {
                    faults.add("no column " + String.join(", ", missing));
                }
                if (!twice.isEmpty()) {
                    faults.add("the column " + String.join(", ", twice) + " more than once");
                }
                throw new BadHeader("The file has " + String.join(" and ", faults) + ". Its header reads: "
                        + Headers.sample(names) + ".", errors);
            }
        }

        @Override
        public boolean row(TableRow row) {
            CsvRecord record = new CsvRecord(row.row());
            row.problems(i -> wanted[i], limits.maxCellChars(), record::error);
            for (int i = 0; i < wanted.length; i++) {
                if (wanted[i] != null && !record.hasError(wanted[i])) {
                    record.put(wanted[i], Text.clean(row.cell(i)));
                }
            }
            rows.accept(record);
            return true;
        }
    }
}
