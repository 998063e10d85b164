package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.junit.jupiter.api.io.TempDir;

class GenericFileReaderTest {

    private static final ColumnMapping CSV_MAPPING = new ColumnMapping(Map.of(
            MappedField.NAME, "Désignation", MappedField.CATEGORY, "type de matériel", MappedField.MANUFACTURER, "Marque",
            MappedField.MODEL, "Modèle", MappedField.SERIAL, "N° série", MappedField.PURCHASE_DATE, "Acheté le",
            MappedField.PURCHASE_VALUE, "Prix", MappedField.LOCATION, "Site", MappedField.RAM_GB, "RAM",
            MappedField.SOURCE_ID, " Référence "));

    @TempDir
    Path directory;

    @Test
    void readsAMappedCsvWithExcelsSeparatorLine() throws Exception {
        RecordingSink sink = RecordingSink.readResource(SourceFormat.CSV, "generic.csv", CSV_MAPPING);

        assertThat(sink.assets).extracting(SourceAsset::row).containsExactly(3L, 4L, 6L, 8L);
        SourceAsset laptop = sink.row(3);
        assertThat(laptop.sourceId()).isEqualTo("A-001");
        assertThat(laptop.name()).isEqualTo("Poste compta 1");
        assertThat(laptop.category()).isEqualTo(Category.LAPTOP);
        assertThat(laptop.manufacturer()).isEqualTo("HP");
        assertThat(laptop.model()).isEqualTo("ProBook 450 G8");
        assertThat(laptop.purchaseDate()).isEqualTo(LocalDate.of(2022, 1, 12));
        assertThat(laptop.purchaseValue()).isEqualTo(new BigDecimal("1099"));
        assertThat(laptop.specs()).isEqualTo(new Specs(null, 16, null, null, null));
        assertThat(sink.row(4).category()).isEqualTo(Category.SCREEN);
        SourceAsset copier = sink.row(6);
        assertThat(copier.category()).isEqualTo(Category.PRINTER);
        assertThat(copier.manufacturer()).isEqualTo("Ricoh");
        assertThat(copier.purchaseDate()).isEqualTo(LocalDate.of(2019, 11, 30));
        SourceAsset projector = sink.row(8);
        assertThat(projector.category()).as("no category, a name that names a projector").isEqualTo(Category.OTHER);
        assertThat(projector.manufacturer()).isEqualTo("Epson");
        assertThat(projector.purchaseValue()).isNull();
        assertThat(sink.errors).containsExactly(new RowError(7, "RAM", "\"beaucoup\" is not a memory size"));
    }

    @Test
    void refusesAFileWithoutTheMappedColumns() {
        ColumnMapping mapping = new ColumnMapping(Map.of(MappedField.NAME, "Désignation", MappedField.PURCHASE_VALUE,
                "Prix HT"));

        assertThatThrownBy(() -> RecordingSink.readResource(SourceFormat.CSV, "generic.csv", mapping))
                .isInstanceOf(UnreadableExportException.class)
                .hasMessage("The file has no column \"Prix HT\" (purchase value) as the mapping expects. Its header "
                        + "reads: \"Désignation\", \"Type de matériel\", \"Marque\", \"Modèle\", \"N° série\", "
                        + "\"Acheté le\", \"Prix\", \"Site\", \"RAM\", \"Référence\".");
    }

    @Test
    void previewsTheHeaderAndFirstRows() throws Exception {
        ExportReader.Preview preview;
        try (InputStream in = RecordingSink.resource("generic.csv")) {
            preview = new ExportReader(ReaderLimits.defaults()).preview(SourceFormat.CSV, in, 2);
        }

        assertThat(preview.header()).containsExactly("Désignation", "Type de matériel", "Marque", "Modèle", "N° série",
                "Acheté le", "Prix", "Site", "RAM", "Référence");
        assertThat(preview.rows()).containsExactly(
                List.of("Poste compta 1", "PC portable", "HP", "ProBook 450 G8", "5CD1234567", "12/01/2022",
                        "1 099,00 €", "Siège", "16", "A-001"),
                List.of("Écran compta 1", "écran", "Philips", "243V7QDAB", "UK01945000001", "12/01/2022", "119,90 €",
                        "Siège", "", "A-002"));
    }

