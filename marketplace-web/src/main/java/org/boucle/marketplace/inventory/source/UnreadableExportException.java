package org.boucle.marketplace.inventory.source;

/** Whole-file problems: answered before or instead of row errors; the message is shown to users as is. */
public class UnreadableExportException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableExportException(String message) {
        super(message);
    }
}
