package org.boucle.marketplace.inventory.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader delivered, for assertions. */
final class RecordingSink implements AssetSink {

    final List<SourceAsset> assets = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();

    @Override
    public void accept(SourceAsset asset) {
        assets.add(asset);
    }

    @Override
    public void reject(RowError error) {
        errors.add(error);
    }

    SourceAsset row(long row) {
        return assets.stream().filter(asset -> asset.row() == row).findFirst()
                .orElseThrow(() -> new AssertionError("no asset on row " + row + " in " + assets));
    }


    static RecordingSink read(SourceFormat format, InputStream in, ColumnMapping mapping)
            throws IOException, UnreadableExportException {
        return read(new ExportReader(ReaderLimits.defaults()), format, in, mapping);
    }

    static RecordingSink read(ExportReader reader, SourceFormat format, InputStream in, ColumnMapping mapping)
            throws IOException, UnreadableExportException {
        RecordingSink sink = new RecordingSink();
        reader.read(format, in, mapping, sink);
        return sink;
    }

    static RecordingSink readResource(SourceFormat format, String name, ColumnMapping mapping)
            throws IOException, UnreadableExportException {
        try (InputStream in = resource(name)) {
            return read(format, in, mapping);
        }
    }

    static InputStream resource(String name) {
        InputStream in = RecordingSink.class.getResourceAsStream("/inventory/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no test resource " + name));
        }
        return in;
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
