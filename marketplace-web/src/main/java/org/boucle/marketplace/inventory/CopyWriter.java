package org.boucle.marketplace.inventory;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.boucle.marketplace.inventory.source.SourceAsset;
import org.boucle.marketplace.inventory.source.Specs;
import org.postgresql.copy.CopyIn;

/** Streams assets into {@code import_row} through COPY, in 64 KiB writes. */
final class CopyWriter {

    private static final int FLUSH_AT = 64 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

    CopyWriter(CopyIn copy) {
        this.copy = copy;
    }

    void write(SourceAsset a) {
        Specs specs = a.specs() == null ? Specs.none() : a.specs();
        append(a.row()).append(',');
        append(CopyCsv.field(a.sourceId())).append(',');
        append(CopyCsv.field(a.serial())).append(',');
        append(CopyCsv.field(a.assetTag())).append(',');
        append(CopyCsv.field(a.name())).append(',');
        append(CopyCsv.field(a.category().name())).append(',');
        append(CopyCsv.field(a.manufacturer())).append(',');
        append(CopyCsv.field(a.model())).append(',');
        append(CopyCsv.field(specs.cpu())).append(',');
        append(CopyCsv.field(specs.ramGb())).append(',');
        append(CopyCsv.field(specs.storageGb())).append(',');
        append(CopyCsv.field(specs.storageType())).append(',');
        append(CopyCsv.field(specs.screenInches())).append(',');
        append(CopyCsv.field(a.purchaseDate())).append(',');
        append(CopyCsv.field(a.warrantyEnd())).append(',');
        append(CopyCsv.field(a.plannedDecommission())).append(',');
        append(CopyCsv.field(a.purchaseValue() == null ? null : a.purchaseValue().toPlainString())).append(',');
        append(CopyCsv.field(a.location())).append(',');
        append(CopyCsv.field(a.status())).append(',');
        append(CopyCsv.field(a.deletedInSource())).append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private StringBuilder append(Object value) {
        return buffer.append(value);
    }

    void finish() {
        flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into import_row failed", e);
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into import_row failed", e);
        }
    }
}
