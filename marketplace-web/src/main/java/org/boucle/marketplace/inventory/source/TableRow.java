package org.boucle.marketplace.inventory.source;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

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

    /**
     * Reports what is wrong with the record's structure rather than with a value, as (column or null, reason):
     * cells beyond the header, a quote left open, and, in the columns the reader uses, cells cut at the limit or
     * with bytes the file's encoding does not have.
     *
     * @param usedColumn the name to report a column's problems under, or null for a column the reader does not use
     */
    void problems(IntFunction<String> usedColumn, int maxCellChars, BiConsumer<String, String> report) {
        if (extraCells) {
            report.accept(null, "the row has more cells than the header has columns (a separator inside an unquoted "
                    + "cell?)");
        }
        if (unclosedQuote) {
            report.accept(null, "a quoted cell is never closed: the rest of the file was read into it");
        }
        for (int i = 0; i < cells.size(); i++) {
            String column = usedColumn.apply(i);
            if (column == null) {
                continue;
            }
            if (isTooLong(i)) {
                report.accept(column, "the cell is longer than " + maxCellChars + " characters");
            } else if (cells.get(i).indexOf('\uFFFD') >= 0) {
                report.accept(column, "the cell has bytes that are not valid in the file's encoding");
            }
        }
    }
}
