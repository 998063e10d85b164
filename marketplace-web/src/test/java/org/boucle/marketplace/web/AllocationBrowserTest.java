package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.boucle.marketplace.allocation.AllocationTerritory;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator starts a run on a small territory, watches it end, reads the plan (figures, charts, map, why each need
 * got what it got) and accepts it; the association then finds its notification.
 */
class AllocationBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private AllocationTerritory territory;

    @AfterEach
    void restore() {
        if (territory != null) {
            territory.restore();
        }
    }

    @Test
    void aCoordinatorRunsTheAllocationReadsThePlanAndAcceptsIt() {
        territory = new AllocationTerritory(port, jdbc);
        territory.clear();
        TestSeller workshop = TestSeller.onboard(port, "WORKSHOP");
        territory.laptops(workshop, 3, "A", new BigDecimal("300.00"));
        territory.laptops(workshop, 2, "B", null);
        territory.need("association", 2, "C", BigDecimal.ZERO, 3);
        territory.need("buyer", 3, "B", new BigDecimal("350.00"), null);

        logIn("coordinator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Attribution")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Attribution de l’offre aux besoins");
        page.getByLabel("Durée maximale (secondes)").fill("3");
        page.getByTestId("start").click();

        assertThat(page).hasURL(Pattern.compile(".*/allocation/runs/[0-9a-f-]{36}$"));
        // Live while it runs, then the page reloads itself with the plan.
        assertThat(page.getByTestId("status")).hasAttribute("data-status", "SOLVED",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(page.getByTestId("feasible")).hasText("oui");
        assertThat(page.getByTestId("metrics")).containsText("Unités aux associations");
        assertThat(page.getByTestId("progress-chart")).hasAttribute("data-drawn", "true");
        assertThat(page.getByTestId("flows-chart")).hasAttribute("data-drawn", "true");
        assertThat(page.getByTestId("service-chart")).hasAttribute("data-drawn", "true");
        assertThat(page.getByTestId("map")).hasAttribute("data-drawn", "true");
        assertThat(page.getByTestId("map").locator("path.leaflet-interactive")).not().hasCount(0);

        Locator explanations = page.getByTestId("explanations").locator("tbody tr");
        assertThat(explanations).hasCount(2);
        assertThat(explanations.filter(new Locator.FilterOptions().setHasText("association"))).containsText("Servi entièrement");
        assertThat(page.getByTestId("constraints")).containsText("Valeur sociale");
        assertThat(page.getByTestId("assignments").locator("tbody tr")).hasCount(2);

        page.getByTestId("accept").click();
        assertThat(page.getByTestId("accepted")).hasText("5 unité(s) réservée(s) pour leurs bénéficiaires ; "
                + "0 attribution(s) impossible(s).");
        assertThat(page.getByTestId("status")).hasAttribute("data-status", "ACCEPTED");
        assertThat(page.getByTestId("assignments")).containsText("Réservé");
        assertThat(page.getByTestId("accept")).hasCount(0);

        // The association finds its notification and its units, given.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        logIn("association");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications")).click();
        assertThat(page.getByTestId("notifications")).containsText("Équipements attribués par Boucle");
        page.getByTestId("notifications").getByRole(AriaRole.LINK).first().click();
        assertThat(page.getByTestId("reservations")).containsText("Attribué par le plan du territoire, offert");
    }
}
