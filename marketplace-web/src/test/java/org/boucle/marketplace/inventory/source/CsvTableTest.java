package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delimited-text layer, through generic files so that every cell shows. */
class CsvTableTest {

    private static final ColumnMapping MAPPING = new ColumnMapping(Map.of(MappedField.NAME, "Nom",
            MappedField.MODEL, "Modèle", MappedField.LOCATION, "Lieu"));
    private static final ColumnMapping MAPPING_WITH_VERSION = new ColumnMapping(Map.of(MappedField.NAME, "Nom",
            MappedField.MODEL, "Modèle, version, année, x", MappedField.LOCATION, "Lieu"));

    private static RecordingSink read(String csv) throws Exception {
        return RecordingSink.read(SourceFormat.CSV, RecordingSink.utf8(csv), MAPPING);
    }

    private static RecordingSink read(ReaderLimits limits, String csv) throws Exception {
        return RecordingSink.read(new ExportReader(limits), SourceFormat.CSV, RecordingSink.utf8(csv), MAPPING);
    }

    @ParameterizedTest
    @ValueSource(strings = {";", ",", "\t"})
    void detectsTheSeparatorOnTheHeaderLine(String separator) throws Exception {
        RecordingSink sink = read(String.join(separator, "Nom", "Modèle", "Lieu") + "\n"
                + String.join(separator, "PC-1", "\"Latitude 5420; 14\"\"\"", "\"Site, Nord\"") + "\n");

        SourceAsset asset = sink.row(2);
        assertThat(asset.name()).isEqualTo("PC-1");
        assertThat(asset.model()).isEqualTo("Latitude 5420; 14\"");
        assertThat(asset.location()).isEqualTo("Site, Nord");
    }

    @Test
    void ignoresSeparatorsInsideQuotesWhenDetecting() throws Exception {
        ExportReader.Preview preview = new ExportReader(ReaderLimits.defaults()).preview(SourceFormat.CSV,
                RecordingSink.utf8("\"Nom; complet; long\",Modèle,Lieu\nPC-1,Latitude,Site Nord\n"), 1);

        assertThat(preview.header()).containsExactly("Nom; complet; long", "Modèle", "Lieu");
    }

    @Test
    void readsQuotedCellsWithDoubledQuotesAndLineBreaks() throws Exception {
        RecordingSink sink = read("Nom;Modèle;Lieu\r\n\"PC \"\"accueil\"\"\";\"Latitude\r\n5420\";\"Site\nNord\"\r\nPC-2;X;Y\r\n");

        assertThat(sink.row(2).name()).isEqualTo("PC \"accueil\"");
        assertThat(sink.row(2).model()).as("line breaks become spaces in a field").isEqualTo("Latitude 5420");
        assertThat(sink.row(5).name()).as("the line the record starts on").isEqualTo("PC-2");
    }

    @Test
    void skipsBlankLinesAndEmptyRowsButCountsThem() throws Exception {
        RecordingSink sink = read("\n\nNom;Modèle;Lieu\n\n;;\n  ;\t;\nPC-1;;\n\"\";\"\";\"\"\nPC-2;;\n");

        assertThat(sink.assets).extracting(SourceAsset::row).containsExactly(7L, 9L);
        assertThat(sink.errors).isEmpty();
    }

    @Test
    void readsOldMacLineEnds() throws Exception {
        RecordingSink sink = read("Nom;Modèle;Lieu\rPC-1;A;B\rPC-2;C;D\r");

        assertThat(sink.assets).extracting(SourceAsset::row).containsExactly(2L, 3L);
    }

    @Test
    void acceptsExtraEmptyCellsButNotExtraContent() throws Exception {
        RecordingSink sink = read("Nom;Modèle;Lieu\nPC-1;A;B;;;\nPC-2;A;B;;oups;\nPC-3;A\n");

        assertThat(sink.assets).extracting(SourceAsset::row).containsExactly(2L, 4L);
        assertThat(sink.row(4).location()).as("short rows are fine").isNull();
        assertThat(sink.errors).containsExactly(new RowError(3, null,
                "the row has more cells than the header has columns (a separator inside an unquoted cell?)"));
    }

    @Test
    void reportsCellsLongerThanTheLimitInReadColumnsOnly() throws Exception {
        ReaderLimits limits = new ReaderLimits(1_000_000, 16, 10, 1_000, 1_000);
        String csv = "Nom;Modèle;Lieu;Commentaire\nPC-1;Un modèle au nom bien trop long;B;" + "x".repeat(50) + "\n"
                + "PC-2;A;B;" + "x".repeat(50) + "\n";

        RecordingSink sink = read(limits, csv);

        assertThat(sink.errors).containsExactly(new RowError(2, "Modèle", "the cell is longer than 10 characters"));
        assertThat(sink.row(3).name()).isEqualTo("PC-2");
    }

    @Test
    void reportsAQuoteLeftOpenOnItsRow() throws Exception {
        RecordingSink sink = read("Nom;Modèle;Lieu\nPC-1;A;B\nPC-2;\"A;B\nPC-3;A;B\n");

        assertThat(sink.assets).extracting(SourceAsset::row).containsExactly(2L);
        assertThat(sink.errors).containsExactly(new RowError(3, null,
                "a quoted cell is never closed: the rest of the file was read into it"));
    }

    @Test
    void treatsExcelsSeparatorLineAsTheFirstLine() throws Exception {
        RecordingSink sink = RecordingSink.read(SourceFormat.CSV, RecordingSink.utf8("sep=;\r\nNom;Modèle, version, année, x;Lieu\r\nPC;A, 1, 2, 3;B\r\n"),
                MAPPING_WITH_VERSION);

        assertThat(sink.errors).isEmpty();
        assertThat(sink.row(3).name()).isEqualTo("PC");
        assertThat(sink.row(3).location()).isEqualTo("B");
    }

    @Test
    void reportsInvalidBytesInAFileEstablishedAsUtf8() throws Exception {
        String valid = "Nom;Modèle;Lieu\n" + "PC-é;A;B\n".repeat(8000);
        assertThat(valid.length()).isGreaterThan(DecodingReader.SNIFF_BYTES);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(valid.getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'P', 'C', (byte) 0xE9, ';', 'A', ';', 'B', '\n'});

        RecordingSink sink = RecordingSink.read(SourceFormat.CSV, new ByteArrayInputStream(file.toByteArray()), MAPPING);

        assertThat(sink.assets).hasSize(8000).allMatch(asset -> asset.name().equals("PC-é"));
        assertThat(sink.errors).containsExactly(
                new RowError(8002, "Nom", "the cell has bytes that are not valid in the file's encoding"));
    }

    @Test
    void previewsPaddedRows() throws Exception {
        ExportReader.Preview preview = new ExportReader(ReaderLimits.defaults())
                .preview(SourceFormat.CSV, RecordingSink.utf8("Nom;Modèle;Lieu\nPC-1\nPC-2;A;B;;\nPC-3;C;D\n"), 5);

        assertThat(preview.rows()).containsExactly(List.of("PC-1", "", ""), List.of("PC-2", "A", "B"),
                List.of("PC-3", "C", "D"));
    }
}
