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
        row.problems(column -> used[column] ? header.get(column) : null, limits.maxCellChars(), draft::error);
        map(row, draft);
        draft.finish(sink);
        return true;
    }
}
