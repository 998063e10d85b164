package org.boucle.marketplace.inventory.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Looks at an upload's first bytes to refuse what is plainly not the chosen format (an image, a PDF, a workbook
 * given as CSV, text given as XLSX) before any parsing, with a message that says what the file is.
 */
final class FileSniffer {

    private static final int HEAD = 4096;

    private final byte[] head;
    private final InputStream whole;

    private FileSniffer(byte[] head, InputStream rest) {
        this.head = head;
        this.whole = new SequenceInputStream(new ByteArrayInputStream(head), rest);
    }

    static FileSniffer of(InputStream in) throws IOException, UnreadableExportException {
        byte[] head = in.readNBytes(HEAD);
        if (head.length == 0) {
            throw new UnreadableExportException("The file is empty.");
        }
        return new FileSniffer(head, in);
    }

    /** The upload from its first byte again. */
    InputStream stream() {
        return whole;
    }

    /** Refuses binary files for a text format (CSV or JSON). */
    void requireText(String formatName) throws UnreadableExportException {
        String kind = binaryKind();
        if (kind != null) {
            throw new UnreadableExportException("This file is " + kind + ", not a " + formatName + " export."
                    + (isZip() ? " If it is an Excel workbook, choose the XLSX format." : ""));
        }
        boolean utf16 = startsWith(0xFF, 0xFE) || startsWith(0xFE, 0xFF);
        for (byte b : head) {
            if (b == 0 && !utf16) {
                throw new UnreadableExportException("This file is binary, not a " + formatName + " export.");
            }
        }
    }

    /** Refuses anything that is not a ZIP container for XLSX. */
    void requireZip() throws UnreadableExportException {
        if (isZip()) {
            return;
        }
        if (startsWith(0xD0, 0xCF, 0x11, 0xE0)) {
            throw new UnreadableExportException("This is an old Excel (.xls) workbook or a password-protected one: "
                    + "save it as an .xlsx workbook without a password, or as CSV.");
        }
        String kind = binaryKind();
        throw new UnreadableExportException(kind != null ? "This file is " + kind + ", not an Excel (.xlsx) workbook."
                : "This file is not an Excel (.xlsx) workbook: it is text. If it is a CSV or JSON export, "
                        + "choose that format.");
    }

    private boolean isZip() {
        return startsWith(0x50, 0x4B, 0x03, 0x04) || startsWith(0x50, 0x4B, 0x05, 0x06);
    }

    private String binaryKind() {
        if (isZip()) {
            return "a ZIP archive (an Excel .xlsx workbook, perhaps)";
        }
        if (startsWith(0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Excel (.xls) or Office document";
        }
        if (startsWith(0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (startsWith('G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith('%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(0x1F, 0x8B)) {
            return "a gzip archive";
        }
        return null;
    }

    private boolean startsWith(int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
