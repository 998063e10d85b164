package org.boucle.marketplace.inventory.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A CSV upload whose columns another feature defines (quota purchases), read exactly as the inventory readers read
 * a CSV export: encoding sniffed (UTF-8, Windows-1252, a byte order mark), separator ";", "," or tab found on the
 * header line, quoted cells, blank lines skipped, binary files refused, all within the {@link ReaderLimits}. Rows
 * come one at a time with their cells cleaned and the problems of their structure already named.
 */
public final class DelimitedText {

    private final ReaderLimits limits;

    public DelimitedText(ReaderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * One data row.
     *
     * @param row the line it starts on, the header being line 1
     * @param cells cleaned (trimmed, spaces folded), null for blank; as many as the header has columns
     * @param problems what is wrong with its structure (cells beyond the header, a quote left open, a cell too long
     *     or badly encoded), each with the column's name or null for the whole row
     */
    public record Row(long row, List<String> cells, List<RowError> problems) {
    }

    public interface Handler {

        /** The header's cleaned names, blank ones as "". */
        void header(List<String> names) throws UnreadableExportException;

        void row(Row row);
    }

    /** Reads the whole file to the handler. The stream is not closed: it belongs to the caller. */
    public void read(InputStream in, Handler handler) throws IOException, UnreadableExportException {
        try {
            FileSniffer file = FileSniffer.of(new LimitedInputStream(in, limits.maxBytes()));
            file.requireText("CSV");
            new CsvTable(limits, ',').read(DecodingReader.open(file.stream()), new TableHandler() {

                private List<String> header;

                @Override
                public void header(TableRow row) throws UnreadableExportException {
                    header = row.names();
                    handler.header(header);
                }

                @Override
                public boolean row(TableRow row) {
                    List<RowError> problems = new ArrayList<>();
                    row.problems(header, column -> true, limits.maxCellChars(),
                            (column, reason) -> problems.add(new RowError(row.row(), column, reason)));
                    List<String> cells = new ArrayList<>(header.size());
                    for (int i = 0; i < header.size(); i++) {
                        cells.add(Text.clean(row.cell(i)));
                    }
                    handler.row(new Row(row.row(), Collections.unmodifiableList(cells), List.copyOf(problems)));
                    return true;
                }
            });
        } catch (LimitedInputStream.TooLarge e) {
            throw new UnreadableExportException(e.getMessage());
        }
    }
}
