package org.boucle.marketplace.inventory.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Reads donors' inventory exports (GLPI, Snipe-IT, generic CSV and XLSX) into normalised assets, streaming: one
 * record is held at a time, whatever the file's size, within the {@link ReaderLimits}.
 *
 * <p>Whole-file problems (empty, not the chosen format, too large, malformed JSON, a header or a record beyond the
 * limits) throw {@link UnreadableExportException}. Most are found before the first row; a few can only be found
 * on the way (the byte or row limit, a huge record, JSON broken near its end), after the sink has received
 * earlier rows: callers treat the exception as the answer for the whole file and discard what they received.
 * The input stream is not closed: it belongs to the caller.
 */
public final class ExportReader {

    private final ReaderLimits limits;

    public ExportReader(ReaderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Streams the export to the sink, one asset or one row error at a time. Never holds the whole file.
     *
     * @param mappingOrNull required for {@link SourceFormat#needsMapping() generic files}, ignored otherwise
     */
    public void read(SourceFormat format, InputStream in, ColumnMapping mappingOrNull, AssetSink sink)
            throws UnreadableExportException, IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        if (format.needsMapping() && mappingOrNull == null) {
            throw new IllegalArgumentException(format.code() + " files need a column mapping");
        }
        try {
            FileSniffer file = FileSniffer.of(new LimitedInputStream(in, limits.maxBytes()));
            switch (format) {
                case GLPI_JSON -> json(file, "GLPI JSON", new GlpiJsonMapper(), sink);
                case SNIPEIT_JSON -> json(file, "Snipe-IT JSON", new SnipeItJsonMapper(), sink);
                case GLPI_CSV -> table(format, file, new GlpiCsvMapper(limits, sink));
                case SNIPEIT_CSV -> table(format, file, new SnipeItCsvMapper(limits, sink));
                case CSV, XLSX -> table(format, file, new MappedTableMapper(mappingOrNull, limits, sink));
            }
        } catch (LimitedInputStream.TooLarge e) {
            throw new UnreadableExportException(e.getMessage());
        }
    }

    /** For the mapping page: the header and the first rows of a CSV file or sheet, as text cells. */
    public Preview preview(SourceFormat format, InputStream in, int rows) throws UnreadableExportException, IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(in, "in");
        if (format.isJson()) {
            throw new IllegalArgumentException("only CSV and XLSX files have columns to preview");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        PreviewCollector collector = new PreviewCollector(rows);
        try {
            table(format, FileSniffer.of(new LimitedInputStream(in, limits.maxBytes())), collector);
        } catch (LimitedInputStream.TooLarge e) {
            throw new UnreadableExportException(e.getMessage());
        }
        return new Preview(collector.header, Collections.unmodifiableList(collector.rows));
    }

    /**
     * The header and first data rows of a generic file.
     *
     * @param rows each as wide as the header: short rows padded with empty cells, cells beyond the header left out
     */
    public record Preview(List<String> header, List<List<String>> rows) {
    }

    private void json(FileSniffer file, String formatName, ItemMapper mapper, AssetSink sink)
            throws IOException, UnreadableExportException {
        file.requireText(formatName);
        new JsonItems(limits).read(DecodingReader.open(file.stream()), mapper, sink);
    }

    private void table(SourceFormat format, FileSniffer file, TableHandler handler)
            throws IOException, UnreadableExportException {
        if (format == SourceFormat.XLSX) {
            file.requireZip();
            new XlsxTable(limits).read(file.stream(), handler);
            return;
        }
        file.requireText("CSV");
        char separator = format == SourceFormat.GLPI_CSV ? ';' : ',';
        new CsvTable(limits, separator).read(DecodingReader.open(file.stream()), handler);
    }

    private static final class PreviewCollector implements TableHandler {

        private final int wanted;
        private final List<List<String>> rows = new ArrayList<>();
        private List<String> header;

        PreviewCollector(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public void header(TableRow row) {
            header = row.names();
        }

        @Override
        public boolean row(TableRow row) {
            if (rows.size() == wanted) {
                return false;
            }
            List<String> cells = new ArrayList<>(row.cells());
            while (cells.size() < header.size()) {
                cells.add("");
            }
            rows.add(List.copyOf(cells));
            return rows.size() < wanted;
        }
    }
}
