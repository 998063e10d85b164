package org.boucle.marketplace.inventory.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One row of a file read by {@link CsvRecords}: its cells by column, read in the inventory's formats, and every
 * problem found in it, by column, so that an import can report them all at once. A cell already in error (too
 * long, badly encoded) reads as null without a second error.
 */
public final class CsvRecord {

    private static final String MISSING = "the value is missing";

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
        return required(column, MISSING);
    }

    /** The cell, required: a blank cell is an error, with the reason given. */
    public String required(String column, String whenMissing) {
        String value = text(column);
        if (value == null && !hasError(column)) {
            error(column, whenMissing);
        }
        return value;
    }

    /**
     * A required date as French tools write it (31/12/2025, 31.12.2025) or ISO (2025-12-31); anything else is an
     * error, never a guess.
     */
    public LocalDate date(String column) {
        return date(column, MISSING);
    }

    /** A required date, as {@link #date(String)}, with the reason given when it is missing. */
    public LocalDate date(String column, String whenMissing) {
        return parse(column, whenMissing, Values::date);
    }

    /**
     * A required decimal as French tools write it (1 234,50 with any kind of space, an optional €), or in English
     * (1,234.50) or German (1.234,50); anything else is an error.
     */
    public BigDecimal decimal(String column, String whenMissing) {
        return parse(column, whenMissing, Values::decimal);
    }

    /** A parser's null means no value (GLPI's zero date). */
    private <T> T parse(String column, String whenMissing, Function<String, T> parser) {
        String value = required(column, whenMissing);
        if (value == null) {
            return null;
        }
        try {
            T parsed = parser.apply(value);
            if (parsed == null) {
                error(column, whenMissing);
            }
            return parsed;
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

    boolean hasError(String column) {
        return errors.stream().anyMatch(e -> column.equals(e.column()));
    }
}
