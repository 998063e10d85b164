package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole-file problems: refused with a message a donor can act on, before or instead of row errors. */
class UnreadableExportTest {

    private static final ColumnMapping MAPPING = new ColumnMapping(Map.of(MappedField.NAME, "Nom"));
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final ExportReader reader = new ExportReader(ReaderLimits.defaults());

    private static ColumnMapping mappingFor(SourceFormat format) {
        return format.needsMapping() ? MAPPING : null;
    }

    private void refused(SourceFormat format, InputStream in, String message) {
        assertThatThrownBy(() -> reader.read(format, in, mappingFor(format), new RecordingSink()))
                .isInstanceOf(UnreadableExportException.class).hasMessage(message);
    }

    @ParameterizedTest
    @EnumSource(SourceFormat.class)
    void refusesAnEmptyFile(SourceFormat format) {
        refused(format, new ByteArrayInputStream(new byte[0]), "The file is empty.");
    }

    @Test
    void refusesBlankText() {
        refused(SourceFormat.GLPI_CSV, RecordingSink.utf8("\r\n  \n"), "The file is empty: it has no header row.");
        refused(SourceFormat.GLPI_JSON, RecordingSink.utf8("\n   \n"), "The file is empty.");
    }

    @Test
    void readsNothingFromAHeaderAlone() throws Exception {
        assertThat(RecordingSink.read(SourceFormat.GLPI_CSV, RecordingSink.utf8("Nom;Numéro de série\r\n"), null).assets)
                .isEmpty();
        assertThat(RecordingSink.read(SourceFormat.CSV, RecordingSink.utf8("Nom"), MAPPING).assets).isEmpty();
        assertThat(RecordingSink.read(SourceFormat.GLPI_JSON, RecordingSink.utf8("[]"), null).assets).isEmpty();
        RecordingSink snipeIt = RecordingSink.read(SourceFormat.SNIPEIT_JSON,
                RecordingSink.utf8("{\"total\": 0, \"rows\": []}"), null);
        assertThat(snipeIt.assets).isEmpty();
        assertThat(snipeIt.errors).isEmpty();
    }

    @Test
    void refusesAnImageGivenAsCsv() {
        refused(SourceFormat.GLPI_CSV, new ByteArrayInputStream(PNG), "This file is a PNG image, not a CSV export.");
        refused(SourceFormat.SNIPEIT_JSON, new ByteArrayInputStream(PNG),
                "This file is a PNG image, not a Snipe-IT JSON export.");
    }

    @Test
    void refusesAWorkbookGivenAsCsv() throws Exception {
        refused(SourceFormat.CSV, new ByteArrayInputStream(XlsxFiles.workbook()), "This file is a ZIP archive (an "
                + "Excel .xlsx workbook, perhaps), not a CSV export. If it is an Excel workbook, choose the XLSX format.");
    }

    @Test
    void refusesBinaryText() {
        refused(SourceFormat.CSV, new ByteArrayInputStream(new byte[] {'N', 'o', 'm', 0, 1, 2}),
                "This file is binary, not a CSV export.");
    }

    @Test
    void refusesJsonGivenAsCsv() {
        refused(SourceFormat.GLPI_CSV, RecordingSink.utf8("  [{\"id\": 1, \"name\": \"PC\"}]"),
                "This file is JSON, not CSV: choose the GLPI JSON or Snipe-IT JSON format.");
        refused(SourceFormat.SNIPEIT_CSV, RecordingSink.utf8("{\"total\": 1, \"rows\": []}"),
                "This file is JSON, not CSV: choose the GLPI JSON or Snipe-IT JSON format.");
    }

    @Test
    void refusesAWebPageGivenAsCsv() {
        refused(SourceFormat.GLPI_CSV, RecordingSink.utf8("<!DOCTYPE html><html><body>GLPI</body></html>"),
                "This file is a web page or XML, not a CSV export: export the list again as CSV.");
    }

    @Test
    void refusesCsvGivenAsJson() {
        refused(SourceFormat.GLPI_JSON, RecordingSink.utf8("Nom;Entité;Statut\nPC-1;CHU;En service\n"),
                "This file is not JSON: it starts with \"Nom;Entité;Statut\". If it is a CSV export, choose the "
                        + "matching CSV format.");
    }

