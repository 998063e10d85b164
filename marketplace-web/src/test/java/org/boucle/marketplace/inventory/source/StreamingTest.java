package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/**
 * A million-row GLPI export (about 300 MB) made up on the fly: the reader never holds it, and the sink only
 * counts, so the test passes in the default test heap only if memory stays flat with the file's size.
 */
class StreamingTest {

    private static final int ROWS = 1_000_000;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void readsAMillionRowGlpiExportOneRowAtATime() throws Exception {
        byte[] header = ("\"Nom\";\"Entité\";\"Statut\";\"Fabricant\";\"Numéro de série\";\"Numéro d'inventaire\";"
                + "\"Type\";\"Modèle\";\"Lieu\";\"Date d'achat\";\"Date de fin de garantie\";\"Valeur\";\"ID\";"
                + "\"Composants - Processeur\";\"Composants - Mémoire\";\"Composants - Disque dur\";\r\n")
                .getBytes(WINDOWS_1252);
        GeneratedStream file = new GeneratedStream(i -> i == 0 ? header : i <= ROWS ? row(i) : null);
        CountingSink sink = new CountingSink();

        ReaderLimits defaults = ReaderLimits.defaults();
        ReaderLimits oneGigabyte = new ReaderLimits(1L << 30, defaults.maxColumns(), defaults.maxCellChars(),
                defaults.maxRecordChars(), defaults.maxRows());
        new ExportReader(oneGigabyte).read(SourceFormat.GLPI_CSV, file, null, sink);

        assertThat(sink.errors).isZero();
        assertThat(sink.assets).isEqualTo(ROWS);
        assertThat(sink.lastRow).isEqualTo(ROWS + 1);
        assertThat(file.bytesRead()).isGreaterThan(200L * ROWS);
    }

    private static byte[] row(long i) {
        String type = i % 5 == 0 ? "Écran" : "Portable";
        return ("\"CHU-PO-" + i + "\";\"Entité racine > CHU\";\"En service\";\"Dell Inc.\";\"SN" + i + "\";\"INV-" + i
                + "\";\"" + type + "\";\"Latitude 5420\";\"Hôpital Nord > Bâtiment A\";\"15/03/2021\";\"15/03/2024\";"
                + "\"1\u00A0050,00\";\"" + i + "\";\"Intel Core i5-1145G7\";\"8 Go\";\"256 Go SSD\";\r\n")
                .getBytes(WINDOWS_1252);
    }

    /** Keeps nothing but counts. */
    private static final class CountingSink implements AssetSink {

        long assets;
        long errors;
        long lastRow;

        @Override
        public void accept(SourceAsset asset) {
            assets++;
            lastRow = asset.row();
        }

        @Override
        public void reject(RowError error) {
            errors++;
        }
    }
}
