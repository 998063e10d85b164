package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.boucle.marketplace.inventory.source.SourceFormat;
import org.boucle.marketplace.inventory.source.SyntheticExports;
import org.junit.jupiter.api.Test;

class InventoryBrowserTest extends BrowserTest {

    @Test
    void aDonorImportsAnExportInTheBackgroundAndSeesItsProgressAndResult() throws Exception {
        logIn("donor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inventaire").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Inventaire — CHU Grenoble Alpes");
        assertThat(page.getByTestId("park")).containsText("Ordinateurs portables");
        // The park table shows the same figures as the API, cell by cell.
        var bands = java.util.List.of("0-2", "2-4", "4-6", "6-8", "8+", "unknown");
        int compared = 0;
        for (var row : org.boucle.marketplace.ApiClient.demo(port, "donor").get("/api/v1/inventory/park").json()) {
            if (row.get("category").asText().equals("LAPTOP")) {
                int column = bands.indexOf(row.get("ageBand").asText()) + 2;
                assertThat(page.locator("[data-testid=park] tr:has(th:text-is('Ordinateurs portables')) td:nth-child(" + column + ")"))
                        .hasText(row.get("quantity").asText());
                compared++;
            }
        }
        assertThat(compared).isPositive();

        ByteArrayOutputStream export = new ByteArrayOutputStream();
        // Snipe-IT ids never match the CHU's GLPI ones, so every asset is new.
        new SyntheticExports(7).write(SourceFormat.SNIPEIT_CSV, "chu-" + java.util.UUID.randomUUID(), 3000,
                List.of("Site Nord — Michallon"), 6, export);
        page.getByLabel("Format").first().selectOption("snipeit-csv");
        page.getByLabel("Fichier", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload("snipeit-export.csv", "text/csv", export.toByteArray()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer")).click();

        var run = page.getByTestId("import-run");
        assertThat(run).containsText("snipeit-export.csv");
        assertThat(page.getByTestId("import-status")).hasText("terminé",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        // French number formatting: "3 000" with a narrow no-break space.
        assertThat(page.getByTestId("import-counts"))
                .hasText(Pattern.compile("3.000 créés, 0 modifiés, 0 inchangés, [0-9 \\u202f\\u00a0]+ signalés absents"));
    }

    @Test
    void theCoordinatorSeesTheTerritorysForecastAsAChartAndAMapWithoutTiles() {
        logIn("coordinator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inventaires")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Inventaires du territoire");
        assertThat(page.locator("#forecast-chart")).isVisible();
        // Chart.js and Leaflet drew from the page's own data; no tile server is reachable here.
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('forecast-chart'))");
        assertThat(page.locator("#commune-map")).hasAttribute("data-drawn", Pattern.compile("[1-9][0-9]*"));
        assertThat(page.locator("#commune-map path.leaflet-interactive").count()).isGreaterThan(5);
        assertThat(page.getByTestId("by-donor")).containsText("CHU Grenoble Alpes");
        assertThat(page.getByTestId("by-commune")).containsText("Grenoble");
    }
}
