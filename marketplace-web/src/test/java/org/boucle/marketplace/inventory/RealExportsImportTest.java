package org.boucle.marketplace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.inventory.source.SourceFormat;
import org.boucle.marketplace.inventory.source.SyntheticExports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real-format fixtures (GLPI REST JSON and its French Windows-1252 CSV export, Snipe-IT's API page and CSV
 * layout, a mapped spreadsheet) imported end to end with exact counts, then re-imported without duplicates.
 */
@BoucleTest
class RealExportsImportTest {

    private static final String IMPORTS = "/api/v1/inventory/imports";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "glpi-fr-cp1252.csv,    glpi-csv,     5, 4",
            "glpi-en-bom.csv,       glpi-csv,     3, 0",
            "glpi-computers.json,   glpi-json,    5, 2",
            "glpi-monitors.json,    glpi-json,    3, 0",
            "snipeit-hardware.json, snipeit-json, 4, 1",
            "snipeit-import.csv,    snipeit-csv,  3, 1",
            "generic.csv,           csv,          4, 1"})
    void importsWithExactCountsAndReImportsIdempotently(String fixture, String format, int assets, int badRows)
            throws IOException {
        TestDonor donor = TestDonor.onboard(port);
        byte[] export = fixture(fixture);
        Map<String, String> form = new java.util.HashMap<>(Map.of("format", format));
        if (format.equals("csv")) {
            form.put("mappingId", saveGenericMapping(donor));
        }

        ApiClient.Response strict = donor.client().upload(IMPORTS, form, fixture, export);
        if (badRows > 0) {
            assertThat(strict.status()).isEqualTo(422);
            assertThat(strict.json().get("rejectedCount").asInt()).isEqualTo(badRows);
            assertThat(strict.json().get("rejected")).allSatisfy(error -> assertThat(error.get("row").asInt()).isPositive());
            form.put("mode", "valid-rows");
            strict = donor.client().upload(IMPORTS, form, fixture, export);
        }
        assertThat(strict.status()).as(strict.body()).isEqualTo(201);
        assertThat(strict.json().get("created").asInt()).isEqualTo(assets);
        assertThat(strict.json().get("rejectedCount").asInt()).isEqualTo(badRows);

        JsonNode again = donor.client().upload(IMPORTS, form, fixture, export).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(assets);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"glpi-json", "glpi-csv", "snipeit-json", "snipeit-csv", "csv", "xlsx"})
    void everyFormatAsItsToolWritesItImportsCompletely(String format) throws IOException {
        TestDonor donor = TestDonor.onboard(port);
        SourceFormat sourceFormat = SourceFormat.fromCode(format).orElseThrow();
        SyntheticExports exports = new SyntheticExports(11);
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        exports.write(sourceFormat, "donneur-" + format, 400, List.of("Siège", "Annexe"), 8, export);
        Map<String, String> form = new java.util.HashMap<>(Map.of("format", format));
        if (sourceFormat.needsMapping()) {
            String mapping = "{\"name\": \"Tableur\", \"columns\": "
                    + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(exports.mappingFor(sourceFormat).columns())
                    + "}";
            form.put("mappingId", donor.client().post("/api/v1/inventory/mappings", mapping).json().get("id").asText());
        }

        ApiClient.Response response = donor.client().upload(IMPORTS, form, "export." + format, export.toByteArray());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("created").asInt()).isEqualTo(400);
        assertThat(response.json().get("rejectedCount").asInt()).isZero();
    }

    private String saveGenericMapping(TestDonor donor) {
        ApiClient.Response saved = donor.client().post("/api/v1/inventory/mappings", """
                {"name": "Tableur du service", "columns": {"NAME": "Désignation", "CATEGORY": "type de matériel",
                 "MANUFACTURER": "Marque", "MODEL": "Modèle", "SERIAL": "N° série", "PURCHASE_DATE": "Acheté le",
                 "PURCHASE_VALUE": "Prix", "LOCATION": "Site", "RAM_GB": "RAM", "SOURCE_ID": " Référence "}}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return saved.json().get("id").asText();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RealExportsImportTest.class.getResourceAsStream("/inventory/" + name)) {
            return in.readAllBytes();
        }
    }
}
