package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.marketplace.traceability.CustodyChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A workshop scans the devices a collector brought, as a keyboard-wedge scanner types them, and receives them. */
class CustodyScanBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWorkshopScansTheDevicesItReceivesAndRecordsTheStepForAllOfThem() {
        CustodyChain chain = new CustodyChain(port, jdbc);
        CustodyChain.Donation donation = chain.donor(3);
        List<String> brought = donation.serials().subList(0, 2);
        CustodyChain.recorded(donation.donor().client(), "ANNOUNCED", donation.serials(), null);
        CustodyChain.recorded(chain.collector().client(), "COLLECTED", brought, null);

        logIn(chain.workshop().email(), TestSeller.PASSWORD);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Traçabilité")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Scanner des appareils");
        // Scans are looked up once htmx has taken the form over: before, Enter would post the form itself.
        page.waitForLoadState();

        Locator scanner = page.getByLabel("Numéro de série ou d'inventaire");
        Locator scanned = page.getByTestId("scanned").getByTestId("scan-item");
        // The scanner types each serial and presses Enter; the field is ready for the next one.
        scanner.pressSequentially(donation.serial(0));
        scanner.press("Enter");
        assertThat(scanned).hasCount(1);
        assertThat(scanner).hasValue("");
        scanner.pressSequentially("INV-" + donation.serial(1));
        scanner.press("Enter");
        scanner.pressSequentially("INCONNU-42");
        scanner.press("Enter");
        assertThat(scanned).hasCount(3);
        assertThat(scanned.nth(0)).containsText("Dell Latitude 5490");
        assertThat(scanned.nth(0)).containsText("Collecté");
        assertThat(scanned.nth(1)).containsText("Collecté");
        assertThat(scanned.nth(2)).containsText("Aucun appareil ne correspond à « INCONNU-42 ».");

        page.getByLabel("Étape", new Page.GetByLabelOptions().setExact(true)).selectOption("RECEIVED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'étape pour les appareils scannés"))
                .click();
        assertThat(page.getByTestId("done")).hasText("2 appareil(s) : étape « Réceptionné en atelier » enregistrée.");
        page.waitForLoadState();

        // Scanned again by mistake, a device already received is refused: nothing is recorded, and the page says why.
        scanner.pressSequentially(donation.serial(0));
        scanner.press("Enter");
        scanner.pressSequentially(donation.serial(2));
        scanner.press("Enter");
        assertThat(scanned.nth(0)).containsText("Réceptionné en atelier");
        // Announced but not brought by a collector: not the workshop's to scan yet.
        assertThat(scanned.nth(1)).containsText("Aucun appareil ne correspond");
        page.getByLabel("Étape", new Page.GetByLabelOptions().setExact(true)).selectOption("RECEIVED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer l'étape pour les appareils scannés"))
                .click();
        assertThat(page.getByTestId("refused")).containsText(
                "Dell Latitude 5490 — " + donation.serial(0) + " : L'appareil a déjà été réceptionné en atelier.");
        assertThat(scanned).hasCount(1);

        page.navigate("/devices/" + donation.id(0));
        assertThat(page.getByTestId("current-step")).hasText("Réceptionné en atelier");
        assertThat(page.getByTestId("timeline").locator("> li")).hasCount(3);
        assertThat(page.getByTestId("chain")).hasText("Chaîne d'empreintes intacte (3 étapes).");
        assertThat(jdbc.sql("select count(*) from custody_event where device_id = ?").param(donation.id(2))
                .query(Long.class).single()).isEqualTo(1L);
    }
}
