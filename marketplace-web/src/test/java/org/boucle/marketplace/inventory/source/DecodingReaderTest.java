package org.boucle.marketplace.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingReaderTest {

    private static final String TEXT = "Numéro de série;Écran 23,8\" – Bâtiment B;Œuvre\n";

    private static String decode(byte[] bytes) throws IOException {
        return decode(DecodingReader.open(new ByteArrayInputStream(bytes)));
    }

    private static String decode(Reader reader) throws IOException {
        StringWriter out = new StringWriter();
        char[] buffer = new char[333];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void readsUtf8WithoutAndWithByteOrderMark() throws IOException {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);

        assertThat(decode(utf8)).isEqualTo(TEXT);
        assertThat(decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8))).isEqualTo(TEXT);
    }

    @Test
    void readsUtf16WithByteOrderMark() throws IOException {
        assertThat(decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo(TEXT);
        assertThat(decode(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo(TEXT);
    }

    @Test
    void fallsBackToWindows1252() throws IOException {
        DecodingReader reader = DecodingReader.open(new ByteArrayInputStream(TEXT.getBytes(Charset.forName("windows-1252"))));

        assertThat(decode(reader)).isEqualTo(TEXT);
        assertThat(reader.charset()).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void decidesLateWhenTheFirst64KibAreAscii() throws IOException {
        byte[] ascii = "PC-0001;Latitude;Site\n".repeat(4000).getBytes(StandardCharsets.US_ASCII);
        assertThat(ascii.length).isGreaterThan(DecodingReader.SNIFF_BYTES);

        assertThat(decode(concat(ascii, TEXT.getBytes(Charset.forName("windows-1252")))))
                .isEqualTo(new String(ascii, StandardCharsets.US_ASCII) + TEXT);
        assertThat(decode(concat(ascii, TEXT.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new String(ascii, StandardCharsets.US_ASCII) + TEXT);
    }

    @Test
    void keepsUtf8WhenACharacterStraddlesTheSniffedPrefix() throws IOException {
        String text = "a".repeat(DecodingReader.SNIFF_BYTES - 3) + "é€" + "z";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

        DecodingReader reader = DecodingReader.open(new ByteArrayInputStream(utf8));

        assertThat(decode(reader)).isEqualTo(text);
        assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void marksInvalidBytesOnceUtf8IsEstablished() throws IOException {
        String utf8 = "é;".repeat(DecodingReader.SNIFF_BYTES);
        byte[] bytes = concat(utf8.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, ';', 'x'});

        assertThat(decode(bytes)).isEqualTo(utf8 + "\uFFFD;x");
    }

    @Test
    void readsWindows1252WhenAnInvalidByteComesEarly() throws IOException {
        byte[] bytes = concat("é;".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, ';', 'x'});

        assertThat(decode(bytes)).isEqualTo("Ã©;é;x");
    }
}
