package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A buyer searches the demo catalogue: text with suggestions, a facet, a sort, more results, the map, a listing. */
class CatalogSearchBrowserTest extends BrowserTest {

    @Test
    void aBuyerNarrowsTheCatalogueAndOpensAListing() {
        logIn("buyer");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Catalogue").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Catalogue");
        assertThat(page.getByTestId("total")).hasText(Pattern.compile("\\d[\\d  ]* résultats"));
        // The map draws its markers without any tile server (none is configured in tests).
        assertThat(page.locator("#results-map")).hasAttribute("data-drawn", Pattern.compile("[1-9]\\d*"));

        Locator box = page.getByLabel("Rechercher", new Page.GetByLabelOptions().setExact(true));
        box.pressSequentially("latitud", new Locator.PressSequentiallyOptions().setDelay(30));
        Locator suggestion = page.getByRole(AriaRole.OPTION).first();
        assertThat(suggestion).hasText(Pattern.compile("^latitude", Pattern.CASE_INSENSITIVE));
        String chosen = suggestion.textContent();
        box.press("ArrowDown");
        box.press("Enter");
        assertThat(box).hasValue(chosen);
        assertThat(page.getByRole(AriaRole.LISTBOX)).isHidden();
        assertThat(page).hasURL(Pattern.compile(".*q=" + chosen.split(" ")[0] + ".*"));
        assertThat(cards().first()).containsText(chosen);

        box.fill("ecrans");
        box.press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*q=ecrans.*"));
        assertThat(cards().first()).containsText(Pattern.compile("écran", Pattern.CASE_INSENSITIVE));

        gradeA().check();
        assertThat(page).hasURL(Pattern.compile(".*grade=A.*"));
        assertThat(cards().first().locator(".grade")).hasText("Grade A");
        for (String grade : cards().locator(".grade").allTextContents()) {
            assertThat(grade).isEqualTo("Grade A");
        }
        assertThat(gradeA()).isChecked();

        page.getByLabel("Trier par").selectOption("price");
        assertThat(page).hasURL(Pattern.compile(".*sort=price.*"));
        List<Double> prices = prices();
        assertThat(prices).isNotEmpty().isSorted();

        box.fill("");
        gradeA().uncheck();
        assertThat(page).not().hasURL(Pattern.compile(".*grade=A.*"));
        assertThat(cards()).hasCount(20);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plus de résultats")).click();
        assertThat(cards()).hasCount(40);
        List<Double> twoPages = prices();
        assertThat(twoPages).isSorted();

        String title = cards().first().locator("h2").textContent().strip();
        cards().first().locator("h2 a").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
    }

    @Test
    void badCriteriaInTheAddressAreExplainedOnThePage() {
        logIn("buyer");
        page.navigate("/catalog?minRamGb=beaucoup&sort=distance");
        assertThat(page.getByTestId("search-errors")).containsText("minRamGb");
        assertThat(page.getByTestId("search-errors")).containsText("sort");
    }

    private Locator gradeA() {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("État"))
                .getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(Pattern.compile("Grade A")));
    }

    private Locator cards() {
        return page.locator("[data-testid=cards] > li.listing");
    }

    /** The card prices, a donation counting as 0. */
    private List<Double> prices() {
        return cards().locator(".price strong").allTextContents().stream()
                .map(text -> text.startsWith("Don") ? 0.0
                        : Double.parseDouble(text.replaceAll("[^0-9,]", "").replace(',', '.')))
                .toList();
    }
}
