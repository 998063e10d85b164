package org.boucle.marketplace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.boucle.marketplace.BoucleApplication;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The app keeps no state of its own: a browser signed in on one instance is signed in on any other. */
@BoucleTest
class SharedSessionTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aSessionOpenedOnOneInstanceIsHonouredByAnother() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(url(port, "/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(url(port, "/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=donor%40demo.boucle&password=demo&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(BoucleApplication.class)
                .profiles("test").run("--server.port=0")) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            // Same cookie jar, another instance: the cookie is host-scoped, so both are "localhost".
            HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(url(otherPort, "/"))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Bonjour Karim Benali");
        }
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }
}
