package org.boucle.marketplace.inventory.source;

/**
 * Why one row of an export was not imported.
 *
 * @param row the row number as in {@link SourceAsset#row()}
 * @param column the column or field name as the user sees it in the file, or null when the whole row is at fault
 * @param reason a readable English sentence
 */
public record RowError(long row, String column, String reason) {
}
