package org.boucle.marketplace.inventory.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an export whose encoding nobody declared.
 *
 * <p>A byte order mark decides first (UTF-8, UTF-16 LE or BE). Otherwise the first 64 KiB are decoded as strict
 * UTF-8: bytes that are not UTF-8 there mean Windows-1252, what Excel and GLPI on Windows write in France. When
 * that prefix is plain ASCII nothing is decided yet: the rest is read as UTF-8 until its first non-ASCII
 * character, and a byte that is not UTF-8 before any UTF-8 character was seen switches to Windows-1252 for the
 * rest of the file. Once UTF-8 is established, a stray invalid byte becomes U+FFFD, which the readers report as a
 * row error rather than import garbled text.
 */
final class DecodingReader extends Reader {

    static final int SNIFF_BYTES = 64 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final InputStream in;
    private final ByteBuffer bytes;
    private CharsetDecoder decoder;
    private boolean undecided;
    private boolean endOfInput;
    private boolean flushed;

    private DecodingReader(InputStream in, byte[] head, int skip, Charset charset, boolean undecided) {
        this.in = in;
        this.bytes = ByteBuffer.allocate(Math.max(SNIFF_BYTES, head.length));
        this.bytes.put(head, skip, head.length - skip).flip();
        this.undecided = undecided;
        this.endOfInput = head.length < SNIFF_BYTES;
        this.decoder = undecided ? strictUtf8() : lenient(charset);
    }

    static DecodingReader open(InputStream in) throws IOException {
        byte[] head = in.readNBytes(SNIFF_BYTES);
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new DecodingReader(in, head, 3, StandardCharsets.UTF_8, false);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new DecodingReader(in, head, 2, StandardCharsets.UTF_16LE, false);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new DecodingReader(in, head, 2, StandardCharsets.UTF_16BE, false);
        }
        boolean ascii = true;
        for (byte b : head) {
            ascii &= b >= 0;
        }
        if (ascii) {
            return new DecodingReader(in, head, 0, StandardCharsets.UTF_8, true);
        }
        boolean ended = head.length < SNIFF_BYTES;
        CoderResult result = strictUtf8().decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), ended);
        Charset charset = result.isError() ? WINDOWS_1252 : StandardCharsets.UTF_8;
        return new DecodingReader(in, head, 0, charset, false);
    }

    /** The encoding in use so far. */
    Charset charset() {
        return decoder.charset();
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static CharsetDecoder lenient(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (undecided && !nonAscii(buffer, offset, out.position())) {
                    // Only ASCII so far, which Windows-1252 reads the same way: go on with it.
                    decoder = lenient(WINDOWS_1252);
                    undecided = false;
                    continue;
                }
                undecided = false;
                if (!out.hasRemaining()) {
                    break;
                }
                out.put('\uFFFD');
                bytes.position(bytes.position() + result.length());
                continue;
            }
            if (out.position() > offset) {
                break;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
                return out.position() > offset ? out.position() - offset : -1;
            }
            fill();
        }
        if (undecided && nonAscii(buffer, offset, out.position())) {
            undecided = false;
        }
        return out.position() - offset;
    }

    private static boolean nonAscii(char[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] > 0x7F) {
                return true;
            }
        }
        return false;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** The upload belongs to the caller, who closes it. */
    @Override
    public void close() {
        // nothing to release here
    }
}
