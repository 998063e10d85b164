package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.boucle.marketplace.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebShellBrowserTest extends BrowserTest {

    @ParameterizedTest
    @CsvSource({
            "coordinator, Claire Martin, Boucle — coordination territoriale, COORDINATOR, Piloter la filière du territoire",
            "donor, Karim Benali, CHU Grenoble Alpes, DONOR, Donner une seconde vie à votre parc",
            "collector, Julien Roux, Alpes Collecte Solidaire, COLLECTOR, Collecter le matériel du territoire",
            "workshop, Nadia Haddad, Atelier Reboot Grenoble, WORKSHOP, 'Trier, effacer, reconditionner'",
            "buyer, Thomas Girard, Espace Coworking Bastille, PRIVATE_BUYER, 'Acheter reconditionné, près de chez vous'",
            "association, Amélie Fabre, Le Lien Numérique, ASSOCIATION, Équiper les publics que vous accompagnez",
            "publicbuyer, Sophie Garnier, Ville de Grenoble, PUBLIC_BUYER, Atteindre votre part de réemploi"})
    void everyDemoRoleLogsInAndSeesItsHomePage(String login, String name, String organization, String role, String heading) {
        logIn(login);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Bonjour " + name);
        assertThat(page.getByTestId("who")).containsText(organization);
        assertThat(page.locator("[data-role=" + role + "] h2")).hasText(heading);
        var navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"));
        assertThat(navigation.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Annuaire"))).isVisible();
        assertThat(navigation.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Territoire")))
                .hasCount(role.equals("COORDINATOR") ? 1 : 0);
    }

    @Test
    void aWrongPasswordIsExplainedOnTheLoginPage() {
        page.navigate("/login");
        page.getByLabel("Adresse e-mail").fill("donor@demo.boucle");
        page.getByLabel("Mot de passe").fill("wrong");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Adresse e-mail ou mot de passe incorrect.");
    }

    @Test
    void theDirectoryFiltersInPlaceAndKeepsTheFiltersInTheAddress() {
        ApiClient api = ApiClient.demo(port, "donor");
        logIn("donor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Annuaire").setExact(true)).click();
        var entries = page.getByTestId("directory-entry");
        assertThat(entries).hasCount(api.get("/api/v1/organizations").json().size());

        page.getByLabel("Rôle").selectOption("ASSOCIATION");

        assertThat(entries).hasCount(api.get("/api/v1/organizations?role=ASSOCIATION").json().size());
        assertThat(page).hasURL(Pattern.compile(".*role=ASSOCIATION.*"));
        assertThat(entries.first()).containsText("Publics accompagnés");

        page.getByLabel("Service proposé").selectOption("DIGITAL_TRAINING");
        assertThat(entries).hasCount(api.get("/api/v1/organizations?role=ASSOCIATION&offering=DIGITAL_TRAINING").json().size());
        page.getByLabel("Commune").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Vizille"));
        assertThat(entries).hasCount(1);
        assertThat(entries).containsText("Seniors Connectés Sud-Isère");
    }

    @Test
    void theInterfaceSwitchesToEnglish() {
        logIn("association");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hello Amélie Fabre");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Directory").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Directory of actors");
    }

    @Test
    void aUserCreatesAnApiTokenThatWorksOnTheApi() {
        logIn("workshop");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mon compte")).click();
        String name = "Scanner " + java.util.UUID.randomUUID();
        page.getByLabel("Nom du jeton").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer un jeton")).click();

        String token = page.getByTestId("issued-token").textContent();
        assertThat(token).startsWith("bcl_");
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(name))).isVisible();
        assertThat(ApiClient.anonymous(port).bearer(token).get("/api/v1/me").json().at("/user/email").asText())
                .isEqualTo("workshop@demo.boucle");
    }

    @Test
    void aDonorSeesItsOwnSitesWithTheirPrivateAccessNotesAndItsMembers() {
        logIn("donor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mon organisation et mes sites")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("CHU Grenoble Alpes");
        assertThat(page.locator("#sites table")).containsText("hauteur limitée à 3,5 m");
        assertThat(page.locator("#members")).containsText("donor@demo.boucle");
    }

    @Test
    void anOrganizationEditsItsProfileAndAddsASiteWithReadableErrors() {
        logIn("collector");
        page.navigate("/organization");
        page.getByLabel("SIRET").fill("12345678901234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#siret-error")).hasText("doit être un numéro SIRET valide (14 chiffres)");
        assertThat(page.getByLabel("SIRET")).hasAttribute("aria-invalid", "true");

        page.getByLabel("SIRET").fill("");
        page.getByLabel("Capacité (appareils par mois)").fill("4200");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#profile [role=status]")).hasText("Profil enregistré.");

        String site = "Quai " + java.util.UUID.randomUUID().toString().substring(0, 8);
        page.getByText("Ajouter un site").first().click();
        page.getByLabel("Site", new Page.GetByLabelOptions().setExact(true)).fill(site);
        page.getByLabel("Adresse", new Page.GetByLabelOptions().setExact(true)).fill("12 rue des Glairons");
        page.getByLabel("Code postal").fill("38400");
        page.getByLabel("Commune").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Saint-Martin-d'Hères"));
        page.getByLabel("Horaires d’ouverture").fill("Lu-Ve 08:00-12:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter un site")).click();
        assertThat(page.locator("#sites .field-error")).containsText("Lu");

        page.getByLabel("Horaires d’ouverture").fill("Mo-Fr 08:00-12:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajouter un site")).click();
        assertThat(page.locator("#sites [role=status]")).hasText("Site « " + site + " » ajouté.");
        assertThat(page.locator("#sites table")).containsText(site);

        var entry = ApiClient.demo(port, "collector").get("/api/v1/me").json().at("/organization/id").asText();
        var details = ApiClient.demo(port, "collector").get("/api/v1/organizations/" + entry).json();
        assertThat(details.get("capacityUnitsPerMonth").asInt()).isEqualTo(4200);
    }

    @Test
    void theTerritoryPageIsForCoordinatorsOnly() {
        logIn("buyer");
        Response response = page.navigate("/territory");

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Accès refusé");
    }

    @Test
    void keyboardUsersCanSkipToTheContentAndSignOut() {
        logIn("collector");
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Aller au contenu");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Vous êtes déconnecté.");
    }
}
