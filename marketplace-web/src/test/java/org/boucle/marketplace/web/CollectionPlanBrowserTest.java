package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.regex.Pattern;
import org.boucle.marketplace.collection.CollectionPlansData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coordinator plans next week's pooled pickups, watches the plan improve, reads it on the map and the vehicles'
 * timeline and accepts it; a donor then finds its pickup slot in its notifications.
 */
class CollectionPlanBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        new CollectionPlansData(jdbc).clear();
    }

    @Test
    void aCoordinatorPlansTheWeekReadsTheRoutesAndAcceptsThem() {
        clear();
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        logIn("coordinator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Collectes mutualisées")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Tournées de collecte mutualisées");
        page.getByLabel("Du", new Page.GetByLabelOptions().setExact(true)).fill(monday.toString());
        page.getByLabel("Au", new Page.GetByLabelOptions().setExact(true)).fill(monday.plusDays(4).toString());
        page.getByLabel("Durée maximale (secondes)").fill("3");
        page.getByTestId("start").click();

        assertThat(page).hasURL(Pattern.compile(".*/collection/plans/[0-9a-f-]{36}$"));
        assertThat(page.getByTestId("status")).hasAttribute("data-status", "SOLVED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(page.getByTestId("feasible")).hasText("oui");
        assertThat(page.getByTestId("progress-chart")).hasAttribute("data-drawn", "true");
        int routes = Integer.parseInt(page.getByTestId("routes").textContent().strip());
        assertThat(page.getByTestId("map")).hasAttribute("data-drawn", String.valueOf(routes));
        assertThat(page.getByTestId("map").locator("path.leaflet-interactive")).not().hasCount(0);
        assertThat(page.getByTestId("map").locator(".route-stop")).not().hasCount(0);
        assertThat(page.getByTestId("lane")).hasCount(routes);
        assertThat(page.getByTestId("route")).hasCount(routes);

        page.getByTestId("accept").click();
        assertThat(page.getByTestId("accepted")).containsText("enlèvement(s) donné(s)");
        assertThat(page.getByTestId("status")).hasAttribute("data-status", "ACCEPTED");
        assertThat(page.getByTestId("accept")).hasCount(0);
        assertThat(page.getByTestId("breakdown-form")).isVisible();
        assertThat(page.getByTestId("route-sheet")).hasCount(routes);
        page.getByTestId("route-sheet").first().getByRole(AriaRole.LINK).first().click();
        assertThat(page).hasURL(Pattern.compile(".*/collection/routes/[0-9a-f-]{36}/\\d{4}-\\d{2}-\\d{2}$"));
        page.goBack();

        // The demo donor (the CHU, the territory's largest park) is visited, and finds its slot in its notifications.
        UUID planId = UUID.fromString(page.url().replaceAll(".*/", ""));
        int chuPickups = jdbc.sql("""
                select count(*) from collection_pickup p join user_account u on u.organization_id = p.donor_id
                 where p.plan_id = ? and u.email = 'donor@demo.boucle'""")
                .param(planId).query(Integer.class).single();
        org.assertj.core.api.Assertions.assertThat(chuPickups).isPositive();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        logIn("donor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications")).click();
        assertThat(page.getByTestId("notifications")).containsText("Enlèvement de matériel planifié");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enlèvements")).click();
        assertThat(page.getByTestId("pickup")).hasCount(chuPickups);
        assertThat(page.getByTestId("pickup").first()).hasAttribute("data-status", "SCHEDULED");
    }
}
