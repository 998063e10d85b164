package org.boucle.marketplace.inventory.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an .xlsx workbook as a table, streaming: the upload is spooled to a temporary file
 * (a ZIP needs random access, and POI would otherwise hold every entry in memory), then the sheet's XML goes
 * through a SAX handler one row at a time. POI's ZipSecureFile guards stay on: an entry that inflates more than
 * a hundredfold (POI's minimum inflate ratio) is a zip bomb and refused.
 *
 * <p>Numeric cells with a date format become ISO dates (in the 1900 or 1904 date system, as the workbook says);
 * other numbers keep their full plain value (no
 * "1.23E+11" for a long serial typed as a number). The first non-blank row is the header; rows keep their sheet
 * numbers.
 */
final class XlsxTable {

    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_STYLES = 65_536;

    /** Carries a whole-file problem out of a SAX callback. */
    static final class Abort extends SAXException {

        private static final long serialVersionUID = 1L;
        private final transient UnreadableExportException cause;

        Abort(UnreadableExportException cause) {
            super(cause.getMessage());
            this.cause = cause;
        }

        UnreadableExportException cause() {
            return cause;
        }
    }

    /** Ends the parse early once the handler has had enough (a preview). */
    private static final class Enough extends SAXException {

        private static final long serialVersionUID = 1L;
    }

    private final ReaderLimits limits;

    XlsxTable(ReaderLimits limits) {
        this.limits = limits;
    }

    void read(InputStream in, TableHandler handler) throws IOException, UnreadableExportException {
        Path file = Files.createTempFile("boucle-export-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            read(file, handler);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void read(Path file, TableHandler handler) throws IOException, UnreadableExportException {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | OpenXML4JRuntimeException | UnsupportedFileFormatException e) {
            throw notAWorkbook();
        }
        try {
            XSSFReader reader = new XSSFReader(workbook);
            boolean[] dateStyles = dateStyles(workbook);
            boolean dates1904 = dates1904(reader);
            SharedStrings strings = sharedStrings(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableExportException("The workbook has no sheet.");
            }
            try (InputStream sheet = sheets.next()) {
                parse(sheet, new SheetHandler(handler, strings, dateStyles, dates1904));
            }
        } catch (OpenXML4JException | OpenXML4JRuntimeException | UnsupportedFileFormatException
                 | POIXMLException e) {
            throw notAWorkbook();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw new UnreadableExportException("The workbook inflates to far more data than its size (a \"zip "
                        + "bomb\"), so Boucle refuses it. Save the sheet again from Excel, or as CSV.");
            }
            throw new UnreadableExportException("The workbook could not be read: " + e.getMessage());
        } finally {
            workbook.revert();
        }
    }

    private static UnreadableExportException notAWorkbook() {
        return new UnreadableExportException("This ZIP file is not an Excel (.xlsx) workbook. Open it in your "
                + "spreadsheet software and save it as .xlsx or CSV.");
    }

    private static void parse(InputStream xml, DefaultHandler handler) throws IOException, UnreadableExportException {
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(xml));
        } catch (Enough enough) {
            // the handler had what it wanted
        } catch (Abort abort) {
            throw abort.cause();
        } catch (SAXException | ParserConfigurationException e) {
            throw new UnreadableExportException("The workbook's sheet is damaged: " + e.getMessage());
        }
    }

    private SharedStrings sharedStrings(OPCPackage workbook) throws IOException, UnreadableExportException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream xml = parts.get(0).getInputStream()) {
            return SharedStrings.read(xml, limits.maxCellChars());
        }
    }

    /** Which cell styles (by index) show a date: built-in date formats and custom ones such as "dd/mm/yyyy". */
    private static boolean[] dateStyles(OPCPackage workbook) throws IOException, UnreadableExportException {
        List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return new boolean[0];
        }
        Map<Integer, String> customFormats = new HashMap<>();
        List<Integer> cellFormats = new ArrayList<>();
        DefaultHandler handler = new DefaultHandler() {
            private boolean inCellXfs;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes)
                    throws SAXException {
                switch (localName) {
                    case "numFmt" -> {
                        Integer id = integer(attributes.getValue("numFmtId"));
                        if (id != null && attributes.getValue("formatCode") != null) {
                            customFormats.put(id, attributes.getValue("formatCode"));
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            if (cellFormats.size() == MAX_STYLES) {
                                throw new Abort(new UnreadableExportException("The workbook has too many cell "
                                        + "styles to be a normal spreadsheet."));
                            }
                            Integer id = integer(attributes.getValue("numFmtId"));
                            cellFormats.add(id == null ? 0 : id);
                        }
                    }
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if (localName.equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
        };
        try (InputStream xml = parts.get(0).getInputStream()) {
            parse(xml, handler);
        }
        boolean[] dates = new boolean[cellFormats.size()];
        for (int i = 0; i < dates.length; i++) {
            int id = cellFormats.get(i);
            String format = customFormats.getOrDefault(id, BuiltinFormats.getBuiltinFormat(id));
            dates[i] = format != null && DateUtil.isADateFormat(id, format);
        }
        return dates;
    }

    /** Whether the workbook counts dates from 1904, as old Mac Excel did. */
    private static boolean dates1904(XSSFReader reader) throws IOException, OpenXML4JException,
            UnreadableExportException {
        boolean[] dates1904 = {false};
        DefaultHandler handler = new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("workbookPr")) {
                    String value = attributes.getValue("date1904");
                    dates1904[0] = "1".equals(value) || "true".equals(value);
                }
            }
        };
        try (InputStream xml = reader.getWorkbookData()) {
            parse(xml, handler);
        }
        return dates1904[0];
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Turns the sheet's rows into table rows, bounded like CSV records. */
    private final class SheetHandler extends DefaultHandler {

        private final TableHandler handler;
        private final SharedStrings strings;
        private final boolean[] dateStyles;
        private final boolean dates1904;
        private final RowBudget budget = new RowBudget(limits.maxRows());
        private final StringBuilder value = new StringBuilder();
        private int width = -1;
        private long rowNumber;
        private List<String> cells;
        private BitSet tooLong;
        private boolean extraCells;
        private boolean rowContent;
        private long rowChars;
        private int nextColumn;
        private int column;
        private String type;
        private int style;
        private boolean inValue;
        private boolean inPhonetic;
        private boolean cut;

        SheetHandler(TableHandler handler, SharedStrings strings, boolean[] dateStyles, boolean dates1904) {
            this.handler = handler;
            this.strings = strings;
            this.dateStyles = dateStyles;
            this.dates1904 = dates1904;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            switch (localName) {
                case "row" -> {
                    Integer r = integer(attributes.getValue("r"));
                    rowNumber = r == null ? rowNumber + 1 : r;
                    cells = new ArrayList<>(width < 0 ? 16 : width);
                    tooLong = null;
                    extraCells = false;
                    rowContent = false;
                    rowChars = 0;
                    nextColumn = 0;
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    column = reference == null ? nextColumn : columnIndex(reference);
                    nextColumn = column + 1;
                    type = attributes.getValue("t");
                    Integer s = integer(attributes.getValue("s"));
                    style = s == null ? 0 : s;
                    value.setLength(0);
                    cut = false;
                }
                case "v" -> inValue = true;
                case "t" -> inValue = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (!inValue) {
                return;
            }
            count(length);
            int room = limits.maxCellChars() - value.length();
            value.append(ch, start, Math.max(0, Math.min(room, length)));
            cut |= length > room;
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> cell();
                case "row" -> row();
                default -> {
                }
            }
        }

        /** Counts a row's text as it comes, shared strings included, against the record limit. */
        private void count(int chars) throws Abort {
            rowChars += chars;
            if (rowChars > limits.maxRecordChars()) {
                throw new Abort(new UnreadableExportException(String.format(Locale.ROOT, "Row %d of the sheet is "
                        + "longer than %,d characters, so this is not a usable inventory export.", rowNumber,
                        limits.maxRecordChars())));
            }
        }

        private void cell() throws Abort {
            String text = text();
            if ("s".equals(type)) {
                count(text.length());
            }
            boolean content = !Text.isBlank(text);
            int limit = width < 0 ? limits.maxColumns() : width;
            if (column >= limit) {
                if (width < 0 && content) {
                    throw new Abort(new UnreadableExportException(String.format(Locale.ROOT, "The header has more "
                            + "than %,d columns, so this is not an inventory export.", limits.maxColumns())));
                }
                extraCells |= content;
                return;
            }
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, text);
            } else {
                cells.add(text);
            }
            if (cut) {
                tooLong = tooLong == null ? new BitSet() : tooLong;
                tooLong.set(column);
            }
            rowContent |= content;
        }

        private String text() {
            if (type == null || type.equals("n")) {
                return numeric(value.toString().trim());
            }
            return switch (type) {
                case "s" -> shared(value.toString().trim());
                case "b" -> value.length() > 0 && value.charAt(0) == '1' ? "TRUE" : "FALSE";
                default -> value.toString();
            };
        }

        private String shared(String index) {
            Integer i = integer(index);
            if (strings == null || i == null || strings.get(i) == null) {
                return "";
            }
            cut |= strings.isCut(i);
            return strings.get(i);
        }

        private String numeric(String raw) {
            if (raw.isEmpty()) {
                return "";
            }
            try {
                if (style < dateStyles.length && dateStyles[style]) {
                    LocalDateTime dateTime = DateUtil.getLocalDateTime(Double.parseDouble(raw), dates1904);
                    if (dateTime == null) {
                        return raw;
                    }
                    return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString()
                            : dateTime.format(ISO_DATE_TIME);
                }
                return new BigDecimal(raw).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        private void row() throws SAXException {
            if (!rowContent) {
                return;
            }
            try {
                TableRow row = new TableRow(rowNumber, cells, tooLong, extraCells, false);
                if (width < 0) {
                    width = cells.size();
                    handler.header(row);
                    return;
                }
                budget.count();
                if (!handler.row(row)) {
                    throw new Enough();
                }
            } catch (UnreadableExportException e) {
                throw new Abort(e);
            }
        }
    }

    /** "AB12" to 27; absurd references give a column past any limit. */
    static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (i == 4) {
                return Integer.MAX_VALUE;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }
}
