package org.boucle.marketplace.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.boucle.marketplace.traceability.WipeCertificateFiles;
import org.junit.jupiter.api.Test;

/**
 * The demo's donor downloads the data-wipe certificate of a device the workshop wiped, and whoever scans its QR code
 * verifies it on the public page without an account.
 */
class WipeCertificateBrowserTest extends BrowserTest {

    @Test
    void aDonorDownloadsAWipeCertificateThatAnyoneVerifiesWithoutLoggingIn() throws IOException {
        logIn("donor");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Certificats d'effacement")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Certificats d'effacement");
        // The CHU's devices that Atelier Reboot Grenoble wiped.
        Locator row = page.getByTestId("wipe-row").first();
        assertThat(row).containsText("Atelier Reboot Grenoble");
        String serial = row.locator("td").nth(1).textContent().strip();

        // From the device's page, where its history is.
        row.locator("td").first().getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile(".*/devices/[0-9a-f-]{36}$"));
        assertThat(page.getByTestId("chain")).containsText("Chaîne d'empreintes intacte");
        Download download = page.waitForDownload(() -> page.getByTestId("wipe-certificate").click());
        assertThat(download.suggestedFilename()).startsWith("certificat-effacement-").endsWith(".pdf");
        byte[] pdf = Files.readAllBytes(download.path());

        String url = WipeCertificateFiles.qr(pdf, 0);
        assertThat(url).matches("http://localhost:8080/verify/[A-Z2-7]{26}");
        String code = url.substring(url.lastIndexOf('/') + 1);
        assertThat(WipeCertificateFiles.text(pdf, 1)).contains(code).contains(serial)
                .contains("Atelier Reboot Grenoble");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
        // The QR code points at the configured public address; here the app listens on the test's port.
        page.navigate("/verify/" + code);
        assertThat(page).hasURL(Pattern.compile(".*/verify/" + code + "$"));
        assertThat(page.getByTestId("who")).hasCount(0);
        assertThat(page.getByTestId("verdict")).containsText("Certificat authentique");
        assertThat(page.getByTestId("signature")).hasText("Signature de Boucle valide.");
        assertThat(page.getByTestId("serial")).hasText(serial);
        assertThat(page.getByTestId("workshop")).hasText("Atelier Reboot Grenoble");
        assertThat(page.getByTestId("certificate")).not().containsText("CHU Grenoble Alpes");

        // One character off: no such certificate.
        page.navigate("/verify/" + (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1));
        assertThat(page.getByTestId("verdict")).containsText("Code inconnu");
    }
}
