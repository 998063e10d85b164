package org.boucle.marketplace.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GLPI REST API items ({@code GET /apirest.php/Computer?expand_dropdowns=true&with_infocoms=true}, likewise
 * Monitor, Phone, Printer, NetworkEquipment, Peripheral; {@code with_devices=true} adds the components).
 *
 * <p>The itemtype comes from, in order: the item's {@code itemtype} field, the key of the list holding it, the
 * {@code itemtype} of its infocom, then which {@code *models_id} or {@code *types_id} field it has. Dropdowns
 * hold names when expanded and numeric ids otherwise; an id says nothing Boucle can use, so the manufacturer,
 * model, type, location or state are then null, and the row is still valid. Infocom fields are read under
 * {@code _infocoms}, else at the top level. The {@code id} is required: every GLPI item has one. A value of 0 is
 * GLPI's default for an unknown price, so it reads as no price.
 */
final class GlpiJsonMapper implements ItemMapper {

    @Override
    public void map(JsonNode item, String listItemtype, AssetDraft draft) {
        GlpiItemtype itemtype = itemtype(item, listItemtype);
        draft.sourceId = text(item, "id", draft);
        if (draft.sourceId == null) {
            draft.error("id", "the GLPI id is missing");
        }
        draft.name = text(item, "name", draft);
        draft.serial = text(item, "serial", draft);
        draft.assetTag = text(item, "otherserial", draft);
        draft.manufacturer = Manufacturers.normalize(dropdown(item, "manufacturers_id", draft));
        String modelField = itemtype != null ? itemtype.modelField() : fieldEndingWith(item, "models_id");
        String typeField = itemtype != null ? itemtype.typeField() : fieldEndingWith(item, "types_id");
        draft.model = modelField == null ? null : dropdown(item, modelField, draft);
        String type = typeField == null ? null : dropdown(item, typeField, draft);
        draft.location = dropdown(item, "locations_id", draft);
        draft.status = dropdown(item, "states_id", draft);
        draft.deletedInSource = draft.flag("is_deleted", Json.scalar(item.get("is_deleted")));
        draft.category = itemtype != null ? itemtype.category(type, draft.model, draft.name)
                : Categories.first(type, draft.model, draft.name);
        infocom(item, draft);
        if (itemtype == GlpiItemtype.MONITOR) {
            String size = text(item, "size", draft);
            draft.screenInches = size == null ? null : SpecText.screenInches(size);
        }
        devices(Json.object(item.get("_devices")), draft);
    }

    private static GlpiItemtype itemtype(JsonNode item, String listItemtype) {
        for (String named : new String[] {Json.scalar(item.get("itemtype")), listItemtype,
                Json.scalar(Json.field(Json.object(item.get("_infocoms")), "itemtype"))}) {
            GlpiItemtype itemtype = named == null ? null : GlpiItemtype.named(named);
            if (itemtype != null) {
                return itemtype;
            }
        }
        for (GlpiItemtype itemtype : GlpiItemtype.values()) {
            if (item.has(itemtype.modelField()) || item.has(itemtype.typeField())) {
                return itemtype;
            }
        }
        return null;
    }

