package org.boucle.search.catalog;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The opaque {@code search_after} cursor: URL-safe base64 of {@code ["<fingerprint>", sortValue...]}.
 * The fingerprint names the sort (fields and origin point), so a cursor from another sort is refused
 * instead of silently skipping or repeating results.
 */
final class Cursor {

    /** What each sort value must look like, checked before anything reaches Elasticsearch. */
    enum Kind {
        NUMBER, INTEGER, STRING
    }

    private Cursor() {
    }

    static String fingerprint(String sortDescription) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sortDescription.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(ObjectMapper mapper, String fingerprint, List<FieldValue> sortValues) {
        ArrayNode array = mapper.createArrayNode().add(fingerprint);
        for (FieldValue value : sortValues) {
            switch (value._kind()) {
                case Long -> array.add(value.longValue());
                case Double -> array.add(value.doubleValue());
                case String -> array.add(value.stringValue());
                case Boolean -> array.add(value.booleanValue());
                case Null -> array.addNull();
                default -> throw new IllegalStateException("unexpected sort value " + value);
            }
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(array));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<FieldValue> decode(ObjectMapper mapper, String cursor, String fingerprint, List<Kind> kinds) {
        JsonNode array;
        try {
            array = mapper.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("cursor: malformed", e);
        }
        if (array == null || !array.isArray() || array.size() != kinds.size() + 1 || !array.get(0).isTextual()) {
            throw new IllegalArgumentException("cursor: malformed");
        }
        if (!array.get(0).asText().equals(fingerprint)) {
            throw new IllegalArgumentException("cursor: belongs to a different sort; start again without a cursor");
        }
        List<FieldValue> values = new ArrayList<>(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            JsonNode node = array.get(i + 1);
            values.add(switch (kinds.get(i)) {
                case NUMBER -> {
                    requireThat(node.isNumber());
                    yield node.isIntegralNumber() ? FieldValue.of(node.longValue()) : FieldValue.of(node.doubleValue());
                }
                case INTEGER -> {
                    requireThat(node.isIntegralNumber() && node.canConvertToLong());
                    yield FieldValue.of(node.longValue());
                }
                case STRING -> {
                    requireThat(node.isTextual());
                    yield FieldValue.of(node.asText());
                }
            });
        }
        return values;
    }

    private static void requireThat(boolean wellFormed) {
        if (!wellFormed) {
            throw new IllegalArgumentException("cursor: malformed");
        }
    }
}
