package org.boucle.marketplace.inventory.source;

import java.util.Locale;

/** Counts data rows against the limit. */
final class RowBudget {

    private final long maxRows;
    private long rows;

    RowBudget(long maxRows) {
        this.maxRows = maxRows;
    }

    void count() throws UnreadableExportException {
        if (++rows > maxRows) {
            throw new UnreadableExportException(String.format(Locale.ROOT,
                    "The file has more than %,d rows, the most Boucle reads at once: split it into several exports.",
                    maxRows));
        }
    }
}
