package org.boucle.marketplace.inventory.source;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A donor's saved mapping for a generic CSV or XLSX file: Boucle field to the file's column header, compared
 * trimmed and case-insensitively.
 *
 * <p>At least one of CATEGORY, NAME or MODEL must be mapped: every row needs something that says what the asset
 * is, and without one of these columns no row could ever be accepted. Several fields may share a column (a
 * "Désignation" column can be both the name and the model).
 */
public record ColumnMapping(Map<MappedField, String> columns) {

    public ColumnMapping {
        Objects.requireNonNull(columns, "columns");
        EnumMap<MappedField, String> copy = new EnumMap<>(MappedField.class);
        columns.forEach((field, header) -> {
            Objects.requireNonNull(field, "field");
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException("The column for the " + field.label() + " is blank.");
            }
            copy.put(field, header.trim());
        });
        if (!copy.containsKey(MappedField.CATEGORY) && !copy.containsKey(MappedField.NAME)
                && !copy.containsKey(MappedField.MODEL)) {
            throw new IllegalArgumentException("Map at least the category, name or model column: otherwise nothing "
                    + "says what the assets are.");
        }
        columns = Map.copyOf(copy);
    }

    /** The header mapped to this field, or null. */
    public String column(MappedField field) {
        return columns.get(field);
    }
}
