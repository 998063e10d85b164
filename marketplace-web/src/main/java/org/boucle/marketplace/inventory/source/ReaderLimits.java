package org.boucle.marketplace.inventory.source;

/**
 * Bounds that keep a hostile or broken upload from exhausting memory or time.
 *
 * @param maxBytes the upload's size, counted while streaming (compressed size for XLSX)
 * @param maxColumns header cells
 * @param maxCellChars one cell or JSON value; longer ones are row errors
 * @param maxRecordChars one record (a CSV line with its quoted line breaks, an XLSX row, a JSON item); longer
 *     ones make the file unreadable, as no inventory row is that long
 * @param maxRows data rows or JSON items
 */
public record ReaderLimits(long maxBytes, int maxColumns, int maxCellChars, int maxRecordChars, long maxRows) {

    public ReaderLimits {
        if (maxBytes <= 0 || maxColumns <= 0 || maxCellChars <= 0 || maxRecordChars <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("reader limits must be positive");
        }
    }

    public static ReaderLimits defaults() {
        return new ReaderLimits(200L * 1024 * 1024, 512, 32_768, 1_048_576, 2_000_000);
    }
}
