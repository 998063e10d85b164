package org.boucle.marketplace.inventory.source;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads delimited text as it comes out of GLPI, Snipe-IT and Excel: separator ";", "," or tab found on the header
 * line (outside quotes) or given by Excel's "sep=;" first line; cells quoted with doubled quotes inside and line
 * breaks (CRLF, LF or CR) inside; blank lines and rows of empty cells skipped.
 *
 * <p>Lenient as spreadsheets are: a quote inside an unquoted cell is kept as is, and text after a closing quote
 * stays in the cell.
 *
 * <p>Memory stays flat: one record at a time, cells past the header's width are only checked for content, cells
 * stop growing at the cell limit, and a record longer than the record limit stops the read as soon as it is seen,
 * without holding it.
 */
final class CsvTable {

    private static final int BUFFER_CHARS = 64 * 1024;
    private static final int EOF = -1;

    private final ReaderLimits limits;
    private final char defaultSeparator;

    CsvTable(ReaderLimits limits, char defaultSeparator) {
        this.limits = limits;
        this.defaultSeparator = defaultSeparator;
    }

    void read(Reader reader, TableHandler handler) throws IOException, UnreadableExportException {
        Tokenizer tokenizer = new Tokenizer(reader);
        tokenizer.start();
        TableRow header = tokenizer.next(limits.maxColumns(), true);
        if (header == null) {
            throw new UnreadableExportException("The file is empty: it has no header row.");
        }
        handler.header(header);
        int width = header.cells().size();
        RowBudget budget = new RowBudget(limits.maxRows());
        for (TableRow row = tokenizer.next(width, false); row != null; row = tokenizer.next(width, false)) {
            budget.count();
            if (!handler.row(row)) {
                return;
            }
        }
    }

    private final class Tokenizer {

        private final Reader reader;
        private final char[] buffer = new char[BUFFER_CHARS];
        private final StringBuilder cell = new StringBuilder(64);
        private int position;
        private int limit;
        private long line = 1;
        private char separator;

        Tokenizer(Reader reader) {
            this.reader = reader;
        }

        /** Fills the first buffer, refuses what is not CSV, and settles the separator. */
        void start() throws IOException, UnreadableExportException {
            while (limit < buffer.length) {
                int n = reader.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    break;
                }
                limit += n;
            }
            if (limit > 0 && buffer[0] == '\uFEFF') {
                position = 1;
            }
            refuseOtherFormats();
            if (!readSeparatorLine()) {
                separator = detectSeparator();
            }
        }

