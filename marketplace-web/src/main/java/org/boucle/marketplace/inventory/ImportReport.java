package org.boucle.marketplace.inventory;

import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.RowError;

/**
 * What an import did. {@code rejected} lists the first row errors; {@code rejectedCount} counts them all.
 * A REJECTED import changed nothing; {@code failure} then says why when the whole file was refused.
 */
public record ImportReport(UUID importId, ImportStatus status, int created, int updated, int unchanged, int flaggedMissing,
        List<RowError> rejected, long rejectedCount, long rowsRead, String failure) {

    public enum ImportStatus { RUNNING, COMPLETED, REJECTED, FAILED }
}
