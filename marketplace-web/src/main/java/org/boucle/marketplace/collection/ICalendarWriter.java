package org.boucle.marketplace.collection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) document written line by line: CRLF line ends, TEXT values escaped, and content lines folded
 * so that none is longer than 75 octets, never inside a UTF-8 character.
 */
final class ICalendarWriter {

    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is written as given (dates, numbers, enumerated values). */
    ICalendarWriter raw(String name, String value) {
        return line(name + ":" + value);
    }

    /** A TEXT property: backslashes, semicolons, commas and line breaks escaped. */
    ICalendarWriter text(String name, String value) {
        return raw(name, escape(value));
    }

    /** A DATE-TIME property in UTC ({@code 20261125T081000Z}), which needs no time zone definition. */
    ICalendarWriter utc(String name, Instant value) {
        return raw(name, UTC.format(value));
    }

    String build() {
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The line, folded: each continuation starts with one space, which counts in its 75 octets. */
    private ICalendarWriter line(String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int codePoint = content.codePointAt(i);
            int size = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
        return this;
    }
}
