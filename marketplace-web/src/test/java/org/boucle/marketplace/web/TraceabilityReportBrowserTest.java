package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.traceability.WipeCertificateFiles;
import org.junit.jupiter.api.Test;

/** The demo's CHU downloads the traceability report of the devices it gave, from its certificates' page. */
class TraceabilityReportBrowserTest extends BrowserTest {

    @Test
    void aDonorDownloadsItsTraceabilityReportAsPdfAndCsv() throws IOException {
        List<String> api = ApiClient.demo(port, "donor").get("/api/v1/traceability/report").body().lines().toList();
        logIn("donor");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Certificats d'effacement")).click();
        Locator row = page.getByTestId("wipe-row").first();
        String serial = row.locator("td").nth(1).textContent().strip();
        Locator form = page.getByTestId("traceability-report");

        Download pdf = page.waitForDownload(() -> form.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Télécharger le PDF")).click());
        assertThat(pdf.suggestedFilename()).startsWith("rapport-tracabilite-debut-").endsWith(".pdf");
        byte[] content = Files.readAllBytes(pdf.path());
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= WipeCertificateFiles.pages(content); p++) {
            text.append(WipeCertificateFiles.text(content, p));
        }
        assertThat(text).contains("Rapport de traçabilité — CHU Grenoble Alpes").contains(serial)
                .contains("Atelier Reboot Grenoble")
                .contains((api.size() - 1) + " appareil(s) remis");

        Download csv = page.waitForDownload(() -> form.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Télécharger le CSV")).click());
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(api.size());
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(";" + serial + ";").contains("Atelier Reboot Grenoble"));
    }
}
