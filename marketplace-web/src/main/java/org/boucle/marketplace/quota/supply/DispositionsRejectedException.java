package org.boucle.marketplace.quota.supply;

import java.util.List;
import org.boucle.marketplace.inventory.source.RowError;

/** A dispositions file that declared nothing: unreadable, or with rows at fault (the first ones, and how many). */
public class DispositionsRejectedException extends RuntimeException {

    private final transient List<RowError> rejected;
    private final long rejectedCount;

    DispositionsRejectedException(String detail, List<RowError> rejected, long rejectedCount) {
        super(detail);
        this.rejected = List.copyOf(rejected);
        this.rejectedCount = rejectedCount;
    }

    public List<RowError> rejected() {
        return rejected;
    }

    public long rejectedCount() {
        return rejectedCount;
    }
}
