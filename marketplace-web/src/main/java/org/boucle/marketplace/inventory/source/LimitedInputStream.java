package org.boucle.marketplace.inventory.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Counts the upload's bytes as they stream and stops at the limit, whatever reads them. */
final class LimitedInputStream extends FilterInputStream {

    /** Thrown through parsers that only let IOExceptions pass; turned into an unreadable export. */
    static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("The file is larger than " + size(maxBytes) + ", the most Boucle reads at once: split it into "
                    + "several exports (by site or by type, for instance).");
        }
    }

    private final long maxBytes;
    private long count;

    LimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The upload belongs to the caller, who closes it. */
    @Override
    public void close() {
        // nothing to release here
    }

    private void counted(long n) throws TooLarge {
        count += n;
        if (count > maxBytes) {
            throw new TooLarge(maxBytes);
        }
    }

    static String size(long bytes) {
        long mebibyte = 1024L * 1024;
        if (bytes % mebibyte == 0) {
            return bytes / mebibyte + " MiB";
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
