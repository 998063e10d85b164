package org.boucle.marketplace.inventory.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One asset read from an export, normalised to Boucle's taxonomy.
 *
 * @param row the row number the user sees: for CSV the line where the record starts (the header's line, blank
 *     lines and Excel's "sep=;" line count, so the first data row under a first-line header is 2), for XLSX the
 *     sheet's row number, for JSON the 1-based position of the item in the export
 * @param sourceId the source system's id (GLPI id; Snipe-IT id, else asset tag; the mapped column of a generic
 *     file), null when the export has none
 * @param assetTag GLPI's inventory number (otherserial) or Snipe-IT's asset tag
 * @param manufacturer normalised ("Hewlett-Packard" and "HP Inc." are "HP"), null if absent
 * @param purchaseValue EUR excluding VAT, as exported
 * @param location the source's location name, e.g. "Site Nord > Bâtiment B"
 * @param status the source's state label
 * @param deletedInSource GLPI's trash (is_deleted), Snipe-IT's deleted or archived assets
 */
public record SourceAsset(
        long row,
        String sourceId,
        String name,
        String serial,
        String assetTag,
        Category category,
        String manufacturer,
        String model,
        Specs specs,
        LocalDate purchaseDate,
        LocalDate warrantyEnd,
        LocalDate plannedDecommission,
        BigDecimal purchaseValue,
        String location,
        String status,
        boolean deletedInSource) {

    public SourceAsset {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(specs, "specs");
    }
}
