package org.boucle.marketplace.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 5545's content lines: TEXT escaping, and folding at 75 octets that never splits a UTF-8 character. */
class PickupICalendarWriterTest {

    @Test
    void longLinesAreFoldedAt75OctetsBetweenCharacters() {
        String value = "Déposés à l’atelier — é".repeat(12);
        String ics = new ICalendarWriter().text("DESCRIPTION", value).build();

        assertThat(ics).endsWith("\r\n");
        String[] lines = ics.substring(0, ics.length() - 2).split("\r\n", -1);
        assertThat(lines.length).isGreaterThan(3);
        assertThat(Arrays.stream(lines)).allSatisfy(line -> {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        });
        // Every line but the last is full: no octet is wasted, yet none goes over.
        assertThat(lines[0].getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(73);
        assertThat(Arrays.stream(lines).skip(1)).allSatisfy(line -> assertThat(line).startsWith(" "));
        assertThat(ics.replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + value + "\r\n");
    }

    @Test
    void textIsEscaped() {
        String ics = new ICalendarWriter().text("LOCATION", "Mairie, bâtiment B; porte \\ 2\nau fond").build();

        assertThat(ics).isEqualTo("LOCATION:Mairie\\, bâtiment B\\; porte \\\\ 2\\nau fond\r\n");
    }

    @Test
    void aLineOfExactly75OctetsIsNotFolded() {
        String ics = new ICalendarWriter().raw("X", "a".repeat(73)).build();

        assertThat(ics).isEqualTo("X:" + "a".repeat(73) + "\r\n");
        assertThat(new ICalendarWriter().raw("X", "a".repeat(74)).build())
                .isEqualTo("X:" + "a".repeat(73) + "\r\n a\r\n");
    }
}
