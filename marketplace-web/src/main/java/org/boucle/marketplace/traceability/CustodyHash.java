package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The canonical content of a custody event and its SHA-256. The content is one JSON array, compact, with the details'
 * keys sorted at every depth: {@code ["boucle-custody-event/1", id, deviceId, seq, step, userId, userName,
 * organizationId, siteId, occurredAt, recordedAt, holderId, previousHash, details]} (ids as text, instants in ISO-8601
 * UTC, absent values as null). Anyone holding the events can recompute it.
 */
final class CustodyHash {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CustodyHash() {
    }

    /** What is hashed of an event: everything but the hash itself. */
    record Content(UUID id, UUID deviceId, int seq, CustodyStep step, UUID userId, String userName,
            UUID organizationId, UUID siteId, Instant occurredAt, Instant recordedAt, UUID holderId,
            String previousHash, JsonNode details) {
    }

    /** The columns of {@code custody_event} that {@link #content(ResultSet)} reads. */
    static final String COLUMNS = """
            id, device_id, seq, step, user_id, user_name, organization_id, site_id, occurred_at, recorded_at, holder_id,
            previous_hash, details::text details, hash""";

    /** An event's content as stored. */
    static Content content(ResultSet rs) throws SQLException {
        return new Content(rs.getObject("id", UUID.class), rs.getObject("device_id", UUID.class), rs.getInt("seq"),
                CustodyStep.valueOf(rs.getString("step")), rs.getObject("user_id", UUID.class), rs.getString("user_name"),
                rs.getObject("organization_id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getObject("holder_id", UUID.class),
                rs.getString("previous_hash"), read(rs.getString("details")));
    }

    static String of(Content event) {
        ArrayNode content = JsonNodeFactory.instance.arrayNode()
                .add("boucle-custody-event/1")
                .add(event.id().toString())
                .add(event.deviceId().toString())
                .add(event.seq())
                .add(event.step().name())
                .add(event.userId().toString())
                .add(event.userName())
                .add(event.organizationId().toString())
                .add(text(event.siteId()))
                .add(event.occurredAt().toString())
                .add(event.recordedAt().toString())
                .add(text(event.holderId()))
                .add(event.previousHash());
        content.add(canonical(event.details()));
        return sha256(write(content));
    }

    /** A day's digest: {@code ["boucle-custody-anchor/1", day, count, hash...]} in the order the events were recorded. */
    static byte[] digest(String day, List<String> hashes) {
        ArrayNode content = JsonNodeFactory.instance.arrayNode().add("boucle-custody-anchor/1").add(day).add(hashes.size());
        hashes.forEach(content::add);
        return sha256Bytes(write(content));
    }

    /** The same JSON with object keys sorted at every depth, so that equal details always hash the same. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(field -> sorted.put(field.getKey(), canonical(field.getValue())));
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            sorted.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> result.add(canonical(element)));
            return result;
        }
        return node;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String sha256(String content) {
        return HexFormat.of().formatHex(sha256Bytes(content));
    }

    private static byte[] sha256Bytes(String content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
