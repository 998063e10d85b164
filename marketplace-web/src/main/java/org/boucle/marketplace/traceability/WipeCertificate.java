package org.boucle.marketplace.traceability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a data-wipe certificate states, as signed: the device as its donor knows it, the media wiped, how, by whom and
 * when, and the custody event it certifies. The donor is not named: whoever holds the code may read the certificate.
 */
public record WipeCertificate(UUID id, String code, Instant issuedAt, Device device, List<Medium> media, String method,
        String tool, String operator, String result, Instant wipedAt, Workshop workshop, Event event) {

    static final String FORMAT = "boucle-wipe-certificate/1";

    public record Device(UUID id, String category, String manufacturer, String model, String serial, String assetTag) {
    }

    public record Medium(String serial, String type) {
    }

    public record Workshop(UUID id, String name) {
    }

    /** The custody event certified, and its hash in the device's chain. */
    public record Event(UUID id, int seq, String hash) {
    }

    /** The canonical form that is signed: compact JSON, keys sorted at every depth, absent values as null. */
    String canonical() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode content = json.objectNode().put("format", FORMAT).put("id", id.toString()).put("code", code)
                .put("issuedAt", issuedAt.toString()).put("method", method).put("tool", tool).put("operator", operator)
                .put("result", result).put("wipedAt", wipedAt.toString());
        content.putObject("device").put("id", device.id().toString()).put("category", device.category())
                .put("manufacturer", device.manufacturer()).put("model", device.model()).put("serial", device.serial())
                .put("assetTag", device.assetTag());
        media.forEach(m -> content.withArray("media").addObject().put("serial", m.serial()).put("type", m.type()));
        content.putObject("workshop").put("id", workshop.id().toString()).put("name", workshop.name());
        content.putObject("event").put("id", event.id().toString()).put("seq", event.seq()).put("hash", event.hash());
        return CustodyHash.write(CustodyHash.canonical(content));
    }

    /** A certificate as stored (and perhaps altered since): what it claims, read back from its signed content. */
    static WipeCertificate read(String canonical) {
        JsonNode c = CustodyHash.read(canonical);
        JsonNode d = c.path("device");
        List<Medium> media = new ArrayList<>();
        c.path("media").forEach(m -> media.add(new Medium(text(m, "serial"), text(m, "type"))));
        return new WipeCertificate(UUID.fromString(c.path("id").asText()), text(c, "code"),
                Instant.parse(c.path("issuedAt").asText()),
                new Device(UUID.fromString(d.path("id").asText()), text(d, "category"), text(d, "manufacturer"),
                        text(d, "model"), text(d, "serial"), text(d, "assetTag")),
                media, text(c, "method"), text(c, "tool"), text(c, "operator"), text(c, "result"),
                Instant.parse(c.path("wipedAt").asText()),
                new Workshop(UUID.fromString(c.path("workshop").path("id").asText()), text(c.path("workshop"), "name")),
                new Event(UUID.fromString(c.path("event").path("id").asText()), c.path("event").path("seq").asInt(),
                        text(c.path("event"), "hash")));
    }

    /** Manufacturer and model, or what else names the device. */
    public String model() {
        String name = String.join(" ", List.of(device.manufacturer() == null ? "" : device.manufacturer(),
                device.model() == null ? "" : device.model())).strip();
        return name.isEmpty() ? "—" : name;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
