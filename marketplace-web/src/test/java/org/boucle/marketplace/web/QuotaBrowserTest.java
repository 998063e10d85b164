package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.Test;

/**
 * The quota dashboard as a public buyer uses it: where it stands, the curve, what is missing and where to buy it, its
 * budget's projection, its imports and its declaration; and as coordinators and the demo buyer see it. The buyer is
 * fresh, its purchases imported through the API in the current year: IT 8,000 € new and 1,500 € reused.
 */
class QuotaBrowserTest extends BrowserTest {

    private static final String HEADER = "date,category,description,supplier,amount_excl_vat,origin\n";
    /** Thousands are grouped with a space of some kind. */
    private static final String SPACE = "[\\s\\u00a0\\u202f]";

    private final int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

    private TestSeller buyerWithPurchases() {
        TestSeller buyer = TestSeller.onboard(port, "PUBLIC_BUYER");
        String csv = HEADER + "10/01/" + year + ",IT_TELEPHONY,Portables neufs,UGAP,8000.00,new\n"
                + "20/01/" + year + ",IT_TELEPHONY,Portables reconditionnés,Atelier,1500.00,reuse\n";
        var response = buyer.client().upload("/api/v1/quota/purchases", Map.of(), "export.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.body()).isEqualTo(201);
        return buyer;
    }

    @Test
    void aPublicBuyerSeesWhereItStandsPlansImportsAndDeclares() throws IOException {
        TestSeller buyer = buyerWithPurchases();
        logIn(buyer.email(), TestSeller.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quota réemploi")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Achats issus du réemploi — " + buyer.name() + ", " + year);

        // IT: 1,500 / 9,500 = 15.8 % < 20 %; missing (1,900 − 1,500) / 0.8 = 500.00.
        Locator it = page.getByTestId("quota-IT_TELEPHONY-REUSE-REUTILISATION");
        assertThat(it.getByTestId("state")).hasText("Minimum non atteint");
        assertThat(it.getByTestId("share")).hasText("15,8 %");
        assertThat(it.getByTestId("minimum")).hasText("20 %");
        assertThat(it.getByTestId("bar")).hasAttribute("aria-label", "Part de 15,8 % pour un minimum de 20 %");
        assertThat(it.getByTestId("gap")).containsText("Il manque 500,00 € d’achats (réemploi ou réutilisation) pour atteindre 20 %");
        assertThat(it.getByTestId("catalog-link")).hasAttribute("href", Pattern.compile(".*category=LAPTOP.*category=TABLET.*"));
        assertThat(it.locator("canvas")).hasAttribute("data-drawn", "true");
        // Textiles: nothing bought, nothing owed.
        assertThat(page.getByTestId("quota-TEXTILES-RECYCLED_CONTENT").getByTestId("state")).hasText("Aucun achat");

        // A budget that is not an amount is explained next to its field.
        Locator budget = it.getByLabel("Budget prévu en " + year + " (€ HT)");
        budget.fill("beaucoup");
        it.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer")).click();
        it = page.getByTestId("quota-IT_TELEPHONY-REUSE-REUTILISATION");
        assertThat(it.getByRole(AriaRole.ALERT)).hasText("Saisissez un montant en euros, par exemple 12 000 ou 12 000,50.");
        assertThat(it.getByLabel("Budget prévu en " + year + " (€ HT)")).hasValue("beaucoup");
        // Plan 20,000: 10,500 left; 20 % of 20,000 is 4,000, so 2,500 more of the 10,500 (23.8 %) must qualify.
        it.getByLabel("Budget prévu en " + year + " (€ HT)").fill("20 000");
        it.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer")).click();
        it = page.getByTestId("quota-IT_TELEPHONY-REUSE-REUTILISATION");
        assertThat(it.getByTestId("projection")).containsText(Pattern.compile("10" + SPACE + "500,00 €"));
        assertThat(it.getByTestId("projection")).containsText(Pattern.compile(
                "Pour finir l’année à 20 %, au moins 2" + SPACE + "500,00 € de ce reste \\(24 %\\)"));

        // A bad file imports nothing and says where the problem is.
        page.getByLabel("Fichier CSV").setInputFiles(new FilePayload("achats.csv", "text/csv",
                (HEADER + "01/02/" + year + ",IT_TELEPHONY,Écrans,Envie,500.00,reuse\n"
                        + "02/02/" + year + ",IT_TELEPHONY,Souris,Fournisseur,douze,new\n").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer")).click();
        assertThat(page.getByTestId("import-error")).containsText("Rien n’a été importé : 1 problème(s)");
        Locator error = page.getByTestId("import-errors").locator("tbody tr");
        assertThat(error).hasCount(1);
        assertThat(error.locator("td").nth(0)).hasText("3");
        assertThat(error.locator("td").nth(1)).hasText("amount_excl_vat");
        assertThat(page.getByTestId("imports").locator("tbody tr")).hasCount(1);

        // The good file: 2,000 / 10,000 = 20 %, met.
        page.getByLabel("Fichier CSV").setInputFiles(new FilePayload("ecrans.csv", "text/csv",
                (HEADER + "01/02/" + year + ",IT_TELEPHONY,Écrans,Envie,500.00,reuse\n").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer")).click();
        assertThat(page.getByTestId("imported")).hasText("1 achat(s) importé(s) depuis ecrans.csv.");
        it = page.getByTestId("quota-IT_TELEPHONY-REUSE-REUTILISATION");
        assertThat(it.getByTestId("state")).hasText("Minimum atteint");
        assertThat(it.getByTestId("share")).hasText("20,0 %");
        assertThat(it.getByTestId("gap")).hasCount(0);

        Download download = page.waitForDownload(() -> page.getByTestId("declaration-csv").click());
        String declaration = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(declaration).contains(year + ";" + buyer.name()
                + ";Décret n° 2024-134;IT_TELEPHONY;Matériel informatique et téléphonie;réemploi, réutilisation;"
                + "10000,00;2000,00;0,00;20,00;20,00;oui");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer l’import ecrans.csv")).click();
        assertThat(page.getByTestId("imports").locator("tbody tr")).hasCount(1);
        assertThat(page.getByTestId("quota-IT_TELEPHONY-REUSE-REUTILISATION").getByTestId("share")).hasText("15,8 %");
    }

    @Test
    void aCoordinatorGoesFromTheTerritoryToABuyersDashboard() {
        TestSeller buyer = buyerWithPurchases();
        logIn("coordinator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quota réemploi")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Quota réemploi des acheteurs publics, " + year);
        Locator row = page.getByTestId("territory").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(buyer.name()));
        assertThat(row).containsText("15,8 %");
        assertThat(row).containsText("Minimum non atteint");
        row.getByRole(AriaRole.LINK).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Achats issus du réemploi — " + buyer.name() + ", " + year);
        assertThat(page.getByLabel("Acheteur public")).hasValue(buyer.id());
        assertThat(page.getByTestId("quota-IT_TELEPHONY-REUSE-REUTILISATION").getByTestId("share")).hasText("15,8 %");
    }

    @Test
    void theDemoBuyerMeetsItsItMinimumAndMissesTextiles() {
        logIn("publicbuyer");
        page.navigate("/quota");
        assertThat(page.getByTestId("quota-IT_TELEPHONY-REUSE-REUTILISATION").getByTestId("state")).hasText("Minimum atteint");
        assertThat(page.getByTestId("quota-TEXTILES-REUSE-REUTILISATION").getByTestId("state")).hasText("Minimum non atteint");
        assertThat(page.getByTestId("quota-TEXTILES-RECYCLED_CONTENT").getByTestId("state")).hasText("Minimum non atteint");
        assertThat(page.getByTestId("quota-TEXTILES-RECYCLED_CONTENT").getByTestId("gap"))
                .containsText("Ce minimum porte sur des produits neufs intégrant des matières recyclées");
        assertThat(page.getByTestId("imports").locator("tbody tr")).hasCount(2);
    }
}
