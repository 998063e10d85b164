package org.boucle.marketplace.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of bad upload gets a clear answer, loses nothing, and leaves the server up. */
@BoucleTest
class InventoryBadInputTest {

    private static final String IMPORTS = "/api/v1/inventory/imports";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;

    private ApiClient.Response upload(TestDonor donor, String format, byte[] content) {
        return donor.client().upload(IMPORTS, Map.of("format", format), "export", content);
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "java.");
    }

    @Test
    void anEmptyFileIsRefusedClearly() {
        TestDonor donor = TestDonor.onboard(port);
        assertProblem(upload(donor, "glpi-csv", new byte[0]), 422);
        assertProblem(upload(donor, "snipeit-json", new byte[0]), 422);
    }

    @Test
    void aFileOfTheWrongTypeIsRefusedClearly() {
        TestDonor donor = TestDonor.onboard(port);
        assertProblem(upload(donor, "glpi-csv", PNG), 422);
        assertProblem(upload(donor, "snipeit-json", "Nom;Numéro de série\nPC-1;ABC\n".getBytes(StandardCharsets.UTF_8)), 422);
        assertProblem(upload(donor, "glpi-json", "{\"rows\": [".getBytes(StandardCharsets.UTF_8)), 422);
        assertProblem(upload(donor, "xlsx", "Nom;Série\n".getBytes(StandardCharsets.UTF_8)), 400); // no mapping given
    }

    @Test
    void missingOrUnknownParametersAreNamed() {
        TestDonor donor = TestDonor.onboard(port);
        assertThat(field(upload(donor, "excel97", PNG))).isEqualTo("format");
        assertThat(field(donor.client().upload(IMPORTS, Map.of("format", "csv"), "x.csv", "a;b\n".getBytes()))).isEqualTo("mappingId");
        assertThat(field(donor.client().upload(IMPORTS, Map.of("format", "glpi-csv", "mode", "some-rows"), "x.csv",
                "a;b\n".getBytes()))).isEqualTo("mode");
        assertProblem(donor.client().post(IMPORTS, "{}"), 415);
    }

    @Test
    void aCsvBombOfColumnsIsRefused() {
        TestDonor donor = TestDonor.onboard(port);
        ApiClient.Response response = donor.client().upload(IMPORTS, Map.of("format", "glpi-csv"), "bomb.csv",
                () -> new RepeatingStream("Nom;".getBytes(StandardCharsets.UTF_8), 1_000_000, "\n"));
        assertProblem(response, 422);
        assertThat(response.json().get("detail").asText()).containsIgnoringCase("column");
    }

    @Test
    void aHundredMegabyteLineIsRefusedWithoutFillingTheServer() {
        TestDonor donor = TestDonor.onboard(port);
        ApiClient.Response response = donor.client().upload(IMPORTS, Map.of("format", "glpi-csv"), "line.csv",
                () -> new java.io.SequenceInputStream(new java.io.ByteArrayInputStream("Nom;Numéro de série\n"
                        .getBytes(StandardCharsets.UTF_8)), new RepeatingStream("x".getBytes(), 100_000_000, "\n")));
        assertProblem(response, 422);
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedAndTheServerStaysUp() {
        TestDonor donor = TestDonor.onboard(port);
        ApiClient.Response response = donor.client().upload(IMPORTS, Map.of("format", "glpi-csv"), "huge.csv",
                () -> new RepeatingStream("PC;SN\n".getBytes(), 210_000_000 / 6, ""));
        assertProblem(response, 413);
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(donor.client().get("/api/v1/inventory/park").json()).isEmpty();
    }

    @Test
    void formulasInImportedCellsStayTextInEveryExport() {
        TestDonor donor = TestDonor.onboard(port);
        String evil = SnipeIt.asset(9, "Laptops", null, "=HYPERLINK(\\\"http://evil.example\\\",\\\"clic\\\")", "SN-9",
                "2024-01-10", null, "2026-12-20");
        assertThat(upload(donor, "snipeit-json", SnipeIt.page(evil)).status()).isEqualTo(201);

        String lots = donor.client().get("/api/v1/forecast/lots", "text/csv").body();
        assertThat(lots).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK");
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().at("/errors/0/field").asText(null);
    }

    /** {@code times} copies of a chunk then a suffix, generated as it is read: nothing this big is ever in memory. */
    private static final class RepeatingStream extends InputStream {

        private final byte[] chunk;
        private final byte[] suffix;
        private final long total;
        private long position;

        RepeatingStream(byte[] chunk, long times, String suffix) {
            this.chunk = chunk;
            this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
            this.total = chunk.length * times + this.suffix.length;
        }

        @Override
        public int read() {
            if (position >= total) {
                return -1;
            }
            long body = total - suffix.length;
            int b = position < body ? chunk[(int) (position % chunk.length)] : suffix[(int) (position - body)];
            position++;
            return b & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int n = (int) Math.min(length, total - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
