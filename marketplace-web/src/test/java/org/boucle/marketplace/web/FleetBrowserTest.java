package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A collector declares a van: a shift that ends before it starts is explained, nothing typed is lost. */
class FleetBrowserTest extends BrowserTest {

    @Test
    void aCollectorDeclaresAVehicle() {
        String name = "Fourgon " + UUID.randomUUID().toString().substring(0, 8);
        logIn("collector");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Véhicules")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Véhicules de collecte");

        Locator form = page.getByTestId("new-vehicle");
        form.getByLabel("Nom ou immatriculation").fill(name);
        form.getByLabel("Volume utile (m³)").fill("12,5");
        form.getByLabel("Charge utile (kg)").fill("1200");
        form.getByLabel("Début de service (hh:mm)").fill("18:00");
        form.getByLabel("Fin de service (hh:mm)").fill("08:00");
        form.getByLabel("Coût par km (€ HT)").fill("0,45");
        form.getByLabel("Coût horaire (€ HT)").fill("32");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Déclarer le véhicule")).click();
        assertThat(page.getByTestId("error-shiftEnd")).hasText("Le service commence avant de finir (heures telles que 08:00 et 17:00).");
        assertThat(form.getByLabel("Nom ou immatriculation")).hasValue(name);
        assertThat(form.getByLabel("Volume utile (m³)")).hasValue("12,5");

        form.getByLabel("Début de service (hh:mm)").fill("07:30");
        form.getByLabel("Fin de service (hh:mm)").fill("16:30");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Déclarer le véhicule")).click();
        Locator row = page.getByTestId("vehicles").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("12,5 m³, 1 200 kg");
        assertThat(row).containsText("07:30–16:30");
        assertThat(row).containsText("lundi, mardi, mercredi, jeudi, vendredi");
    }

    @Test
    void aCoordinatorSeesEveryCollectorsFleetAndDeclaresForThem() {
        String name = "Camion " + UUID.randomUUID().toString().substring(0, 8);
        logIn("coordinator");
        page.navigate("/collection/fleet");
        assertThat(page.getByTestId("vehicles")).containsText("Vélo-cargo 1 m³");
        assertThat(page.getByTestId("vehicles")).containsText("Drac Logistique Verte");
        Locator form = page.getByTestId("new-vehicle");
        Locator depot = form.getByLabel("Dépôt");
        String drac = depot.locator("option").filter(new Locator.FilterOptions().setHasText("Drac Logistique Verte"))
                .first().getAttribute("value");
        depot.selectOption(drac);
        form.getByLabel("Nom ou immatriculation").fill(name);
        form.getByLabel("Volume utile (m³)").fill("3");
        form.getByLabel("Charge utile (kg)").fill("500");
        form.getByLabel("PTAC (kg)").fill("2000");
        form.getByLabel("Coût par km (€ HT)").fill("0,2");
        form.getByLabel("Coût horaire (€ HT)").fill("25");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Déclarer le véhicule")).click();
        Locator row = page.getByTestId("vehicles").locator("tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("Drac Logistique Verte");
        assertThat(row).containsText("0,20 €/km");
    }
}
