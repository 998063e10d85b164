package org.boucle.marketplace.inventory.source;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One record of a CSV file or one row of a sheet, as text cells.
 *
 * @param row the line (CSV) or sheet row (XLSX) where it starts
 * @param cells at most as many cells as the header has; missing trailing cells are simply absent
 * @param tooLong the cells cut at the cell limit, or null
 * @param extraCells whether cells beyond the header's width hold something
 * @param unclosedQuote whether the file ended inside a quoted cell of this record
 */
record TableRow(long row, List<String> cells, BitSet tooLong, boolean extraCells, boolean unclosedQuote) {

    /** The cells as column names: cleaned, and empty rather than null. */
    List<String> names() {
        List<String> names = new ArrayList<>(cells.size());
        for (String cell : cells) {
            String name = Text.clean(cell);
            names.add(name == null ? "" : name);
        }
        return List.copyOf(names);
    }

    String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    boolean isTooLong(int index) {
        return tooLong != null && tooLong.get(index);
    }
}
