package org.boucle.marketplace.catalog;

import java.util.Optional;

/** The image formats listings accept, told apart by their first bytes: a file's name or declared type proves nothing. */
enum PhotoFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp");

    /** Enough leading bytes to tell every accepted format. */
    static final int SNIFF_BYTES = 12;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String contentType;

    PhotoFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static Optional<PhotoFormat> sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (length >= PNG_SIGNATURE.length && startsWith(head, PNG_SIGNATURE, 0)) {
            return Optional.of(PNG);
        }
        // RIFF, then the chunk size, then WEBP.
        if (length >= 12 && startsWith(head, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0)
                && startsWith(head, "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 8)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int offset) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
