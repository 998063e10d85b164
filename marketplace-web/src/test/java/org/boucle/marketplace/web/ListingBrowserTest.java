package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ListingBrowserTest extends BrowserTest {

    @Test
    void aWorkshopPublishesAListingFixesItsBatteryAddsAPhotoPausesItAndOpensItsPage() throws Exception {
        String title = "ThinkPad T480 reconditionné " + UUID.randomUUID().toString().substring(0, 8);
        logIn("workshop");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes annonces")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Annonces — Atelier Reboot Grenoble");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouvelle annonce")).click();

        page.getByLabel("Titre").fill(title);
        page.getByLabel("Catégorie").selectOption("LAPTOP");
        page.getByLabel("Fabricant").fill("Lenovo");
        page.getByLabel("Modèle", new Page.GetByLabelOptions().setExact(true)).fill("ThinkPad T480");
        page.getByLabel("Mémoire vive (Go)").fill("16");
        page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).selectOption("B");
        // Grade B needs a battery at 75 % at least.
        page.getByLabel("État de la batterie (%)").fill("70");
        page.getByLabel("Garantie (mois)").fill("12");
        page.getByLabel("Quantité disponible").fill("2");
        page.getByLabel("Prix unitaire HT (€)").fill("249,90");
        page.getByLabel("Site", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Atelier Bouchayer-Viallet (Grenoble)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier l’annonce")).click();

        assertThat(page.locator("#batteryHealthPercent-error")).containsText("75 %");
        assertThat(page.getByLabel("État de la batterie (%)")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("Corrigez les champs signalés");
        // Nothing typed is lost.
        assertThat(page.getByLabel("Titre")).hasValue(title);
        assertThat(page.getByLabel("Prix unitaire HT (€)")).hasValue("249,90");
        assertThat(page.getByLabel("Site", new Page.GetByLabelOptions().setExact(true)).locator("option:checked"))
                .hasText("Atelier Bouchayer-Viallet (Grenoble)");

        page.getByLabel("État de la batterie (%)").fill("82");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier l’annonce")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Annonce publiée. Ajoutez-lui des photos ci-dessous.");
        page.getByLabel("Ajouter une photo").setInputFiles(new FilePayload("t480.png", "image/png", png()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer la photo")).click();
        assertThat(page.getByTestId("photos").locator("img")).hasCount(1);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes annonces").setExact(true)).first().click();
        page.waitForLoadState(LoadState.LOAD);
        Locator row = page.getByTestId("listing-row").filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row.getByTestId("listing-status")).hasText("En ligne");
        assertThat(row).containsText("249,90 € HT");
        String address = page.url();

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mettre en pause « " + title + " »")).click();

        assertThat(row.getByTestId("listing-status")).hasText("En pause");
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remettre en ligne « " + title + " »")))
                .isVisible();
        assertThat(page).hasURL(address);

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
        assertThat(page.getByTestId("listing-status")).hasText("En pause");
        Locator facts = page.getByTestId("listing-facts");
        assertThat(facts).containsText("249,90 € HT");
        assertThat(facts).containsText("B — Bon état");
        assertThat(facts).containsText("batterie à au moins 75 %");
        assertThat(facts).containsText("82 %");
        assertThat(facts).containsText("12 mois");
        assertThat(facts).containsText("Atelier Bouchayer-Viallet, Grenoble");
        assertThat(facts).containsText(Pattern.compile("182,6 kg par unité"));
        assertThat(page.getByTestId("listing-specs")).containsText("16 Go");
        // The photo is served to the signed-in seller, and the map is drawn without any tile server.
        page.waitForFunction("() => { const img = document.querySelector('[data-testid=listing-photo]');"
                + " return img && img.complete && img.naturalWidth === 64; }");
        assertThat(page.locator("#site-map")).hasAttribute("data-drawn", "1");
        assertThat(page.locator("#site-map path.leaflet-interactive")).hasCount(1);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Échelle de notation")).click();
        assertThat(page.getByTestId("grading")).containsText("Aucune marque visible.");
        assertThat(page.getByTestId("grading").locator("tbody tr")).hasCount(3);
    }

    @Test
    void aDonorPublishesAnUpcomingLotFromItsInventoryPage() {
        logIn("donor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inventaire").setExact(true)).click();
        // A long page: let htmx take over its forms before using them.
        page.waitForLoadState(LoadState.LOAD);
        // The demo catalogue lists every upcoming lot of the donor already: its rows say so and offer an update.
        // A priced one: a donation's price is not read, so it cannot be refused.
        Locator first = page.getByTestId("lot-row").filter(new Locator.FilterOptions().setHas(
                page.getByTestId("lot-published").filter(new Locator.FilterOptions().setHasText("€ HT")))).first();
        assertThat(first.getByTestId("lot-published")).containsText("Publié");
        first.getByLabel("Prix unitaire HT (€)").fill("douze");
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mettre à jour")).click();
        assertThat(first.getByRole(AriaRole.ALERT)).hasText("n’est pas un nombre");
        assertThat(first.getByLabel("Prix unitaire HT (€)")).hasValue("douze");

        first.getByLabel("Don", new Locator.GetByLabelOptions().setExact(true)).uncheck();
        first.getByLabel("Prix unitaire HT (€)").fill("42,50");
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mettre à jour")).click();
        assertThat(first.getByTestId("lot-published")).containsText("42,50 € HT");
        assertThat(first.getByRole(AriaRole.ALERT)).hasCount(0);
        assertThat(page.getByTestId("lots")).isVisible();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.createGraphics().fillRect(8, 8, 48, 32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
