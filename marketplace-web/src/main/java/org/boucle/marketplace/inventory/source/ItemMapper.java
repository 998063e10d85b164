package org.boucle.marketplace.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one JSON item of an export into a draft asset. */
interface ItemMapper {

    /**
     * @param itemtype the GLPI itemtype named by the list holding the item ("Computer" in
     *     {@code {"Computer": [...]}}), or null
     */
    void map(JsonNode item, String itemtype, AssetDraft draft);
}
