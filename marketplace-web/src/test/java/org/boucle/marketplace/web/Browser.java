package org.boucle.marketplace.web;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/** Debian's Chromium driven by Playwright; Playwright never downloads a browser of its own here. */
final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        playwright = Playwright.create();
        String executable = System.getenv().getOrDefault("BOUCLE_CHROMIUM", "/usr/bin/chromium");
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(executable))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                        "--disable-component-update", "--disable-sync")));
    }

    com.microsoft.playwright.BrowserContext newContext(String baseUrl) {
        return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(baseUrl)
                .setLocale("fr-FR"));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
