package org.boucle.marketplace.inventory;

import java.time.Instant;
import java.util.UUID;

/** One import in a donor's history: who imported what, when, and what it did. */
public record ImportView(UUID id, UUID organizationId, String importedBy, String format, String mode, String fileName,
        long fileBytes, String status, long bytesRead, long rowsRead, int created, int updated, int unchanged,
        int flaggedMissing, int rejected, String failure, Instant startedAt, Instant finishedAt) {

    /** How far the import has read its file, 0 to 100. */
    public int percent() {
        if (!"RUNNING".equals(status)) {
            return 100;
        }
        return fileBytes == 0 ? 0 : (int) Math.min(99, bytesRead * 100 / fileBytes);
    }
}
