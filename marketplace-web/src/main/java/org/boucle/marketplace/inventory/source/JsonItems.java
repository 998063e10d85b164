package org.boucle.marketplace.inventory.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.Locale;
import java.util.Set;

/**
 * Streams the items of a JSON export: one item is built as a tree at a time, never the document.
 *
 * <p>The items are either the top-level array (GLPI's {@code GET /apirest.php/Computer}) or the arrays under
 * known keys of a top-level object: {@code rows} (Snipe-IT's {@code /api/v1/hardware}), {@code data},
 * {@code items}, {@code results}, {@code assets}, or a GLPI itemtype ({@code {"Computer": [...],
 * "Monitor": [...]}}, which then tells the items' itemtype). Other keys ({@code total}, ...) are skipped. Items are
 * numbered from 1 across all those arrays, in file order.
 */
final class JsonItems {

    private static final Set<String> ITEM_KEYS = Set.of("rows", "data", "items", "results", "assets");
    private static final int MAX_DEPTH = 32;
    private static final int PEEK_CHARS = 1024;

    private final ReaderLimits limits;
    private final JsonFactory factory;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    JsonItems(ReaderLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limits.maxRecordChars())
                        .maxNameLength(limits.maxCellChars())
                        .maxNestingDepth(MAX_DEPTH + 2)
                        .build())
                .build();
    }

    void read(Reader text, ItemMapper mapper, AssetSink sink) throws IOException, UnreadableExportException {
        PushbackReader reader = new PushbackReader(text, PEEK_CHARS);
        refuseOtherFormats(reader);
        Walk walk = new Walk(mapper, sink);
        try (JsonParser parser = factory.createParser(reader)) {
            walk.document(parser);
        } catch (StreamConstraintsException e) {
            throw new UnreadableExportException("The JSON has a value too large or nested too deep to be an "
                    + "inventory export" + at(e.getLocation()) + ".");
        } catch (JsonProcessingException e) {
            throw new UnreadableExportException("The file is not valid JSON" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ".");
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Names the likely format of a file that does not start like JSON. */
    private static void refuseOtherFormats(PushbackReader reader) throws IOException, UnreadableExportException {
        char[] start = new char[PEEK_CHARS];
        int n = reader.read(start, 0, start.length);
        while (n > 0 && n < start.length) {
            int more = reader.read(start, n, start.length - n);
            if (more < 0) {
                break;
            }
            n += more;
        }
        if (n <= 0) {
            throw new UnreadableExportException("The file is empty.");
        }
        reader.unread(start, 0, n);
        int first = 0;
        while (first < n && (Character.isWhitespace(start[first]) || start[first] == '\uFEFF')) {
            first++;
        }
        if (first == n) {
            throw new UnreadableExportException("The file is empty.");
        }
        if (start[first] == '{' || start[first] == '[') {
            return;
        }
        String opening = new String(start, first, Math.min(40, n - first)).lines().findFirst().orElse("");
        if (opening.toLowerCase(Locale.ROOT).startsWith("<")) {
            throw new UnreadableExportException("This file is a web page or XML, not a JSON export.");
        }
        throw new UnreadableExportException("This file is not JSON: it starts with " + Text.quote(opening)
                + ". If it is a CSV export, choose the matching CSV format.");
    }

    /** One pass over a document. */
    private final class Walk {

        private final ItemMapper mapper;
        private final AssetSink sink;
        private final RowBudget budget = new RowBudget(limits.maxRows());
        private long row;

        Walk(ItemMapper mapper, AssetSink sink) {
            this.mapper = mapper;
            this.sink = sink;
        }

        void document(JsonParser parser) throws IOException, UnreadableExportException {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                items(parser, null);
            } else {
                boolean found = false;
                for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                    JsonToken value = parser.nextToken();
                    String itemtype = GlpiItemtype.named(key) == null ? null : key;
                    if (value == JsonToken.START_ARRAY && (ITEM_KEYS.contains(key.toLowerCase(Locale.ROOT))
                            || itemtype != null)) {
                        found = true;
                        items(parser, itemtype);
                    } else {
                        parser.skipChildren();
                    }
                }
                if (!found) {
                    throw new UnreadableExportException("The JSON holds no list of items: expected an array of "
                            + "items, or an object with a \"rows\" list (Snipe-IT) or \"data\", \"items\" or "
                            + "itemtype (\"Computer\", \"Monitor\"...) lists.");
                }
            }
            if (parser.nextToken() != null) {
                throw new UnreadableExportException("The file has more data after the end of its JSON"
                        + at(parser.currentTokenLocation()) + ".");
            }
        }

        private void items(JsonParser parser, String itemtype) throws IOException, UnreadableExportException {
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                budget.count();
                row++;
                if (token == JsonToken.START_OBJECT) {
                    JsonNode item = value(parser, parser.currentTokenLocation().getCharOffset(), 0);
                    AssetDraft draft = new AssetDraft(row, limits.maxCellChars());
                    mapper.map(item, itemtype, draft);
                    draft.finish(sink);
                } else if (token == JsonToken.VALUE_STRING && row == 1 && parser.getText().startsWith("ERROR")) {
                    throw glpiError(parser);
                } else {
                    parser.skipChildren();
                    sink.reject(new RowError(row, null, "the item is not a JSON object"));
                }
            }
        }

        /** GLPI answers errors as ["ERROR_SESSION_TOKEN_INVALID", "message"]. */
        private UnreadableExportException glpiError(JsonParser parser) throws IOException {
            String code = parser.getText();
            String message = parser.nextToken() == JsonToken.VALUE_STRING ? " (" + parser.getText() + ")" : "";
            return new UnreadableExportException("This is a GLPI error answer, not an export: " + code + message
                    + ".");
        }

        /** Builds the item's tree, refusing an item longer than a record may be as soon as it is. */
        private JsonNode value(JsonParser parser, long start, int depth) throws IOException, UnreadableExportException {
            if (depth > MAX_DEPTH) {
                throw new UnreadableExportException("Item " + row + " is nested too deep to be an inventory item.");
            }
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
                        parser.nextToken();
                        object.set(key, value(parser, start, depth + 1));
                        checkLength(parser, start);
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(parser, start, depth + 1));
                        checkLength(parser, start);
                    }
                    return array;
                }
                case VALUE_STRING -> {
                    return nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(parser.getDecimalValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
                }
                default -> {
                    return nodes.nullNode();
                }
            }
        }

        private void checkLength(JsonParser parser, long start) throws UnreadableExportException {
            if (parser.currentLocation().getCharOffset() - start > limits.maxRecordChars()) {
                throw new UnreadableExportException(String.format(Locale.ROOT, "Item %d is longer than %,d "
                        + "characters, so this is not a usable inventory export.", row, limits.maxRecordChars()));
            }
        }
    }
}
