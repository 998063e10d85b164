package org.boucle.marketplace.inventory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.boucle.marketplace.inventory.source.RowError;

/**
 * Every row error of one import: the first ones in memory for the answer, all of them in a spool file
 * (in PostgreSQL COPY csv form) so that a file with a million bad rows does not fill the heap.
 */
final class ErrorLog implements AutoCloseable {

    private final Path spool;
    private final BufferedWriter writer;
    private final int kept;
    private final List<RowError> first = new ArrayList<>();
    private long count;

    ErrorLog(int kept) {
        this.kept = kept;
        try {
            spool = Files.createTempFile("boucle-import-errors-", ".csv");
            writer = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(RowError error) {
        count++;
        if (first.size() < kept) {
            first.add(error);
        }
        try {
            writer.write(Long.toString(error.row()));
            writer.write(',');
            writer.write(CopyCsv.field(error.column()));
            writer.write(',');
            writer.write(CopyCsv.field(error.reason() == null ? "invalid" : error.reason()));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count() {
        return count;
    }

    List<RowError> first() {
        return List.copyOf(first);
    }

    /** The spooled errors, flushed, as {@code row_number,column_name,reason} lines. */
    Path spool() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spool;
    }

    @Override
    public void close() {
        try {
            writer.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
