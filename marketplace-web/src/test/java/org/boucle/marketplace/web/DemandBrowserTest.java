package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An association posts a need through the page, mistakes explained next to their fields; a coordinator weighs it. */
class DemandBrowserTest extends BrowserTest {

    @Test
    void anAssociationPostsANeedAndACoordinatorSetsItsPriority() {
        String note = "Ateliers numériques du mercredi " + UUID.randomUUID();
        LocalDate latest = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(45);
        logIn("association");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Besoins")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Besoins en matériel");
        assertThat(page.getByTestId("criteria")).containsText("Programme d’inclusion numérique");

        Locator form = page.getByTestId("new-demand");
        form.getByLabel("Catégorie").selectOption("LAPTOP");
        form.getByLabel("Quantité").fill("douze");
        form.getByLabel("Personnes accompagnées").fill("80");
        form.getByLabel("Mémoire vive (Go)").fill("8");
        form.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true)).fill(note);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier le besoin")).click();

        assertThat(page.locator("#quantity-error")).hasText("Un nombre entier.");
        assertThat(page.locator("#latestDate-error")).hasText("Indiquez la date à laquelle il vous faut le matériel au plus tard.");
        form = page.getByTestId("new-demand");
        assertThat(form.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true))).hasValue(note);
        assertThat(form.getByLabel("Mémoire vive (Go)")).hasValue("8");

        form.getByLabel("Quantité").fill("12");
        form.getByLabel("Au plus tard le").fill(latest.toString());
        form.getByLabel("Prix unitaire maximum HT (€)").fill("15,50");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publier le besoin")).click();

        assertThat(page.getByTestId("done")).hasText("Besoin publié.");
        Locator row = page.getByTestId("demands").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(note));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("12 × Ordinateurs portables");
        assertThat(row).containsText("8 Go de mémoire");
        assertThat(row).containsText("15,50 €");
        assertThat(row.getByTestId("remaining")).hasText("12");
        assertThat(row.getByTestId("status")).hasText("Ouvert");
        assertThat(row.getByTestId("priority")).hasText("Non fixée (1)");
        // The association sees its priority, never a way to set it.
        assertThat(row.getByTestId("priority-form")).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        logIn("coordinator");
        page.navigate("/demands?status=OPEN&kind=ASSOCIATION");
        row = page.getByTestId("demands").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(note));
        assertThat(row).containsText("Le Lien Numérique");
        row.getByText("Fixer la priorité").click();
        Locator priority = row.getByTestId("priority-form");
        priority.getByLabel("Priorité (1 à 10)").selectOption("8");
        priority.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer la priorité")).click();

        // No criterion ticked: said next to the form, which stays open with what was chosen.
        row = page.getByTestId("demands").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(note));
        assertThat(row.getByTestId("criteria-error")).hasText("Cochez au moins un critère appliqué.");
        priority = row.getByTestId("priority-form");
        assertThat(priority.getByLabel("Priorité (1 à 10)")).hasValue("8");
        priority.getByLabel("Urgence").check();
        priority.getByLabel("Programme d’inclusion numérique").check();
        priority.getByLabel("Justification").fill("Rentrée des ateliers dans six semaines");
        priority.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer la priorité")).click();

        assertThat(page.getByTestId("done")).hasText("Priorité enregistrée.");
        row = page.getByTestId("demands").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(note));
        assertThat(row.getByTestId("priority")).containsText("8 / 10");
        assertThat(row.getByTestId("priority")).containsText("Urgence, Programme d’inclusion numérique");
        assertThat(row.getByTestId("priority")).containsText("Rentrée des ateliers dans six semaines");
    }
}