        private void refuseOtherFormats() throws UnreadableExportException {
            int first = position;
            while (first < limit && Character.isWhitespace(buffer[first])) {
                first++;
            }
            if (first == limit) {
                throw new UnreadableExportException("The file is empty: it has no header row.");
            }
            char c = buffer[first];
            if (c == '{' || c == '[' && jsonArrayFollows(first + 1)) {
                throw new UnreadableExportException("This file is JSON, not CSV: choose the GLPI JSON or Snipe-IT "
                        + "JSON format.");
            }
            String start = new String(buffer, first, Math.min(16, limit - first)).toLowerCase(Locale.ROOT);
            if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml")) {
                throw new UnreadableExportException("This file is a web page or XML, not a CSV export: export the "
                        + "list again as CSV.");
            }
        }

        private boolean jsonArrayFollows(int from) {
            int i = from;
            while (i < limit && Character.isWhitespace(buffer[i])) {
                i++;
            }
            return i == limit || "{[]\"".indexOf(buffer[i]) >= 0;
        }

        /** Excel's "sep=;" line names the separator and is not the header. */
        private boolean readSeparatorLine() {
            int at = position;
            if (limit - at < 5 || !new String(buffer, at, 4).equalsIgnoreCase("sep=")) {
                return false;
            }
            int end = at + 5;
            if (end < limit && buffer[end] != '\r' && buffer[end] != '\n') {
                return false;
            }
            separator = buffer[at + 4];
            position = end;
            if (position < limit && buffer[position] == '\r') {
                position++;
            }
            if (position < limit && buffer[position] == '\n') {
                position++;
            }
            line = 2;
            return true;
        }

        /** The most frequent of ";", tab and "," outside quotes on the first line; ";" wins ties, as in France. */
        private char detectSeparator() {
            int semicolons = 0;
            int tabs = 0;
            int commas = 0;
            boolean quoted = false;
            for (int i = position; i < limit; i++) {
                char c = buffer[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    if (semicolons + tabs + commas > 0) {
                        break;
                    }
                } else if (!quoted) {
                    switch (c) {
                        case ';' -> semicolons++;
                        case '\t' -> tabs++;
                        case ',' -> commas++;
                        default -> {
                        }
                    }
                }
            }
            if (semicolons + tabs + commas == 0) {
                return defaultSeparator;
            }
            if (semicolons >= tabs && semicolons >= commas) {
                return ';';
            }
            return tabs >= commas ? '\t' : ',';
        }

        private int read() throws IOException {
            return fill() ? buffer[position++] : EOF;
        }

        private int peek() throws IOException {
            return fill() ? buffer[position] : EOF;
        }

        /** Refills the buffer once it is used up; false at the end of the input. */
        private boolean fill() throws IOException {
            if (position == limit) {
                int n = reader.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    return false;
                }
                position = 0;
                limit = n;
            }
            return true;
        }

        /**
         * The next non-blank record, keeping at most {@code width} cells. For the header, more cells than the
         * column limit make the file unreadable.
         */
        TableRow next(int width, boolean header) throws IOException, UnreadableExportException {
            while (peek() != EOF) {
                TableRow row = record(width, header);
                if (row != null) {
                    return row;
                }
            }
            return null;
        }

        /** One record, or null when all its cells are blank. */
        private TableRow record(int width, boolean header) throws IOException, UnreadableExportException {
            long start = line;
            List<String> cells = new ArrayList<>(Math.min(width, 32));
            BitSet tooLong = null;
            boolean extraCells = false;
            boolean content = false;
            boolean unclosedQuote = false;
            int count = 0;
            long chars = 0;
            boolean inQuotes = false;
            boolean quotedCell = false;
            boolean cellContent = false;
            boolean cut = false;
            cell.setLength(0);
            while (true) {
                int c = read();
                if (c != EOF && ++chars > limits.maxRecordChars()) {
                    throw new UnreadableExportException(String.format(Locale.ROOT, "The record starting on line %d "
                            + "is longer than %,d characters, so this is not a usable inventory export (a quote "
                            + "left open can cause this).", start, limits.maxRecordChars()));
                }
                boolean endOfCell = false;
                boolean endOfRecord = false;
                if (inQuotes) {
                    if (c == EOF) {
                        unclosedQuote = true;
                        endOfCell = true;
                        endOfRecord = true;
                    } else if (c == '"') {
                        if (peek() == '"') {
                            read();
                            chars++;
                        } else {
                            inQuotes = false;
                            continue;
                        }
                    } else if (c == '\r' || c == '\n') {
                        if (c == '\r' && peek() == '\n') {
                            read();
                            chars++;
                        }
                        line++;
                        c = '\n';
                    }
                } else if (c == EOF) {
                    endOfCell = true;
                    endOfRecord = true;
                } else if (c == separator) {
                    endOfCell = true;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    line++;
                    endOfCell = true;
                    endOfRecord = true;
                } else if (c == '"' && !quotedCell && !cellContent) {
                    inQuotes = true;
                    quotedCell = true;
                    cell.setLength(0);
                    continue;
                }
                if (endOfCell) {
                    if (count < width) {
                        cells.add(cell.toString());
                        if (cut) {
                            tooLong = tooLong == null ? new BitSet() : tooLong;
                            tooLong.set(count);
                        }
                    } else if (header) {
                        throw new UnreadableExportException(String.format(Locale.ROOT, "The header has more than "
                                + "%,d columns, so this is not an inventory export (or its separator is not ;, "
                                + "comma or tab).", width));
                    } else if (cellContent) {
                        extraCells = true;
                    }
                    content |= cellContent;
                    count++;
                    cell.setLength(0);
                    quotedCell = false;
                    cellContent = false;
                    cut = false;
                    if (endOfRecord) {
                        break;
                    }
                    continue;
                }
                char ch = (char) c;
                cellContent |= !Text.isSpace(ch);
                if (count < width) {
                    if (cell.length() < limits.maxCellChars()) {
                        cell.append(ch);
                    } else {
                        cut = true;
                    }
                }
            }
            return content || unclosedQuote ? new TableRow(start, cells, tooLong, extraCells, unclosedQuote) : null;
        }
    }
}
