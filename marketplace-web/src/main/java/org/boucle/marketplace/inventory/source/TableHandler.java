package org.boucle.marketplace.inventory.source;

/** Receives a CSV file or a sheet: its header first, then its non-blank rows. */
interface TableHandler {

    void header(TableRow header) throws UnreadableExportException;

    /** Answers whether to go on reading. */
    boolean row(TableRow row) throws UnreadableExportException;
}
