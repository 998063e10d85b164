package org.boucle.marketplace.inventory.source;

import java.io.InputStream;
import java.util.function.LongFunction;

/** A large upload made up on the fly, chunk by chunk, so that tests never hold it; counts what was read. */
final class GeneratedStream extends InputStream {

    private final LongFunction<byte[]> chunks;
    private byte[] chunk = new byte[0];
    private int position;
    private long next;
    private long read;
    private boolean ended;

    /** @param chunks the i-th chunk, or null after the last */
    GeneratedStream(LongFunction<byte[]> chunks) {
        this.chunks = chunks;
    }

    long bytesRead() {
        return read;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (ended) {
                return -1;
            }
            byte[] following = chunks.apply(next++);
            if (following == null) {
                ended = true;
                return -1;
            }
            chunk = following;
            position = 0;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        read += n;
        return n;
    }
}
