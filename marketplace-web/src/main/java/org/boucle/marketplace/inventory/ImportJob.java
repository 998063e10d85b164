package org.boucle.marketplace.inventory;

import java.nio.file.Path;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.ColumnMapping;
import org.boucle.marketplace.inventory.source.SourceFormat;

/** One export to import into one donor's inventory; the file is on local disk for the length of the import. */
record ImportJob(UUID importId, UUID organizationId, SourceFormat format, ImportMode mode, ColumnMapping mapping, Path file) {

    /** Source ids are only comparable between exports of the same kind of system. */
    String sourceSystem() {
        return switch (format) {
            case GLPI_JSON, GLPI_CSV -> "GLPI";
            case SNIPEIT_JSON, SNIPEIT_CSV -> "SNIPEIT";
            case CSV, XLSX -> "FILE";
        };
    }
}
