package org.boucle.marketplace.inventory.source;

import java.util.List;

/**
 * What every tabular format shares: the header, and the row problems that come from the file's structure rather
 * than from a value. Problems in columns the format does not read are ignored, since nothing of them is imported.
 */
abstract class TableMapper implements TableHandler {

    private final ReaderLimits limits;
    private final AssetSink sink;
    private List<String> header;
    private boolean[] used;

    TableMapper(ReaderLimits limits, AssetSink sink) {
        this.limits = limits;
        this.sink = sink;
    }

    @Override
    public final void header(TableRow row) throws UnreadableExportException {
        header = row.names();
        used = new boolean[header.size()];
        resolve(header);
    }

    /** Finds the columns this format reads, calling {@link #use} for each. */
    abstract void resolve(List<String> header) throws UnreadableExportException;

    /** Fills the draft from the row's cells. */
    abstract void map(TableRow row, AssetDraft draft);

    final void use(int column) {
        used[column] = true;
    }

    /** The column's header as the user sees it. */
    final String columnName(int column) {
        return header.get(column);
    }

    @Override
    public final boolean row(TableRow row) {
        AssetDraft draft = new AssetDraft(row.row(), limits.maxCellChars());
        if (row.extraCells()) {
            draft.error(null, "the row has more cells than the header has columns (a separator inside an unquoted "
                    + "cell?)");
        }
        if (row.unclosedQuote()) {
            draft.error(null, "a quoted cell is never closed: the rest of the file was read into it");
        }
        for (int i = 0; i < row.cells().size() && i < used.length; i++) {
            if (!used[i]) {
                continue;
            }
            if (row.isTooLong(i)) {
                draft.error(columnName(i), "the cell is longer than " + limits.maxCellChars() + " characters");
            } else if (row.cells().get(i).indexOf('\uFFFD') >= 0) {
                draft.error(columnName(i), "the cell has bytes that are not valid in the file's encoding");
            }
        }
        map(row, draft);
        draft.finish(sink);
        return true;
    }
}