    @Test
    void readsAStreamedWorkbookWithDateCellsNumbersAndTextDates() throws Exception {
        Path workbook = writeWorkbook();
        ColumnMapping mapping = new ColumnMapping(Map.of(MappedField.NAME, "Nom", MappedField.CATEGORY, "Catégorie",
                MappedField.SERIAL, "Série", MappedField.PURCHASE_DATE, "Achat", MappedField.PURCHASE_VALUE, "Prix",
                MappedField.SCREEN_INCHES, "Diagonale", MappedField.WARRANTY_END, "Garantie"));
        RecordingSink sink;
        try (InputStream in = Files.newInputStream(workbook)) {
            sink = RecordingSink.read(SourceFormat.XLSX, in, mapping);
        }

        assertThat(sink.assets).extracting(SourceAsset::row).as("the header is the first non-empty row")
                .containsExactly(4L, 5L, 8L);
        SourceAsset laptop = sink.row(4);
        assertThat(laptop.category()).isEqualTo(Category.LAPTOP);
        assertThat(laptop.serial()).as("a long number, not 1.23457E+11").isEqualTo("123456789012");
        assertThat(laptop.purchaseDate()).as("a date cell").isEqualTo(LocalDate.of(2022, 3, 14));
        assertThat(laptop.warrantyEnd()).as("text in a date column").isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(laptop.purchaseValue()).isEqualTo(new BigDecimal("1049.9"));
        SourceAsset screen = sink.row(5);
        assertThat(screen.category()).isEqualTo(Category.SCREEN);
        assertThat(screen.specs().screenInches()).isEqualTo(new BigDecimal("23.8"));
        assertThat(sink.row(8).name()).as("after a blank row").isEqualTo("Tablette accueil");
        assertThat(sink.errors).containsExactly(new RowError(6, "Achat", "\"hier\" is not a date (expected "
                + "day/month/year, e.g. 31/12/2025, or 2025-12-31)"));
    }

    @Test
    void previewsAWorkbook() throws Exception {
        ExportReader.Preview preview;
        try (InputStream in = Files.newInputStream(writeWorkbook())) {
            preview = new ExportReader(ReaderLimits.defaults()).preview(SourceFormat.XLSX, in, 1);
        }

        assertThat(preview.header()).containsExactly("Nom", "Catégorie", "Série", "Achat", "Prix", "Diagonale",
                "Garantie");
        assertThat(preview.rows()).containsExactly(List.of("PC-1", "Portable", "123456789012", "2022-03-14", "1049.9",
                "", "14/03/2025"));
    }

    @Test
    void readsDatesOfWorkbooksOnThe1904DateSystem() throws Exception {
        Path file = directory.resolve("mac.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CTWorkbook properties = workbook.getCTWorkbook();
            (properties.isSetWorkbookPr() ? properties.getWorkbookPr() : properties.addNewWorkbookPr()).setDate1904(true);
            Sheet sheet = workbook.createSheet("Parc");
            sheet.createRow(0).createCell(0).setCellValue("Nom");
            sheet.getRow(0).createCell(1).setCellValue("Achat");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("PC-1");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            row.createCell(1).setCellValue(LocalDate.of(2022, 3, 14));
            row.getCell(1).setCellStyle(date);
            workbook.write(out);
        }
        ColumnMapping mapping = new ColumnMapping(Map.of(MappedField.NAME, "Nom", MappedField.PURCHASE_DATE, "Achat"));
        RecordingSink sink;
        try (InputStream in = Files.newInputStream(file)) {
            sink = RecordingSink.read(SourceFormat.XLSX, in, mapping);
        }

        assertThat(sink.row(2).purchaseDate()).isEqualTo(LocalDate.of(2022, 3, 14));
    }

    /** A sheet as people make them: a title row left empty, dates as cells or text, a blank row. */
    private Path writeWorkbook() throws Exception {
        Path file = directory.resolve("parc.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Parc");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            sheet.createRow(0);
            Row header = sheet.createRow(2);
            String[] names = {"Nom", "Catégorie", "Série", "Achat", "Prix", "Diagonale", "Garantie"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row laptop = sheet.createRow(3);
            laptop.createCell(0).setCellValue("PC-1");
            laptop.createCell(1).setCellValue("Portable");
            laptop.createCell(2).setCellValue(123456789012d);
            laptop.createCell(3).setCellValue(LocalDate.of(2022, 3, 14));
            laptop.getCell(3).setCellStyle(date);
            laptop.createCell(4).setCellValue(1049.9);
            laptop.createCell(6).setCellValue("14/03/2025");
            Row screen = sheet.createRow(4);
            screen.createCell(0).setCellValue("ECR-2");
            screen.createCell(1).setCellValue("Écran");
            screen.createCell(3).setCellValue("2021-05-01");
            screen.createCell(5).setCellValue(23.8);
            Row bad = sheet.createRow(5);
            bad.createCell(0).setCellValue("PC-3");
            bad.createCell(3).setCellValue("hier");
            sheet.createRow(6).createCell(2).setCellValue(" ");
            Row tablet = sheet.createRow(7);
            tablet.createCell(0).setCellValue("Tablette accueil");
            workbook.write(out);
        }
        return file;
    }
}
