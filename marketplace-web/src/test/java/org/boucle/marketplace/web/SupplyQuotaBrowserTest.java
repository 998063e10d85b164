package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.marketplace.quota.supply.Park;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A public body sees where it stands against décret n° 2023-266 and declares what it knows; coordinators pick a body. */
class SupplyQuotaBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublicBodySeesWhatIsMissingDeclaresItAndReachesTheMinimum() {
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        TestSeller body = Park.publicBody(port);
        Park park = new Park(body, jdbc);
        for (int i = 1; i <= 4; i++) {
            park.device("F" + i, "Portable", "Latitude 5410", "15/01/2021");
        }
        park.device("F5", "Portable", "Latitude 5410", "15/01/2021").importIt();
        for (int i = 1; i <= 4; i++) {
            park.left("F" + i, year + "-01-01T00:30:00Z");
        }
        logInAs(body.email());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Réemploi du matériel réformé")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Réemploi du matériel réformé — " + body.name() + ", " + year);
        assertThat(page.getByTestId("stock")).hasText("5");
        assertThat(page.getByTestId("retired")).hasText("4");
        // 4 devices left, none known to be reused: 2 must go to reuse to reach 50 %.
        assertThat(page.getByTestId("supply-share")).hasText(Pattern.compile("^0,0.%$"));
        assertThat(page.getByTestId("supply-verdict")).hasText("Il manque 2 appareil(s) réformé(s) orienté(s) vers le "
                + "réemploi pour atteindre le minimum.");
        assertThat(page.getByTestId("without-destination").locator("tbody tr")).hasCount(4);
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('supply-chart'))");
        assertThat(page.locator("#supply-chart")).hasAttribute("data-drawn", "12");

        upload(("asset_tag_or_serial;date;channel\nINV-F1;01/01/" + year + ";reemploi\n").getBytes(StandardCharsets.UTF_8));
        assertThat(page.getByTestId("declaration-errors").locator("tbody tr")).hasCount(1);
        assertThat(page.getByTestId("declaration-errors")).containsText("channel");
        assertThat(page.getByTestId("retired")).hasText("4");

        upload(("asset_tag_or_serial;date;channel\nINV-F1;01/01/" + year + ";donation\nSNF2;01/01/" + year + ";sale\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(page.getByTestId("declaration-result")).hasText("2 destination(s) déclarée(s), dont 0 en remplacement "
                + "d’une déclaration précédente.");
        assertThat(page.getByTestId("supply-share")).hasText(Pattern.compile("^50,0.%$"));
        assertThat(page.getByTestId("supply-verdict")).hasText("Objectif atteint.");
        assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", "50.00");
        assertThat(page.locator("[data-testid=supply-channels] tr[data-channel=donation] td").first()).hasText("1");
        assertThat(page.locator("[data-testid=supply-channels] tr[data-channel=unknown] td").first()).hasText("2");
        assertThat(page.getByTestId("without-destination").locator("tbody tr")).hasCount(2);
    }

    @Test
    void aCoordinatorSeesTheTerritoryAndOpensABodyWhoseFiguresAreTheApis() {
        JsonNode chu = ApiClient.demo(port, "donor").get("/api/v1/quota/supply").json();
        logIn("coordinator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Réemploi du matériel réformé")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(Pattern.compile("^Réemploi du matériel réformé — territoire, \\d{4}$"));
        Locator row = page.getByTestId("supply-body").filter(new Locator.FilterOptions().setHasText("CHU Grenoble Alpes"));
        assertThat(row.locator("td").nth(1)).hasText(french(chu.get("retired")));

        page.getByLabel("Organisme public").selectOption(new SelectOption().setLabel("CHU Grenoble Alpes"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(Pattern.compile("^Réemploi du matériel réformé — CHU Grenoble Alpes, \\d{4}$"));
        assertThat(page.getByTestId("stock")).hasText(french(chu.get("stockOnJanuary1")));
        assertThat(page.getByTestId("excluded")).hasText(french(chu.get("excludedOver10Years")));
        assertThat(page.getByTestId("retired")).hasText(french(chu.get("retired")));
        assertThat(page.getByTestId("reused")).hasText(french(chu.get("retiredToReuse")));
        assertThat(page.getByTestId("through-boucle")).hasText(french(chu.get("throughBoucle")));
        assertThat(page.getByTestId("supply-upcoming")).isVisible();
    }

    @Test
    void theMenuOffersItToPublicBodiesThatRetireEquipmentOnly() {
        logIn("donor");
        var navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"));
        assertThat(navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Réemploi du matériel réformé"))).hasCount(1);
        page.context().clearCookies();
        logIn("buyer");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Réemploi du matériel réformé")))
                .hasCount(0);
    }

    /** Counts as the page prints them: French digit grouping. */
    private static String french(JsonNode count) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(count.asLong());
    }

    private void upload(byte[] file) {
        page.getByLabel("Fichier CSV des destinations").setInputFiles(new FilePayload("destinations.csv", "text/csv", file));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déclarer")).click();
    }

    private void logInAs(String email) {
        page.navigate("/");
        page.getByLabel("Adresse e-mail").fill(email);
        page.getByLabel("Mot de passe").fill(TestSeller.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Bonjour");
    }
}
