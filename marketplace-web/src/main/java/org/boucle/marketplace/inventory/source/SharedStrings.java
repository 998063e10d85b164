package org.boucle.marketplace.inventory.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings table, which cells point into and which has to be held while the sheet streams.
 * Held compactly (UTF-8 bytes in 1 MiB blocks, block and offset packed in a long per entry) rather than as String objects, so that a
 * million-row sheet with a unique serial per row stays within a small heap; bounded in entries and characters.
 */
final class SharedStrings {

    static final int MAX_ENTRIES = 4_000_000;
    static final long MAX_CHARS = 64L * 1024 * 1024;
    private static final int BLOCK = 1024 * 1024;

    private final List<byte[]> blocks = new ArrayList<>();
    private final BitSet cut = new BitSet();
    private long[] starts = new long[1024];
    private int[] lengths = new int[1024];
    private int size;
    private int blockUsed;
    private long chars;

    /** Parses the table; entries longer than the cell limit are kept cut and flagged. */
    static SharedStrings read(InputStream xml, int maxCellChars) throws IOException, UnreadableExportException {
        SharedStrings table = new SharedStrings();
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(table.new Handler(maxCellChars));
            parser.parse(new InputSource(xml));
        } catch (XlsxTable.Abort abort) {
            throw abort.cause();
        } catch (SAXException | ParserConfigurationException e) {
            throw new UnreadableExportException("The workbook's text table is damaged: " + e.getMessage());
        }
        return table;
    }

    String get(int index) {
        if (index < 0 || index >= size) {
            return null;
        }
        long start = starts[index];
        return new String(blocks.get((int) (start >>> 32)), (int) start, lengths[index], StandardCharsets.UTF_8);
    }

    boolean isCut(int index) {
        return cut.get(index);
    }

    private void add(CharSequence text, boolean tooLong) throws UnreadableExportException {
        if (size == MAX_ENTRIES) {
            throw new UnreadableExportException(String.format(Locale.ROOT, "The workbook holds more than %,d "
                    + "different texts, more than Boucle reads at once: save the sheet as CSV instead.", MAX_ENTRIES));
        }
        chars += text.length();
        if (chars > MAX_CHARS) {
            throw new UnreadableExportException("The workbook holds more text than Boucle reads at once: save the "
                    + "sheet as CSV instead.");
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] block = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (block == null || blockUsed + utf8.length > block.length) {
            block = new byte[Math.max(BLOCK, utf8.length)];
            blocks.add(block);
            blockUsed = 0;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        System.arraycopy(utf8, 0, block, blockUsed, utf8.length);
        starts[size] = (long) (blocks.size() - 1) << 32 | blockUsed;
        lengths[size] = utf8.length;
        cut.set(size, tooLong);
        blockUsed += utf8.length;
        size++;
    }

    /** Collects each {@code <si>}: its text runs, without the phonetic guides. */
    private final class Handler extends DefaultHandler {

        private final int maxCellChars;
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;
        private boolean tooLong;

        Handler(int maxCellChars) {
            this.maxCellChars = maxCellChars;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> {
                    text.setLength(0);
                    tooLong = false;
                }
                case "t" -> inText = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    try {
                        add(text, tooLong);
                    } catch (UnreadableExportException e) {
                        throw new XlsxTable.Abort(e);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                int room = maxCellChars - text.length();
                text.append(ch, start, Math.min(room, length));
                tooLong |= length > room;
            }
        }
    }
}
