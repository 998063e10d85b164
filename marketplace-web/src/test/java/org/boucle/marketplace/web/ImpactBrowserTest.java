package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.marketplace.traceability.CustodyChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A donor sees what its devices became on the impact dashboard; a coordinator compares donors and opens one. */
class ImpactBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDonorSeesItsDevicesReusedAndRecycledAndDownloadsTheCsv() throws IOException {
        CustodyChain chain = new CustodyChain(port, jdbc);
        CustodyChain.Donation donation = chain.donor(3);
        chain.readyForSale(donation, donation.serials().subList(0, 2));
        chain.toWorkshop(donation, List.of(donation.serial(2)));
        recorded(chain.workshop().client(), "SOLD", donation.serials().subList(0, 2), null);
        recorded(chain.workshop().client(), "RECYCLED", List.of(donation.serial(2)), "{\"weeeChannel\": \"ecosystem\"}");
        BigDecimal weight = jdbc.sql("select weight_kg from category_standard where category = 'LAPTOP'")
                .query(BigDecimal.class).single();
        BigDecimal factor = jdbc.sql("select kg_co2e from impact_factor where category = 'LAPTOP'")
                .query(BigDecimal.class).single();
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

        logIn(donation.donor().email(), TestSeller.PASSWORD);
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Impact")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Impact — " + donation.donor().name() + ", " + year);
        assertThat(page.getByTestId("reused")).hasText("2");
        assertThat(page.getByTestId("recycled")).hasText("1");
        assertThat(page.getByTestId("donated")).hasText("0");
        assertThat(page.getByTestId("kg-diverted")).hasText(french(weight.multiply(BigDecimal.valueOf(2)), 1));
        assertThat(page.getByTestId("co2")).hasText(french(factor.multiply(BigDecimal.valueOf(2)), 0));
        assertThat(page.getByTestId("public-share")).hasCount(0);
        assertThat(page.locator("[data-testid=impact-categories] tr[data-category=LAPTOP] td").first()).hasText("2");
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('impact-months'))");
        assertThat(page.locator("#impact-months")).hasAttribute("data-drawn", "12");
        assertThat(page.locator("#impact-categories")).hasAttribute("data-drawn", "1");
        page.getByTestId("impact-method").locator("summary").click();
        assertThat(page.getByTestId("impact-method")).containsText("évite la fabrication d'un appareil neuf");

        Download download = page.waitForDownload(() -> page.getByTestId("impact-csv").click());
        assertThat(download.suggestedFilename()).isEqualTo("impact-donor-" + year + ".csv");
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("donor;" + donation.donor().id() + ";" + donation.donor().name() + ";"
                + year + ";2;2;0;1;1;0;");
    }

    @Test
    void aCoordinatorComparesTheDonorsAndOpensAPublicOneWithTheDecreesShare() {
        JsonNode chu = ApiClient.demo(port, "donor").get("/api/v1/impact").json().get("total");
        logIn("coordinator");
        page.navigate("/impact");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("territoire");

        page.getByLabel("Périmètre").selectOption(new SelectOption().setLabel("donateurs"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();
        Locator row = page.getByTestId("impact-organization").filter(new Locator.FilterOptions().setHasText("CHU Grenoble Alpes"));
        assertThat(row.locator("td").first()).hasText(chu.get("reused").asText());
        row.getByRole(AriaRole.LINK).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("CHU Grenoble Alpes");
        assertThat(page.getByTestId("reused")).hasText(chu.get("reused").asText());
        assertThat(page.getByTestId("recycled")).hasText(chu.get("recycled").asText());
        assertThat(page.getByTestId("public-share")).hasText(percent(chu.get("publicReuse").get("share").decimalValue()));
    }

    private static String french(BigDecimal value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRENCH);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    private static String percent(BigDecimal share) {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.FRENCH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }
}
