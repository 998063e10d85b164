package org.boucle.marketplace.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;

/**
 * Snipe-IT's {@code GET /api/v1/hardware} rows.
 *
 * <p>The source id is Snipe-IT's {@code id}, else the asset tag; one of them is required, as every Snipe-IT asset
 * has both. The category comes from {@code category.name}, else the model or name. The warranty ends at
 * {@code warranty_expires}, else purchase date plus {@code warranty_months}; the planned decommission is
 * {@code asset_eol_date}, else purchase date plus the model's {@code eol} months. Deleted and archived assets are
 * read, marked deleted in source. Specifications come from custom fields whose label names them (RAM/Mémoire,
 * CPU/Processeur, Storage/Disque/Stockage, Screen size/Écran), read as far as their free text allows.
 */
final class SnipeItJsonMapper implements ItemMapper {

    @Override
    public void map(JsonNode item, String itemtype, AssetDraft draft) {
        draft.assetTag = text(item, "asset_tag", draft);
        String id = text(item, "id", draft);
        draft.sourceId = id != null ? id : draft.assetTag;
        if (draft.sourceId == null) {
            draft.error("id", "neither a Snipe-IT id nor an asset tag");
        }
        draft.name = text(item, "name", draft);
        draft.serial = text(item, "serial", draft);
        String model = named(item, "model", draft);
        draft.model = model != null ? model : text(item, "model_number", draft);
        draft.manufacturer = Manufacturers.normalize(named(item, "manufacturer", draft));
        draft.category = Categories.fromText(named(item, "category", draft));
        JsonNode statusLabel = Json.object(item.get("status_label"));
        draft.status = named(item, "status_label", draft);
        String location = named(item, "location", draft);
        draft.location = location != null ? location : named(item, "rtd_location", draft);
        boolean archived = statusLabel != null && ("archived".equals(Json.scalar(statusLabel.get("status_meta")))
                || "archived".equals(Json.scalar(statusLabel.get("status_type"))));
        JsonNode deletedAt = item.get("deleted_at");
        draft.deletedInSource = archived || deletedAt != null && !deletedAt.isNull();
        draft.purchaseDate = date(item, "purchase_date", draft);
        draft.purchaseValue = draft.amount("purchase_cost", Json.scalar(item.get("purchase_cost")));
        LocalDate warrantyEnd = date(item, "warranty_expires", draft);
        Integer warrantyMonths = draft.months("warranty_months", Json.scalar(item.get("warranty_months")));
        draft.warrantyEnd = warrantyEnd != null ? warrantyEnd : Values.plusMonths(draft.purchaseDate, warrantyMonths);
        LocalDate endOfLife = date(item, "asset_eol_date", draft);
        Integer eolMonths = draft.months("eol", Json.scalar(item.get("eol")));
        draft.plannedDecommission = endOfLife != null ? endOfLife : Values.plusMonths(draft.purchaseDate, eolMonths);
        customFields(Json.object(item.get("custom_fields")), draft);
    }

    private static String text(JsonNode item, String field, AssetDraft draft) {
        return draft.text(field, Text.unescapeHtml(Json.scalar(item.get(field))));
    }

    /** The name of a related object such as {@code "model": {"id": 3, "name": "Latitude 5420"}}, or null. */
    private static String named(JsonNode item, String field, AssetDraft draft) {
        JsonNode related = Json.object(item.get(field));
        return related == null ? null : draft.text(field + ".name", Text.unescapeHtml(Json.scalar(related.get("name"))));
    }

    /** Snipe-IT writes dates as {"date": "2021-03-15", "formatted": "15/03/2021"}; older versions as text. */
    private static LocalDate date(JsonNode item, String field, AssetDraft draft) {
        JsonNode value = item.get(field);
        JsonNode object = Json.object(value);
        if (object == null) {
            return draft.date(field, Json.scalar(value));
        }
        String date = Json.scalar(object.get("date"));
        return draft.date(field, date != null ? date : Json.scalar(object.get("datetime")));
    }

    private static void customFields(JsonNode fields, AssetDraft draft) {
        if (fields == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            JsonNode holder = field.getValue();
            String value = Text.clean(Text.unescapeHtml(Json.scalar(holder.isObject() ? holder.get("value") : holder)));
            if (value != null) {
                SpecField.of(field.getKey()).apply(value, draft);
            }
        }
    }
}
