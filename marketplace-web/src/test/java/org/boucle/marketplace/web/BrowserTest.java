package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app on a random port and Debian's Chromium: one browser per class, a fresh context (cookies) per test. */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;
    private BrowserContext context;
    Page page;

    @BeforeAll
    void launch() {
        browser = new Browser();
    }

    @AfterAll
    void shutDown() {
        browser.close();
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext("http://localhost:" + port);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** Signs in with a demo login through the login form, starting from a protected page. */
    void logIn(String login) {
        logIn(login + "@demo.boucle", "demo");
    }

    void logIn(String email, String password) {
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.getByLabel("Adresse e-mail").fill(email);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Bonjour");
    }
}
