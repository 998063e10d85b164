package org.boucle.marketplace.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.boucle.marketplace.platform.PdfFonts;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A long day's sheet: stops run on over several A4 pages, in order, each page under the table's header again. */
class RouteSheetPdfTest {

    @Test
    void stopsThatDoNotFitGoOnToTheNextPageInOrder() throws IOException {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false); // as the application configures it
        LocalDate day = LocalDate.of(2026, 12, 1);
        Pickup.Place depot = new Pickup.Place(UUID.randomUUID(), "Dépôt de Sassenage", "3 rue des Entrepôts", "38360",
                "Sassenage", 45.2, 5.66);
        List<Pickup> stops = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            Pickup.Place site = new Pickup.Place(UUID.randomUUID(), "Site numéro %02d".formatted(i), i + " avenue Alsace-Lorraine",
                    "38000", "Grenoble", 45.19, 5.72);
            stops.add(new Pickup(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Donneur " + i, "it@donneur.example",
                    "04 76 00 00 " + (10 + i), site, i % 3 == 0 ? "Quai de livraison à l’arrière" : null, UUID.randomUUID(),
                    "Fourgon 1", UUID.randomUUID(), "Collecteur", day, i, day.atTime(LocalTime.of(8, 0).plusMinutes(20L * i)),
                    day.atTime(LocalTime.of(8, 15).plusMinutes(20L * i)), UUID.randomUUID(), "Atelier",
                    List.of(new Pickup.Lot("x:y:2026-12:LAPTOP", "LAPTOP", 4), new Pickup.Lot("x:y:2026-12:SCREEN", "SCREEN", 2)),
                    6, PickupStatus.SCHEDULED, null, null, Instant.now()));
        }
        RouteSheets.RouteSheet sheet = new RouteSheets.RouteSheet(UUID.randomUUID(), "Fourgon 1", UUID.randomUUID(),
                "Collecteur", day, depot, LocalTime.of(8, 0), LocalTime.of(17, 0), stops,
                List.of(new Pickup.Place(UUID.randomUUID(), "Atelier du Drac", "5 rue du Drac", "38000", "Grenoble", 45.18, 5.7)),
                6 * 24);

        byte[] pdf = new RouteSheetPdf(new PdfFonts(), messages).render(sheet);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' ');
            int previous = -1;
            for (int i = 1; i <= 24; i++) {
                int at = text.indexOf("Site numéro %02d".formatted(i));
                assertThat(at).as("stop %d after the previous one", i).isGreaterThan(previous);
                previous = at;
            }
            assertThat(text.indexOf("Déchargement à l’atelier Atelier du Drac")).isGreaterThan(previous);
            assertThat(text).contains("Ordinateurs portables : 4").contains("Écrans : 2").contains("Total : 6 appareils");
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(page);
                one.setEndPage(page);
                assertThat(one.getText(document)).contains("Site, donneur et contact").contains("page " + page);
            }
        }
    }
}
