package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A coordinator reads the rules in force and where the money of a sale goes, then schedules a new version for printers,
 * far in the future so that no other test's sale is shared by it.
 */
class SharingRulesBrowserTest extends BrowserTest {

    @Test
    void aCoordinatorSeesTheRulesInForceAndSchedulesAVersionForACategory() {
        logIn("coordinator");
        page.navigate("/admin/sharing-rules");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Règles de partage de la valeur");

        Locator refurbished = page.getByTestId("in-force").locator("tbody tr")
                .filter(new Locator.FilterOptions().setHasText("Reconditionné"))
                .filter(new Locator.FilterOptions().setHasText("Toutes les catégories"));
        assertThat(refurbished).containsText("Atelier : 25,00 € par unité");
        assertThat(refurbished).containsText("Collecteur : 0,40 €/kg");
        assertThat(refurbished).containsText("Plateforme : 3,00 %");
        assertThat(refurbished).containsText("Fonds de solidarité : 5,00 %");
        assertThat(page.getByTestId("preview-sentence")).hasText("Pour 1 × ordinateur portable à 250,00 € l’unité (reconditionné) : "
                + "atelier 25,00 €, collecteur 0,88 €, plateforme 7,50 €, fonds de solidarité 12,50 €, vendeur 204,12 €.");

        // Two donated smartphones: the fund covers the workshop's 50 € and the collector's 0.16 €.
        Locator preview = page.getByTestId("preview-form");
        preview.getByLabel("Catégorie").selectOption("SMARTPHONE");
        preview.getByLabel("Prix unitaire TTC (€)").fill("0");
        preview.getByLabel("Quantité").fill("2");
        preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Calculer")).click();
        assertThat(page.getByTestId("preview-subsidy")).hasText("Les frais dépassent le prix payé : le fonds de solidarité "
                + "complète de 50,16 €.");

        String note = "Imprimantes : collecte plus lourde " + UUID.randomUUID();
        Locator form = page.getByTestId("new-version");
        form.getByLabel("Type d’annonce").selectOption("REFURBISHED");
        form.getByLabel("Catégorie").selectOption("PRINTER");
        form.getByLabel("Date d’effet").fill("2095-03-01T09:30");
        form.getByLabel("Note").fill(note);
        // The form starts from the rules in force; a percent over 100 is explained next to its field, nothing is lost.
        assertThat(form.getByLabel("Valeur (Atelier)")).hasValue("25,00");
        form.getByLabel("Valeur (Plateforme)").fill("120");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Créer la version")).click();
        assertThat(page.getByTestId("error-PLATFORM")).hasText("Un pourcentage ne dépasse pas 100.");
        assertThat(form.getByLabel("Note")).hasValue(note);
        assertThat(form.getByLabel("Catégorie")).hasValue("PRINTER");

        form.getByLabel("Valeur (Plateforme)").fill("3");
        form.getByLabel("Valeur (Atelier)").fill("30");
        form.getByLabel("Valeur (Collecteur)").fill("0,55");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Créer la version")).click();

        assertThat(page.getByTestId("created")).containsText("Reconditionné, Imprimantes, à partir du 01/03/2095 09:30");
        Locator version = page.getByTestId("history").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(note));
        assertThat(version).hasCount(1);
        assertThat(version).containsText("Imprimantes");
        assertThat(version.getByTestId("state")).hasText("Programmée");
        assertThat(version).containsText("Atelier : 30,00 € par unité");
        assertThat(version).containsText("Collecteur : 0,55 €/kg");
        assertThat(version).containsText("01/03/2095 09:30");
        // Scheduled, not in force: today's printers are still shared by the kind-wide rules.
        assertThat(page.getByTestId("in-force")).not().containsText(note);
    }

    @Test
    void thePageIsForCoordinatorsOnly() {
        logIn("buyer");
        Response response = page.navigate("/admin/sharing-rules");

        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Accès refusé");
    }
}
