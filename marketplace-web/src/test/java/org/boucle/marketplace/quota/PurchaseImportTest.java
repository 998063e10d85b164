package org.boucle.marketplace.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.boucle.marketplace.quota.QuotaFixtures.HEADER;
import static org.boucle.marketplace.quota.QuotaFixtures.category;
import static org.boucle.marketplace.quota.QuotaFixtures.importCsv;
import static org.boucle.marketplace.quota.QuotaFixtures.quota;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Finance exports as buyers' software writes them: all or nothing, every problem named, never counted twice. */
@BoucleTest
class PurchaseImportTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @LocalServerPort
    int port;

    private TestSeller buyer;

    @BeforeEach
    void buyer() {
        buyer = QuotaFixtures.publicBuyer(port);
    }

    @Test
    void readsAFrenchExportInWindows1252() {
        // Excel's French CSV: ';', day-first dates, decimal commas, a (no-break) space between thousands, a € sign,
        // a quoted cell with a ';' inside, the category by its name with accents and the origin in capitals.
        String csv = "date;category;description;supplier;amount_excl_vat;origin\r\n"
                + "03/02/2026;Matériel informatique et téléphonie;\"Portables; écoles\";UGAP;1\u00a0234,56 €;new\r\n"
                + "17/02/2026;it_telephony;Écrans reconditionnés;Envie Dauphiné;2 000,00;REUSE\r\n"
                + "\r\n"
                + "28/02/2026;TEXTILES;Blouses;Le Relais;99,9;reutilisation\r\n";
        ApiClient.Response response = importCsv(buyer.client(), csv, WINDOWS_1252, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode done = response.json();
        // 1,234.56 + 2,000.00 + 99.90 = 3,334.46 over 3 purchases (the blank line is no purchase).
        assertThat(done.get("rows").asInt()).isEqualTo(3);
        assertThat(done.get("totalExclVat").decimalValue()).isEqualByComparingTo("3334.46");
        assertThat(done.get("fileName").asText()).isEqualTo("achats.csv");

        JsonNode detail = buyer.client().get("/api/v1/quota/purchases/" + done.get("id").asText()).json();
        JsonNode first = detail.at("/purchases/0");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("date").asText()).isEqualTo("2026-02-03");
        assertThat(first.get("category").asText()).isEqualTo("IT_TELEPHONY");
        assertThat(first.get("description").asText()).isEqualTo("Portables; écoles");
        assertThat(first.get("amountExclVat").decimalValue()).isEqualByComparingTo("1234.56");
        assertThat(detail.at("/purchases/1/origin").asText()).isEqualTo("reuse");
        assertThat(detail.at("/purchases/1/supplier").asText()).isEqualTo("Envie Dauphiné");
        assertThat(detail.at("/purchases/2/line").asInt()).isEqualTo(5);

        // IT: t = 3,234.56, q = 2,000.00: 0.6183.
        JsonNode it = category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it.get("totalSpend").decimalValue()).isEqualByComparingTo("3234.56");
        assertThat(it.get("share").decimalValue()).isEqualByComparingTo("0.6183");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithEveryProblemByRowAndColumn() {
        String csv = HEADER + """
                02/01/2026,IT_TELEPHONY,Portables,UGAP,1000.00,new
                31/02/2026,IT_TELEPHONY,Écrans,UGAP,200.00,new
                03/01/2026,MOBILIER,Chaises,Fournisseur,300.00,reuse
                04/01/2026,TEXTILES,Avoir,Fournisseur,-12.00,new
                05/01/2026,TEXTILES,Tenues,Fournisseur,50.00,occasion
                2026-13-01,IT_TELEPHONY,Souris,Fournisseur,,new
                06/01/26,IT_TELEPHONY,Claviers,Fournisseur,12.345,new
                07/01/2026,IT_TELEPHONY,Câbles, HDMI,Fournisseur,10.00,new
                """;
        ApiClient.Response refused = importCsv(buyer.client(), csv);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("/import-rejected");
        List<JsonNode> errors = new ArrayList<>();
        refused.json().get("rejected").forEach(errors::add);
        // Row 9's unquoted comma shifts its cells: one more than the header has (a problem of the whole row, no
        // column), and "Fournisseur" where the amount should be.
        assertThat(errors).extracting(e -> e.get("row").asInt(), e -> e.path("column").asText("")).containsExactly(
                tuple(3, "date"), tuple(4, "category"), tuple(5, "amount_excl_vat"), tuple(6, "origin"),
                tuple(7, "date"), tuple(7, "amount_excl_vat"), tuple(8, "date"), tuple(8, "amount_excl_vat"),
                tuple(9, ""), tuple(9, "amount_excl_vat"), tuple(9, "origin"));
        assertThat(refused.json().get("rejectedCount").asInt()).isEqualTo(11);
        assertThat(errors.get(1).get("reason").asText()).contains("MOBILIER").contains("IT_TELEPHONY, TEXTILES");
        assertThat(errors.get(6).get("reason").asText()).contains("two-digit year");

        // Nothing was stored, not even the good first row.
        assertThat(buyer.client().get("/api/v1/quota/purchases").json()).isEmpty();
        assertThat(category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation")
                .get("totalSpend").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void theHeaderMustNameEveryColumnAndAFileMustBeAFile() {
        ApiClient.Response noOrigin = importCsv(buyer.client(), "date,category,description,supplier,amount_excl_vat\n"
                + "02/01/2026,IT_TELEPHONY,Portables,UGAP,1000.00\n");
        assertThat(noOrigin.status()).isEqualTo(422);
        assertThat(noOrigin.json().at("/rejected/0/row").asInt()).isEqualTo(1);
        assertThat(noOrigin.json().at("/rejected/0/column").asText()).isEqualTo("origin");

        // Two date columns: which one holds the purchase's date would be a guess.
        ApiClient.Response dateTwice = importCsv(buyer.client(), "date,category,description,supplier,amount_excl_vat,"
                + "origin,Date\n02/01/2026,IT_TELEPHONY,Portables,UGAP,1000.00,new,03/01/2026\n");
        assertThat(dateTwice.status()).isEqualTo(422);
        assertThat(dateTwice.json().at("/rejected/0/row").asInt()).isEqualTo(1);
        assertThat(dateTwice.json().at("/rejected/0/column").asText()).isEqualTo("Date");
        assertThat(dateTwice.json().at("/rejected/0/reason").asText()).isEqualTo("the column appears twice in the header");

        ApiClient.Response headerOnly = importCsv(buyer.client(), HEADER);
        assertThat(headerOnly.status()).isEqualTo(422);
        assertThat(headerOnly.json().get("detail").asText()).contains("no purchases");

        ApiClient.Response image = buyer.client().upload("/api/v1/quota/purchases", Map.of(), "photo.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertThat(image.status()).isEqualTo(422);
        assertThat(image.json().get("detail").asText()).contains("PNG");

        ApiClient.Response noFile = buyer.client().upload("/api/v1/quota/purchases", Map.of(), "x.csv", new byte[0]);
        assertThat(noFile.status()).isEqualTo(422);
    }

    @Test
    void theSameFileTwiceIsRefusedAndDeletingAnImportCorrectsIt() {
        String csv = HEADER + "10/03/2026,IT_TELEPHONY,Portables reconditionnés,Atelier,500.00,reuse\n";
        ApiClient.Response first = importCsv(buyer.client(), csv);
        assertThat(first.status()).isEqualTo(201);
        String id = first.json().get("id").asText();

        ApiClient.Response again = importCsv(buyer.client(), csv);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/duplicate-import");
        assertThat(again.json().get("importId").asText()).isEqualTo(id);
        // Counted once: 500.
        assertThat(category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation")
                .get("qualifyingSpend").decimalValue()).isEqualByComparingTo("500.00");
        // The same purchases in another file (one more blank line) are another file: the buyer decides.
        assertThat(importCsv(buyer.client(), csv + "\n").status()).isEqualTo(201);

        assertThat(buyer.client().delete("/api/v1/quota/purchases/" + id).status()).isEqualTo(204);
        assertThat(buyer.client().get("/api/v1/quota/purchases/" + id).status()).isEqualTo(404);
        assertThat(buyer.client().get("/api/v1/quota/purchases").json()).hasSize(1);
        assertThat(importCsv(buyer.client(), csv).status()).isEqualTo(201);
        // 500 + 500: the corrected file and the other one.
        assertThat(category(quota(buyer.client(), 2026), "IT_TELEPHONY", "reuse", "reutilisation")
                .get("qualifyingSpend").decimalValue()).isEqualByComparingTo("1000.00");
    }

    @Test
    void aCoordinatorImportsForAnyPublicBuyerAndOthersCannotTouchTheImports() {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        String csv = HEADER + "10/03/2026,IT_TELEPHONY,Portables,UGAP,800.00,new\n";
        ApiClient.Response unnamed = importCsv(coordinator, csv, StandardCharsets.UTF_8, Map.of());
        assertThat(unnamed.status()).isEqualTo(400);
        ApiClient.Response forBuyer = importCsv(coordinator, csv, StandardCharsets.UTF_8, Map.of("organizationId", buyer.id()));
        assertThat(forBuyer.status()).as(forBuyer.body()).isEqualTo(201);
        String id = forBuyer.json().get("id").asText();
        assertThat(forBuyer.json().get("organizationId").asText()).isEqualTo(buyer.id());
        assertThat(buyer.client().get("/api/v1/quota/purchases").json().findValuesAsText("id")).containsExactly(id);

        TestSeller other = QuotaFixtures.publicBuyer(port);
        assertThat(other.client().get("/api/v1/quota/purchases/" + id).status()).isEqualTo(404);
        assertThat(other.client().delete("/api/v1/quota/purchases/" + id).status()).isEqualTo(404);
        assertThat(importCsv(other.client(), csv, StandardCharsets.UTF_8, Map.of("organizationId", buyer.id())).status())
                .isEqualTo(404);
        assertThat(other.client().get("/api/v1/quota/purchases?organizationId=" + buyer.id()).status()).isEqualTo(404);
        assertThat(importCsv(ApiClient.demo(port, "buyer"), csv).status()).isEqualTo(403);
        assertThat(buyer.client().get("/api/v1/quota/purchases").json()).hasSize(1);
        assertThat(coordinator.delete("/api/v1/quota/purchases/" + id).status()).isEqualTo(204);
    }
}
