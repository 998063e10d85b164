package org.boucle.marketplace.inventory.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GLPI's search results exported as CSV ("Export" > CSV under a Computer, Monitor... list): ";" separated by
 * default, headers in the user's language. French and English GLPI 10 headers are both recognised, ignoring
 * case and accents, and group prefixes such as "Composants - "; other columns are ignored.
 *
 * <p>Nothing is required per row beyond what says what the asset is (a type, model or name); the ID column,
 * absent from GLPI's default views, gives the source id when present. Without an itemtype column ("Type
 * d'élément", in multi-type exports) the category comes from the Type, Model and Name texts. Component columns
 * list one module or disk per line, with bare sizes in MB as GLPI stores them. A value of 0 is GLPI's default
 * for an unknown price, so it reads as no price.
 */
final class GlpiCsvMapper extends TableMapper {

    enum Column {
        ID, NAME, ITEMTYPE, TYPE, MODEL, MANUFACTURER, SERIAL, INVENTORY_NUMBER, LOCATION, STATUS, PURCHASE_DATE,
        WARRANTY_START, WARRANTY_DURATION, WARRANTY_END, DECOMMISSION_DATE, VALUE, CPU, RAM, RAM_SIZE_MB, STORAGE,
        STORAGE_CAPACITY_MB, SCREEN_SIZE, DELETED
    }

    private static final Map<String, Column> ALIASES = Map.ofEntries(
            Map.entry("id", Column.ID),
            Map.entry("nom", Column.NAME), Map.entry("name", Column.NAME),
            Map.entry("type d element", Column.ITEMTYPE), Map.entry("item type", Column.ITEMTYPE),
            Map.entry("itemtype", Column.ITEMTYPE),
            Map.entry("type", Column.TYPE),
            Map.entry("modele", Column.MODEL), Map.entry("model", Column.MODEL),
            Map.entry("fabricant", Column.MANUFACTURER), Map.entry("manufacturer", Column.MANUFACTURER),
            Map.entry("constructeur", Column.MANUFACTURER),
            Map.entry("numero de serie", Column.SERIAL), Map.entry("serial number", Column.SERIAL),
            Map.entry("n de serie", Column.SERIAL), Map.entry("serial", Column.SERIAL),
            Map.entry("numero d inventaire", Column.INVENTORY_NUMBER),
            Map.entry("inventory number", Column.INVENTORY_NUMBER), Map.entry("n d inventaire", Column.INVENTORY_NUMBER),
            Map.entry("otherserial", Column.INVENTORY_NUMBER),
            Map.entry("lieu", Column.LOCATION), Map.entry("location", Column.LOCATION),
            Map.entry("statut", Column.STATUS), Map.entry("status", Column.STATUS), Map.entry("etat", Column.STATUS),
            Map.entry("date d achat", Column.PURCHASE_DATE), Map.entry("date of purchase", Column.PURCHASE_DATE),
            Map.entry("purchase date", Column.PURCHASE_DATE),
            Map.entry("date de debut de garantie", Column.WARRANTY_START),
            Map.entry("start date of warranty", Column.WARRANTY_START),
            Map.entry("duree de garantie", Column.WARRANTY_DURATION),
            Map.entry("warranty duration", Column.WARRANTY_DURATION),
            Map.entry("date de fin de garantie", Column.WARRANTY_END), Map.entry("fin de garantie", Column.WARRANTY_END),
            Map.entry("warranty expiration date", Column.WARRANTY_END),
            Map.entry("date de reforme", Column.DECOMMISSION_DATE),
            Map.entry("decommission date", Column.DECOMMISSION_DATE),
            Map.entry("valeur", Column.VALUE), Map.entry("value", Column.VALUE),
            Map.entry("processeur", Column.CPU), Map.entry("processor", Column.CPU),
            Map.entry("memoire", Column.RAM), Map.entry("memory", Column.RAM), Map.entry("ram", Column.RAM),
            Map.entry("memoire taille", Column.RAM_SIZE_MB), Map.entry("taille memoire", Column.RAM_SIZE_MB),
            Map.entry("taille de la memoire", Column.RAM_SIZE_MB), Map.entry("memory size", Column.RAM_SIZE_MB),
            Map.entry("disque dur", Column.STORAGE), Map.entry("hard drive", Column.STORAGE),
            Map.entry("disque dur capacite", Column.STORAGE_CAPACITY_MB),
            Map.entry("capacite du disque dur", Column.STORAGE_CAPACITY_MB),
            Map.entry("hard drive capacity", Column.STORAGE_CAPACITY_MB),
            Map.entry("taille", Column.SCREEN_SIZE), Map.entry("size", Column.SCREEN_SIZE),
            Map.entry("supprime", Column.DELETED), Map.entry("deleted", Column.DELETED),
            Map.entry("dans la corbeille", Column.DELETED), Map.entry("is deleted", Column.DELETED));

