package org.boucle.marketplace.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading values out of an export item's tree. */
final class Json {

    private Json() {
    }

    /** The text of a string, number or boolean; null for null, absent, objects and arrays. */
    static String scalar(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        return node.asText();
    }

    /** The node when it is an object; GLPI and Snipe-IT write an empty array or null for "none". */
    static JsonNode object(JsonNode node) {
        return node != null && node.isObject() ? node : null;
    }

    /** A field of an object that may be missing or null. */
    static JsonNode field(JsonNode node, String name) {
        return node == null ? null : node.get(name);
    }
}
