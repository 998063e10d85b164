package org.boucle.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Photos: real images only (told by their bytes), 5 MB and 10 a listing at most, served back to those who may see them. */
@BoucleTest
class ListingPhotoTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestSeller workshop;
    private Outbox outbox;
    private String id;

    @BeforeEach
    void aListing() {
        workshop = TestSeller.onboard(port, "WORKSHOP");
        outbox = new Outbox(jdbc);
        id = workshop.create(workshop.laptop()).get("id").asText();
    }

    @Test
    void aPngIsStoredAndServedBackWithItsTypeAndCacheHeaders() {
        byte[] png = Photos.png();
        ApiClient.Response added = workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "photo.png", png);

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String url = "/catalog/listings/" + id + "/photos/0";
        assertThat(added.json().get("photos").get(0).asText()).isEqualTo(url);
        assertThat(added.json().get("version").asLong()).isEqualTo(1);
        assertThat(outbox.rows(id)).isEqualTo(2);

        RawHttp http = new RawHttp(port, workshop.email(), TestSeller.PASSWORD);
        RawHttp.Response photo = http.get("/api/v1/listings/" + id + "/photos/0");
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.header("Content-Type")).isEqualTo("image/png");
        assertThat(photo.body()).isEqualTo(png);
        assertThat(photo.header("ETag")).isNotBlank();
        assertThat(photo.header("Cache-Control")).contains("private").contains("max-age");
        assertThat(http.get("/api/v1/listings/" + id + "/photos/0", "If-None-Match", photo.header("ETag")).status())
                .isEqualTo(304);
        // Every signed-in actor sees an active listing's photos, and its page links them.
        assertThat(new RawHttp(port, "buyer@demo.boucle", "demo").get("/api/v1/listings/" + id + "/photos/0").body())
                .isEqualTo(png);
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/listings/" + id).json().get("photos").get(0).asText())
                .isEqualTo(url);
    }

    @Test
    void jpegAndWebpAreAcceptedAtTheNextFreePositions() {
        workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "a.png", Photos.png());
        workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "b.jpg", Photos.jpeg());
        JsonNode listing = workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "c.webp", Photos.webp()).json();

        assertThat(listing.get("photos")).hasSize(3);
        RawHttp http = new RawHttp(port, workshop.email(), TestSeller.PASSWORD);
        assertThat(http.get("/api/v1/listings/" + id + "/photos/1").header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(http.get("/api/v1/listings/" + id + "/photos/2").header("Content-Type")).isEqualTo("image/webp");

        // Removing one leaves the others where they are; the next photo takes the free position.
        JsonNode removed = workshop.client().delete("/api/v1/listings/" + id + "/photos/1").json();
        assertThat(removed.get("photos").toString()).contains("/photos/0", "/photos/2").doesNotContain("/photos/1");
        assertThat(outbox.rows(id)).isEqualTo(5);
        assertThat(workshop.client().delete("/api/v1/listings/" + id + "/photos/1").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/listings/" + id + "/photos/1").status()).isEqualTo(404);
        assertThat(workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "d.png", Photos.png()).json()
                .get("photos").toString()).contains("/photos/1");
    }

    @Test
    void whatIsNotAnImageIsRefusedWhateverItsNameSays() {
        ApiClient.Response refused = workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "photo.png",
                "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(outbox.rows(id)).isEqualTo(1);
        assertThat(workshop.client().get("/api/v1/listings/" + id).json().get("photos")).isEmpty();
        assertThat(workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "empty.png", new byte[0])
                .status()).isEqualTo(400);
    }

    @Test
    void aPhotoOverFiveMegabytesIsRefused() {
        byte[] png = Photos.png();
        ApiClient.Response refused = workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "big.png",
                () -> new SequenceInputStream(new ByteArrayInputStream(png), zeros(5 * 1024 * 1024)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("5");
        assertThat(outbox.rows(id)).isEqualTo(1);
    }

    @Test
    void aListingHasTenPhotosAtMost() {
        for (int i = 0; i < 10; i++) {
            assertThat(workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "p.png", Photos.png()).status())
                    .isEqualTo(201);
        }
        ApiClient.Response eleventh = workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "p.png", Photos.png());

        assertThat(eleventh.status()).isEqualTo(400);
        assertThat(eleventh.json().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(outbox.rows(id)).isEqualTo(11);
    }

    @Test
    void aPausedListingsPhotosAreHiddenFromOthers() {
        workshop.client().upload("/api/v1/listings/" + id + "/photos", Map.of(), "a.png", Photos.png());
        workshop.client().post("/api/v1/listings/" + id + "/pause", "");

        assertThat(new RawHttp(port, "buyer@demo.boucle", "demo").get("/api/v1/listings/" + id + "/photos/0").status())
                .isEqualTo(404);
        assertThat(new RawHttp(port, workshop.email(), TestSeller.PASSWORD).get("/api/v1/listings/" + id + "/photos/0")
                .status()).isEqualTo(200);
    }

    private static InputStream zeros(int count) {
        return new InputStream() {
            private int left = count;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }
        };
    }
}