    private static final List<String> GROUPS = List.of("composants", "components", "gestion financiere",
            "informations financieres et administratives", "financial and administrative information", "gestion",
            "management", "infocoms");

    private Columns<Column> columns;

    GlpiCsvMapper(ReaderLimits limits, AssetSink sink) {
        super(limits, sink);
    }

    @Override
    void resolve(List<String> header) throws UnreadableExportException {
        columns = Columns.find(header, Column.class, ALIASES, GROUPS);
        if (!(columns.has(Column.NAME) || columns.has(Column.MODEL) || columns.has(Column.TYPE)
                || columns.has(Column.SERIAL))) {
            throw new UnreadableExportException("This does not look like a GLPI CSV export: none of its columns is "
                    + "Nom/Name, Modèle/Model, Type or Numéro de série/Serial number. Its header reads: "
                    + Headers.sample(header) + ".");
        }
        columns.indexes().forEach(this::use);
    }

    @Override
    void map(TableRow row, AssetDraft draft) {
        draft.sourceId = text(row, Column.ID, draft);
        draft.name = text(row, Column.NAME, draft);
        draft.serial = text(row, Column.SERIAL, draft);
        draft.assetTag = text(row, Column.INVENTORY_NUMBER, draft);
        draft.manufacturer = Manufacturers.normalize(text(row, Column.MANUFACTURER, draft));
        draft.model = text(row, Column.MODEL, draft);
        draft.location = text(row, Column.LOCATION, draft);
        draft.status = text(row, Column.STATUS, draft);
        String type = text(row, Column.TYPE, draft);
        String itemtypeName = text(row, Column.ITEMTYPE, draft);
        GlpiItemtype itemtype = itemtypeName == null ? null : GlpiItemtype.named(itemtypeName);
        draft.category = itemtype != null ? itemtype.category(type, draft.model, draft.name)
                : Categories.first(type, draft.model, draft.name);
        draft.deletedInSource = draft.flag(columns.name(Column.DELETED), columns.raw(row, Column.DELETED));
        draft.purchaseDate = draft.date(columns.name(Column.PURCHASE_DATE), columns.raw(row, Column.PURCHASE_DATE));
        LocalDate warrantyEnd = draft.date(columns.name(Column.WARRANTY_END), columns.raw(row, Column.WARRANTY_END));
        if (warrantyEnd == null) {
            LocalDate start = draft.date(columns.name(Column.WARRANTY_START), columns.raw(row, Column.WARRANTY_START));
            Integer months = draft.months(columns.name(Column.WARRANTY_DURATION),
                    columns.raw(row, Column.WARRANTY_DURATION));
            warrantyEnd = Values.plusMonths(start, months);
        }
        draft.warrantyEnd = warrantyEnd;
        draft.plannedDecommission = draft.date(columns.name(Column.DECOMMISSION_DATE),
                columns.raw(row, Column.DECOMMISSION_DATE));
        BigDecimal value = draft.amount(columns.name(Column.VALUE), columns.raw(row, Column.VALUE));
        draft.purchaseValue = value == null || value.signum() == 0 ? null : value;
        specs(row, draft);
    }

    private void specs(TableRow row, AssetDraft draft) {
        String cpu = columns.raw(row, Column.CPU);
        draft.cpu = cpu == null ? null : SpecText.cpu(Text.unescapeHtml(cpu));
        String ram = columns.has(Column.RAM_SIZE_MB) ? columns.raw(row, Column.RAM_SIZE_MB) : columns.raw(row, Column.RAM);
        draft.ramGb = ram == null || ram.isBlank() ? null : SpecText.ramGb(ram, SpecText.Unit.MB);
        String disks = columns.raw(row, Column.STORAGE);
        String capacity = columns.has(Column.STORAGE_CAPACITY_MB) ? columns.raw(row, Column.STORAGE_CAPACITY_MB) : disks;
        if (capacity != null && !capacity.isBlank()) {
            draft.storageGb = SpecText.storage(capacity, SpecText.Unit.MB).gb();
        }
        String kinds = (disks == null ? "" : disks) + '\n' + (capacity == null ? "" : capacity);
        draft.storageType = draft.storageGb == null ? null : SpecText.storageType(kinds);
        String size = columns.raw(row, Column.SCREEN_SIZE);
        draft.screenInches = size == null || size.isBlank() ? null : SpecText.screenInches(size);
    }

    private String text(TableRow row, Column column, AssetDraft draft) {
        return draft.text(columns.name(column), Text.unescapeHtml(columns.raw(row, column)));
    }
}
