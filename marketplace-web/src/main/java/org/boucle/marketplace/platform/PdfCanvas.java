package org.boucle.marketplace.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text and rules on a PDF page, for Boucle's documents: placed by the caller, never failing on a glyph the font lacks. */
public final class PdfCanvas {

    private final PDPageContentStream content;

    public PdfCanvas(PDPageContentStream content) {
        this.content = content;
    }

    public void text(PDFont font, float size, float x, float baseline, String value) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(printable(font, value));
        content.endText();
    }

    public void right(PDFont font, float size, float rightEdge, float baseline, String value) throws IOException {
        text(font, size, rightEdge - width(font, size, value), baseline, value);
    }

    /** A thin horizontal rule. */
    public void rule(float from, float to, float y) throws IOException {
        content.setLineWidth(0.5f);
        content.moveTo(from, y);
        content.lineTo(to, y);
        content.stroke();
    }

    /** A light grey band, behind a table's header. */
    public void band(float x, float y, float width, float height) throws IOException {
        content.setNonStrokingColor(0.92f, 0.92f, 0.92f);
        content.addRect(x, y, width, height);
        content.fill();
        content.setNonStrokingColor(0f, 0f, 0f);
    }

    public static float width(PDFont font, float size, String value) throws IOException {
        return font.getStringWidth(printable(font, value)) / 1000 * size;
    }

    /** Greedy word wrap; a word longer than the width is cut. */
    public static List<String> wrap(PDFont font, float size, String value, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : value.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > maxWidth && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text with what the font cannot draw (emoji, rare scripts) replaced, rather than failing the document. */
    public static String printable(PDFont font, String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            String character = Character.isWhitespace(c) && c != '\u00a0' ? " " : Character.toString(c);
            try {
                font.encode(character);
                out.append(character);
            } catch (IOException | IllegalArgumentException missing) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