    @Test
    void refusesCsvGivenAsXlsx() {
        refused(SourceFormat.XLSX, RecordingSink.utf8("Nom;Prix\nPC;12\n"), "This file is not an Excel (.xlsx) "
                + "workbook: it is text. If it is a CSV or JSON export, choose that format.");
    }

    @Test
    void refusesAnOldExcelWorkbook() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0};
        refused(SourceFormat.XLSX, new ByteArrayInputStream(ole2), "This is an old Excel (.xls) workbook or a "
                + "password-protected one: save it as an .xlsx workbook without a password, or as CSV.");
    }

    @Test
    void refusesAZipThatIsNoWorkbook() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("photos/site-nord.txt"));
            out.write("pas un classeur".getBytes(StandardCharsets.UTF_8));
        }
        refused(SourceFormat.XLSX, new ByteArrayInputStream(zip.toByteArray()), "This ZIP file is not an Excel "
                + "(.xlsx) workbook. Open it in your spreadsheet software and save it as .xlsx or CSV.");
    }

    @Test
    void refusesAWorkbookZipBomb() throws Exception {
        refused(SourceFormat.XLSX, new ByteArrayInputStream(XlsxFiles.zipBomb()), "The workbook inflates to far more "
                + "data than its size (a \"zip bomb\"), so Boucle refuses it. Save the sheet again from Excel, or as CSV.");
    }

    @Test
    void refusesMalformedJsonSayingWhere() {
        assertThatThrownBy(() -> reader.read(SourceFormat.GLPI_JSON,
                RecordingSink.utf8("[\n  {\"id\": 1, \"name\": \"PC-1\"},\n  {\"id\": 2 \"name\": \"PC-2\"}\n]"), null,
                new RecordingSink()))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageStartingWith("The file is not valid JSON at line 3, column 12: Unexpected character");
    }

    @Test
    void refusesJsonCutShort() {
        assertThatThrownBy(() -> reader.read(SourceFormat.SNIPEIT_JSON,
                RecordingSink.utf8("{\"total\": 2, \"rows\": [{\"id\": 1, \"name\": \"PC"), null, new RecordingSink()))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageStartingWith("The file is not valid JSON at line 1");
    }

    @Test
    void refusesJsonWithoutItems() {
        refused(SourceFormat.SNIPEIT_JSON, RecordingSink.utf8("{\"status\": \"error\", \"messages\": \"Unauthorized\"}"),
                "The JSON holds no list of items: expected an array of items, or an object with a \"rows\" list "
                        + "(Snipe-IT) or \"data\", \"items\" or itemtype (\"Computer\", \"Monitor\"...) lists.");
    }

    @Test
    void refusesAGlpiErrorAnswer() {
        refused(SourceFormat.GLPI_JSON, RecordingSink.utf8("[\"ERROR_SESSION_TOKEN_INVALID\",\"session_token semble "
                + "incorrect\"]"), "This is a GLPI error answer, not an export: ERROR_SESSION_TOKEN_INVALID "
                + "(session_token semble incorrect).");
    }

    @Test
    void refusesDataAfterTheJsonDocument() {
        refused(SourceFormat.GLPI_JSON, RecordingSink.utf8("[{\"id\": 1, \"name\": \"PC\"}]\n[]"),
                "The file has more data after the end of its JSON at line 2, column 1.");
    }

    @Test
    void refusesAHeaderWithAHundredThousandColumnsWhileStreamingIt() {
        GeneratedStream header = new GeneratedStream(i -> i < 100_000
                ? ("Colonne " + i + (i < 99_999 ? ";" : "\n")).getBytes(StandardCharsets.US_ASCII) : null);

        refused(SourceFormat.GLPI_CSV, header, "The header has more than 512 columns, so this is not an inventory "
                + "export (or its separator is not ;, comma or tab).");
        assertThat(header.bytesRead()).as("stopped near the limit").isLessThan(200_000);
    }

    @Test
    void refusesAHundredMegabyteLineWithoutHoldingIt() {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'x');
        byte[] header = "Nom;Commentaires\n".getBytes(StandardCharsets.US_ASCII);
        GeneratedStream file = new GeneratedStream(i -> i == 0 ? header : i <= 1600 ? block : null);

        refused(SourceFormat.GLPI_CSV, file, "The record starting on line 2 is longer than 1,048,576 characters, so "
                + "this is not a usable inventory export (a quote left open can cause this).");
        assertThat(file.bytesRead()).as("stopped near the limit").isLessThan(2_000_000);
    }

    @Test
    void refusesAJsonItemLongerThanARecord() {
        ExportReader small = new ExportReader(new ReaderLimits(1_000_000, 512, 100, 1_000, 1_000));
        StringBuilder item = new StringBuilder("[{\"id\": 1");
        for (int i = 0; i < 200; i++) {
            item.append(", \"field").append(i).append("\": \"value\"");
        }
        assertThatThrownBy(() -> small.read(SourceFormat.GLPI_JSON, RecordingSink.utf8(item + "}]"), null,
                new RecordingSink()))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessage("Item 1 is longer than 1,000 characters, so this is not a usable inventory export.");
    }

    @Test
    void stopsReadingAtTheByteLimit() {
        ExportReader small = new ExportReader(new ReaderLimits(10_000, 512, 1_000, 10_000, 1_000_000));
        GeneratedStream file = new GeneratedStream(i -> i == 0 ? "Nom;Type\n".getBytes(StandardCharsets.US_ASCII)
                : ("PC-" + i + ";Portable\n").getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> small.read(SourceFormat.GLPI_CSV, file, null, new RecordingSink()))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessage("The file is larger than 10,000 bytes, the most Boucle reads at once: split it into several "
                        + "exports (by site or by type, for instance).");
        assertThat(file.bytesRead()).isLessThan(100_000);
    }

    @Test
    void stopsReadingAtTheRowLimit() {
        ExportReader small = new ExportReader(new ReaderLimits(1_000_000, 512, 1_000, 10_000, 3));

        assertThatThrownBy(() -> small.read(SourceFormat.GLPI_CSV, RecordingSink.utf8("Nom\nA\nB\nC\nD\n"), null,
                new RecordingSink()))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessage("The file has more than 3 rows, the most Boucle reads at once: split it into several exports.");
        assertThatThrownBy(() -> small.read(SourceFormat.GLPI_JSON,
                RecordingSink.utf8("[{\"id\":1,\"name\":\"A\"},{\"id\":2,\"name\":\"B\"},{\"id\":3,\"name\":\"C\"},"
                        + "{\"id\":4,\"name\":\"D\"}]"), null, new RecordingSink()))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessageStartingWith("The file has more than 3 rows");
    }

    @Test
    void refusesAWorkbookHeaderWiderThanTheLimit() throws Exception {
        ExportReader narrow = new ExportReader(new ReaderLimits(10_000_000, 5, 1_000, 10_000, 1_000));

        assertThatThrownBy(() -> narrow.read(SourceFormat.XLSX, new ByteArrayInputStream(XlsxFiles.wide(8)), MAPPING,
                new RecordingSink()))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessage("The header has more than 5 columns, so this is not an inventory export.");
    }

    @Test
    void wantsAMappingForGenericFilesAndPreviewsOnlyTables() {
        assertThatThrownBy(() -> reader.read(SourceFormat.CSV, RecordingSink.utf8("Nom\nPC\n"), null,
                new RecordingSink())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.preview(SourceFormat.GLPI_JSON, RecordingSink.utf8("[]"), 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Keeps the zip helpers out of the tests' way. */
    static final class XlsxFiles {

        private XlsxFiles() {
        }

        static byte[] workbook() throws Exception {
            return wide(2);
        }

        static byte[] wide(int columns) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
                Row header = workbook.createSheet("Parc").createRow(0);
                for (int i = 0; i < columns; i++) {
                    header.createCell(i).setCellValue("Colonne " + i);
                }
                workbook.write(out);
                }
            return out.toByteArray();
        }

        /** A real workbook whose sheet inflates a thousandfold: 20 MB of padding compress to almost nothing. */
        static byte[] zipBomb() throws Exception {
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(workbook()));
                    ZipOutputStream out = new ZipOutputStream(bomb)) {
                for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    byte[] content = in.readAllBytes();
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    if (entry.getName().startsWith("xl/worksheets/")) {
                        String sheet = new String(content, StandardCharsets.UTF_8);
                        int data = sheet.indexOf("<sheetData>") + "<sheetData>".length();
                        out.write(sheet.substring(0, data).getBytes(StandardCharsets.UTF_8));
                        byte[] padding = new byte[1024 * 1024];
                        Arrays.fill(padding, (byte) ' ');
                        for (int i = 0; i < 20; i++) {
                            out.write(padding);
                        }
                        out.write(sheet.substring(data).getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.write(content);
                    }
                }
            }
            return bomb.toByteArray();
        }
    }
}
