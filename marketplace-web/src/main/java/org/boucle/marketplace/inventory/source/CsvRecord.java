package org.boucle.marketplace.inventory.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a file read by {@link CsvRecords}: its cells by column, read in the inventory's formats, and every
 * problem found in it, by column, so that an import can report them all at once.
 */
public final class CsvRecord {

    private final long row;
    private final Map<String, String> cells = new HashMap<>();
    private final List<RowError> errors = new ArrayList<>(1);

    CsvRecord(long row) {
        this.row = row;
    }

    void put(String column, String value) {
        cells.put(column, value);
    }

    /** The line where the row starts, as the user sees it in the file (the header is line 1). */
    public long row() {
        return row;
    }

    /** The cell, cleaned of surrounding and repeated spaces; null when blank or unreadable. */
    public String text(String column) {
        return cells.get(column);
    }

    /** The cell, required: a blank cell is an error. */
    public String required(String column) {
        String value = text(column);
        if (value == null && !hasError(column)) {
            error(column, "the value is missing");
        }
        return value;
    }

    /**
     * A required date as French tools write it (31/12/2025, 31.12.2025) or ISO (2025-12-31); anything else is an
     * error, never a guess.
     */
    public LocalDate date(String column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = Values.date(value);
            if (date == null) {
                error(column, "the value is missing");
            }
            return date;
        } catch (InvalidValue e) {
            error(column, e.getMessage());
            return null;
        }
    }

    /** Notes a problem with the row; a null column means the whole row. */
    public void error(String column, String reason) {
        errors.add(new RowError(row, column, reason));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<RowError> errors() {
        return List.copyOf(errors);
    }

    private boolean hasError(String column) {
        return errors.stream().anyMatch(e -> column.equals(e.column()));
    }
}
