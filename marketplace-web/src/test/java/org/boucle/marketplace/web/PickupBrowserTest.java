package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.marketplace.collection.PickupFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A donor finds its pickup slot, announces its devices or cancels; the driver follows the day's route on a phone,
 * confirms the stops, and prints the sheet.
 */
class PickupBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    PickupFixture fixture;

    @AfterEach
    void cleanUp() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private PickupFixture fixture() {
        fixture = new PickupFixture(port, jdbc, LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.FRIDAY)));
        return fixture;
    }

    @Test
    void aDonorSeesItsSlotAndCancelsItWithAReason() {
        PickupFixture.Donor donor = fixture().donor(2, "Salle serveur, 2e étage");
        fixture.pickup(donor, 1, LocalTime.of(9, 10));
        logIn(donor.seller().email(), TestSeller.PASSWORD);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enlèvements")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Enlèvements");
        Locator card = page.getByTestId("pickup");
        assertThat(card).hasCount(1);
        assertThat(card).containsText("de 09:10 à 09:30");
        assertThat(card).containsText("Salle serveur, 2e étage");
        assertThat(card).containsText(fixture.vehicleName());
        assertThat(card).containsText("Ordinateurs portables : 2 appareils");
        assertThat(card.getByTestId("pickup-status")).hasText("Prévu");
        assertThat(page.getByTestId("calendar-url")).hasValue(Pattern.compile("^http://localhost:\\d+/collection/pickups/[A-Za-z0-9_-]{43}\\.ics$"));

        card.getByLabel("Motif de l’annulation").fill("Déménagement du service ce jour-là");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annuler l’enlèvement")).click();

        assertThat(page.getByTestId("pickup-message")).hasText("Enlèvement annulé : la tournée est replanifiée sans lui.");
        assertThat(page.getByTestId("pickup-status")).hasText("Annulé");
        assertThat(page.getByTestId("pickup")).containsText("Déménagement du service ce jour-là");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annuler l’enlèvement"))).hasCount(0);
        page.reload();
        assertThat(page.getByTestId("pickup-status")).hasText("Annulé");
    }

    @Test
    void theDriverConfirmsAnnouncedStopsAndIsToldWhyTheOthersCannotBe() throws IOException {
        PickupFixture.Donor ready = fixture().donor(2, "Arrêt annoncé " + UUID.randomUUID().toString().substring(0, 4));
        PickupFixture.Donor late = fixture.donor(1, "Arrêt non annoncé " + UUID.randomUUID().toString().substring(0, 4));
        fixture.pickup(late, 2, LocalTime.of(10, 30));
        UUID first = fixture.pickup(ready, 1, LocalTime.of(9, 0));

        // The first donor announces its devices from its pickups page.
        logIn(ready.seller().email(), TestSeller.PASSWORD);
        page.navigate("/collection/pickups");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Annoncer les appareils")).click();
        assertThat(page.getByTestId("pickup-message")).hasText("2 appareils annoncés.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();

        logIn(fixture.collector().email(), TestSeller.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tournées")).click();
        Locator day = page.getByTestId("route-day")
                .filter(new Locator.FilterOptions().setHasText(fixture.vehicleName()));
        assertThat(day).containsText("de 09:00 à 10:50 · 2 arrêts (0 collecté(s)), 3 appareils");
        day.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ouvrir la feuille de route")).click();

        Locator stops = page.getByTestId("stop");
        assertThat(stops).hasCount(2);
        assertThat(stops.nth(0)).containsText(ready.siteName());
        assertThat(stops.nth(0)).containsText("de 09:00 à 09:20");
        assertThat(stops.nth(1)).containsText(late.siteName());
        assertThat(page.locator("[data-route-map]")).hasAttribute("data-drawn", "4");

        stops.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Collecte effectuée")).click();
        assertThat(stops.nth(0).getByTestId("stop-message")).hasText("Collecte enregistrée : les appareils sont sous votre garde.");
        assertThat(stops.nth(0).getByTestId("stop-status")).hasText("Collecté");

        stops.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Collecte effectuée")).click();
        assertThat(stops.nth(1).getByTestId("stop-error")).containsText("Collecte refusée pour 1 appareil");
        assertThat(stops.nth(1).getByTestId("stop-error")).containsText("pas annoncé");
        assertThat(stops.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Collecte effectuée")))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(fixture.status(first)).isEqualTo("COLLECTED");
        org.assertj.core.api.Assertions.assertThat(fixture.custodyEvents(late.donation().ids())).isZero();

        // The printable sheet: the same stops in the same order.
        APIResponse pdf = page.request().get("/collection/routes/" + fixture.vehicleId() + "/" + fixture.day() + ".pdf");
        org.assertj.core.api.Assertions.assertThat(pdf.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            org.assertj.core.api.Assertions.assertThat(text)
                    .contains("Feuille de route — " + fixture.vehicleName())
                    .contains("Départ du dépôt Siège")
                    .contains("Signature du donneur")
                    .contains("Déchargement à l’atelier " + fixture.chain().workshop().name());
            org.assertj.core.api.Assertions.assertThat(text.indexOf(ready.siteName())).isPositive()
                    .isLessThan(text.indexOf(late.siteName()));
        }
    }

    @Test
    void aCoordinatorSeesTheTerritorysPickupsButLeavesConfirmingToTheCollector() {
        PickupFixture.Donor donor = fixture().donor(1, "Médiathèque " + UUID.randomUUID().toString().substring(0, 6));
        fixture.pickup(donor, 1, LocalTime.of(14, 0));
        logIn("coordinator");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enlèvements")).click();
        Locator card = page.getByTestId("pickup").filter(new Locator.FilterOptions().setHasText(donor.siteName()));
        assertThat(card).containsText(donor.seller().name());
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annuler l’enlèvement"))).isVisible();
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annoncer les appareils"))).hasCount(0);
        assertThat(page.getByTestId("calendar")).hasCount(0);

        page.navigate("/collection/routes/" + fixture.vehicleId() + "/" + fixture.day());
        assertThat(page.getByTestId("stop")).containsText(donor.siteName());
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Collecte effectuée"))).hasCount(0);
    }
}
