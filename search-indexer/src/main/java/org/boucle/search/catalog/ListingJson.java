package org.boucle.search.catalog;

import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of a listing in the index: the {@link ListingDocument} fields as they are, plus the
 * fields derived from them that queries need (folded keys, price in cents, location, seller facet
 * key, suggestion inputs).
 *
 * <p>Its own mapper, not the client's: the index format must not change with the application's
 * Jackson configuration. Immutable once built, so thread-safe.
 */
final class ListingJson {

    /** Separates a facet value from its label in facet keys; uuids, category and INSEE codes never contain it. */
    static final char FACET_SEPARATOR = '|';

    /** The context value that makes a listing suggestible; any other value hides it. */
    static final String SUGGESTIBLE = "ACTIVE";

    /** The source fields to read back: exactly the record's components, not the derived fields. */
    static final List<String> SOURCE_FIELDS = Arrays.stream(ListingDocument.class.getRecordComponents())
            .map(c -> c.getName())
            .toList();

    private final ObjectMapper mapper;
    private final JsonpMapper jsonpMapper;

    ListingJson() {
        mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
        jsonpMapper = new JacksonJsonpMapper(mapper);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The document as the index stores it. */
    byte[] toIndexJson(ListingDocument d) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(1536)) {
            try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                write(g, d);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + d.id() + " cannot be serialised", e);
        }
    }

    /** A generator writing with this class's settings, e.g. a whole bulk body. */
    JsonGenerator generator(OutputStream out) throws IOException {
        return mapper.getFactory().createGenerator(out);
    }

    /**
     * Writes the document as the index stores it: field by field with the streaming generator, so that
     * a bulk body is written in one pass, and the stored format is explicit. Null fields are left out.
     */
    void write(JsonGenerator g, ListingDocument d) throws IOException {
        g.writeStartObject();
        string(g, "id", d.id());
        string(g, "kind", d.kind());
        string(g, "status", d.status());
        string(g, "title", d.title());
        string(g, "description", d.description());
        string(g, "category", d.category());
        string(g, "categoryLabel", d.categoryLabel());
        string(g, "manufacturer", d.manufacturer());
        string(g, "model", d.model());
        string(g, "cpuFamily", d.cpuFamily());
        number(g, "cpuGeneration", d.cpuGeneration());
        number(g, "ramGb", d.ramGb());
        string(g, "storageType", d.storageType());
        number(g, "storageGb", d.storageGb());
        number(g, "screenInches", d.screenInches());
        string(g, "grade", d.grade());
        number(g, "batteryHealthPercent", d.batteryHealthPercent());
        g.writeNumberField("quantityAvailable", d.quantityAvailable());
        if (d.unitPrice() != null) {
            g.writeNumberField("unitPrice", d.unitPrice());
        }
        string(g, "currency", d.currency());
        number(g, "warrantyMonths", d.warrantyMonths());
        date(g, "availableFrom", d.availableFrom());
        date(g, "availableUntil", d.availableUntil());
        string(g, "communeCode", d.communeCode());
        string(g, "commune", d.commune());
        g.writeNumberField("latitude", d.latitude());
        g.writeNumberField("longitude", d.longitude());
        string(g, "sellerId", d.sellerId());
        string(g, "sellerName", d.sellerName());
        number(g, "co2AvoidedKg", d.co2AvoidedKg());
        g.writeNumberField("photoCount", d.photoCount());
        g.writeNumberField("version", d.version());

        // Derived fields, for queries only (never read back).
        string(g, "manufacturerKey", Folding.fold(d.manufacturer()));
        string(g, "modelKey", Folding.fold(d.model()));
        g.writeNumberField("priceCents", priceCents(d.unitPrice()));
        g.writeBooleanField("donation", d.donation());
        g.writeObjectFieldStart("location");
        g.writeNumberField("lat", d.latitude());
        g.writeNumberField("lon", d.longitude());
        g.writeEndObject();
        g.writeStringField("seller", sellerKey(d.sellerId(), d.sellerName()));
        string(g, "categoryFacet", facetKey(d.category(), d.categoryLabel()));
        string(g, "communeFacet", facetKey(d.communeCode(), d.commune()));
        g.writeObjectFieldStart("suggest");
        g.writeArrayFieldStart("input");
        for (String input : suggestInputs(d)) {
            g.writeString(input);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("contexts");
        g.writeArrayFieldStart("status");
        g.writeString(suggestContext(d));
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    ListingDocument fromSource(JsonData source) {
        return source.to(ListingDocument.class, jsonpMapper);
    }

    ListingDocument fromJson(byte[] json) {
        try {
            return mapper.readValue(json, ListingDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Integer cents, so that price filters and sorts are exact; a donation is 0. */
    static long priceCents(BigDecimal unitPrice) {
        return unitPrice == null ? 0 : unitPrice.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The seller facet key, "id|name", so that a bucket can be labelled without a second lookup. */
    static String sellerKey(String sellerId, String sellerName) {
        return facetKey(sellerId, sellerName);
    }

    /**
     * A facet key carrying its label, "value|label": facets read labels from their own buckets instead of a
     * sub-aggregation per bucket, which cost about a quarter of a search's time over a million listings.
     */
    static String facetKey(String value, String label) {
        if (value == null) {
            return null;
        }
        return label == null || label.isBlank() ? value : value + FACET_SEPARATOR + label;
    }

    /** What the completion suggester offers: the model, "manufacturer model", the category label. */
    static List<String> suggestInputs(ListingDocument doc) {
        Set<String> inputs = new LinkedHashSet<>();
        addIfPresent(inputs, doc.model());
        if (doc.manufacturer() != null && doc.model() != null) {
            addIfPresent(inputs, doc.manufacturer().strip() + " " + doc.model().strip());
        } else {
            addIfPresent(inputs, doc.manufacturer());
        }
        addIfPresent(inputs, doc.categoryLabel());
        return List.copyOf(inputs);
    }

    /** Paused, withdrawn and sold-out listings keep their inputs, but under a context nobody asks for. */
    static String suggestContext(ListingDocument doc) {
        return doc.visible() ? SUGGESTIBLE : doc.quantityAvailable() > 0 ? doc.status() : "SOLD_OUT";
    }

    private static void addIfPresent(Set<String> inputs, String value) {
        if (value != null && !value.isBlank()) {
            inputs.add(value.strip());
        }
    }

    private static void string(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void number(JsonGenerator g, String field, Integer value) throws IOException {
        if (value != null) {
            g.writeNumberField(field, value.intValue());
        }
    }

    private static void number(JsonGenerator g, String field, Double value) throws IOException {
        if (value != null) {
            g.writeNumberField(field, value.doubleValue());
        }
    }

    private static void date(JsonGenerator g, String field, LocalDate value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString()); // ISO-8601, yyyy-MM-dd
        }
    }
}
