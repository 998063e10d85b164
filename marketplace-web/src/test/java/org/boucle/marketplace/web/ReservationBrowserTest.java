package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.boucle.marketplace.ApiClient;
import org.junit.jupiter.api.Test;

/** A buyer reserves units from a listing's page, sees the hold count down in the basket, and releases it. */
class ReservationBrowserTest extends BrowserTest {

    @Test
    void aBuyerReservesWatchesTheCountdownAndReleases() {
        var hit = ApiClient.demo(port, "buyer").get("/api/v1/search?kind=REFURBISHED&sort=-price&size=1").json()
                .get("items").get(0);
        int before = hit.get("quantityAvailable").asInt();
        logIn("buyer");
        page.navigate("/catalog/listings/" + hit.get("id").asText());
        page.getByLabel("Quantité", new Page.GetByLabelOptions().setExact(true)).fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réserver")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Mes réservations");
        var row = page.locator("[data-testid=reservations] tr", new Page.LocatorOptions().setHasText(hit.get("title").asText())).first();
        assertThat(row.getByTestId("reservation-status")).hasText("Réservée");
        // 30 minutes for refurbished stock, counting down.
        assertThat(row.getByTestId("countdown")).hasText(Pattern.compile("^(29|30):\\d\\d$"));
        int held = ApiClient.demo(port, "buyer").get("/api/v1/listings/" + hit.get("id").asText()).json()
                .get("quantityAvailable").asInt();
        org.assertj.core.api.Assertions.assertThat(held).isEqualTo(before - 1);

        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Libérer")).click();
        assertThat(page.locator("[data-testid=reservations] tr", new Page.LocatorOptions().setHasText(hit.get("title").asText()))
                .first().getByTestId("reservation-status")).hasText("Libérée");
    }

    @Test
    void aPublicBuyerSearchesReservesOrdersOnInvoiceAndSeesWhereTheMoneyGoes() {
        var hit = ApiClient.demo(port, "publicbuyer").get("/api/v1/search?kind=REFURBISHED&sort=-price&minPrice=1&size=3").json()
                .get("items").get(2);
        String title = hit.get("title").asText();
        logIn("publicbuyer");
        page.navigate("/catalog");
        page.getByLabel("Rechercher", new Page.GetByLabelOptions().setExact(true)).fill(title);
        // Several listings may share the title: open the one found through the API.
        page.locator("a[href$='/catalog/listings/" + hit.get("id").asText() + "']").first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réserver")).click();
        var row = page.locator("[data-testid=reservations] tr", new Page.LocatorOptions().setHasText(title)).first();

        row.getByLabel("Règlement").selectOption("card");
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Commander")).click();
        assertThat(page.getByTestId("checkout-error")).containsText("Stripe");

        row = page.locator("[data-testid=reservations] tr", new Page.LocatorOptions().setHasText(title)).first();
        row.getByLabel("Règlement").selectOption("invoice");
        row.getByLabel("Code service (Chorus Pro)").fill("SERV-DSI");
        row.getByLabel("N° d’engagement").fill("EJ-2026-7781");
        row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Commander")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(Pattern.compile("^Commande BCL-\\d{4}-\\d{6}$"));
        assertThat(page.getByTestId("order-status")).hasText("En attente de paiement");
        assertThat(page.locator("dd", new Page.LocatorOptions().setHasText("EJ-2026-7781"))).isVisible();
        assertThat(page.getByTestId("invoice-link")).isVisible();
        var settlement = page.getByTestId("settlement");
        assertThat(settlement.locator("tr[data-role=SOLIDARITY_FUND]").first()).containsText("En attente du paiement");
        assertThat(settlement.locator("tr[data-role=SELLER]")).containsText(hit.at("/seller/name").asText());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Mes commandes")).click();
        assertThat(page.locator("[data-testid=orders] tr", new Page.LocatorOptions().setHasText(title))
                .first().getByTestId("order-status")).hasText("En attente de paiement");
        page.locator("[data-testid=orders] tr", new Page.LocatorOptions().setHasText(title)).first()
                .getByTestId("order-status").getByRole(AriaRole.LINK).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annuler la commande")).click();
        assertThat(page.getByTestId("order-status")).hasText("Annulée");
    }

    @Test
    void askingForMoreThanIsLeftIsExplainedOnTheListing() {
        var hit = ApiClient.demo(port, "buyer").get("/api/v1/search?kind=REFURBISHED&sort=price&minPrice=1&size=1").json()
                .get("items").get(0);
        logIn("buyer");
        page.navigate("/catalog/listings/" + hit.get("id").asText());
        var quantity = page.getByLabel("Quantité", new Page.GetByLabelOptions().setExact(true));
        quantity.evaluate("input => input.removeAttribute('max')");
        quantity.fill(String.valueOf(hit.get("quantityAvailable").asInt() + 1000));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Réserver")).click();
        assertThat(page.getByTestId("reserve-error")).containsText("Il ne reste");
    }
}