    private static String fieldEndingWith(JsonNode item, String suffix) {
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            if (field.getKey().endsWith(suffix)) {
                return field.getKey();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field, AssetDraft draft) {
        return draft.text(field, Text.unescapeHtml(Json.scalar(node.get(field))));
    }

    /** An expanded dropdown's name; a bare id (not expanded) or 0 tells nothing. */
    private static String dropdown(JsonNode item, String field, AssetDraft draft) {
        JsonNode value = item.get(field);
        return value != null && value.isTextual() ? draft.text(field, Text.unescapeHtml(value.asText())) : null;
    }

    private static void infocom(JsonNode item, AssetDraft draft) {
        JsonNode infocoms = item.get("_infocoms");
        if (infocoms != null && infocoms.isArray() && infocoms.size() > 0) {
            infocoms = infocoms.get(0);
        }
        Infocom infocom = new Infocom(item, Json.object(infocoms), draft);
        draft.purchaseDate = infocom.date("buy_date");
        LocalDate warrantyStart = infocom.date("warranty_date");
        Integer warrantyMonths = infocom.months("warranty_duration");
        // GLPI writes -1 for a lifetime warranty: no end date to record.
        if (warrantyStart != null && warrantyMonths != null && warrantyMonths > 0) {
            draft.warrantyEnd = warrantyStart.plusMonths(warrantyMonths);
        }
        draft.plannedDecommission = infocom.date("decommission_date");
        BigDecimal value = infocom.amount("value");
        draft.purchaseValue = value == null || value.signum() == 0 ? null : value;
    }

    /** Infocom fields under _infocoms when the export has them, else on the item itself. */
    private record Infocom(JsonNode item, JsonNode infocoms, AssetDraft draft) {

        private String column(String field) {
            return infocoms != null && infocoms.has(field) ? "_infocoms." + field : field;
        }

        private String raw(String field) {
            JsonNode holder = infocoms != null && infocoms.has(field) ? infocoms : item;
            return Json.scalar(holder.get(field));
        }

        LocalDate date(String field) {
            return draft.date(column(field), raw(field));
        }

        BigDecimal amount(String field) {
            return draft.amount(column(field), raw(field));
        }

        Integer months(String field) {
            String raw = raw(field);
            if (raw != null && raw.strip().equals("-1")) {
                return -1;
            }
            return draft.months(column(field), raw);
        }
    }

    /**
     * Components from {@code with_devices=true}: {@code _devices} maps Item_DeviceProcessor, Item_DeviceMemory
     * and Item_DeviceHardDrive to their links by id. Memory sizes and disk capacities are in MB.
     */
    private static void devices(JsonNode devices, AssetDraft draft) {
        if (devices == null) {
            return;
        }
        for (JsonNode processor : links(devices, "Item_DeviceProcessor")) {
            String designation = designation(processor, "deviceprocessors_id");
            if (designation != null) {
                draft.cpu = SpecText.cpu(designation);
                break;
            }
        }
        StringBuilder memory = new StringBuilder();
        for (JsonNode module : links(devices, "Item_DeviceMemory")) {
            String size = Json.scalar(module.get("size"));
            appendLine(memory, size != null ? size : designation(module, "devicememories_id"));
        }
        if (memory.length() > 0) {
            draft.ramGb = SpecText.ramGb(memory.toString(), SpecText.Unit.MB);
        }
        StringBuilder capacities = new StringBuilder();
        StringBuilder kinds = new StringBuilder();
        for (JsonNode disk : links(devices, "Item_DeviceHardDrive")) {
            String capacity = Json.scalar(disk.get("capacity"));
            String designation = designation(disk, "deviceharddrives_id");
            appendLine(capacities, capacity != null ? capacity : designation);
            appendLine(kinds, designation);
            appendLine(kinds, Json.scalar(disk.get("interfacetypes_id")));
        }
        if (capacities.length() > 0) {
            draft.storageGb = SpecText.storage(capacities.toString(), SpecText.Unit.MB).gb();
            draft.storageType = SpecText.storageType(kinds.toString());
        }
    }

    private static Iterable<JsonNode> links(JsonNode devices, String itemtype) {
        JsonNode byId = Json.object(devices.get(itemtype));
        if (byId == null) {
            return List.of();
        }
        List<JsonNode> links = new ArrayList<>();
        for (Map.Entry<String, JsonNode> link : byId.properties()) {
            if (link.getValue().isObject()) {
                links.add(link.getValue());
            }
        }
        return links;
    }

    private static String designation(JsonNode link, String field) {
        JsonNode value = link.get(field);
        return value != null && value.isTextual() ? Text.clean(Text.unescapeHtml(value.asText())) : null;
    }

    private static void appendLine(StringBuilder lines, String line) {
        if (line != null && !line.isBlank()) {
            if (lines.length() > 0) {
                lines.append('\n');
            }
            lines.append(line);
        }
    }
}
