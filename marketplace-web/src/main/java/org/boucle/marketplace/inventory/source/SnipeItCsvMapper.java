package org.boucle.marketplace.inventory.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Snipe-IT's CSV import layout ("Item Name", "Category", "Model name", "Manufacturer", "Serial Number",
 * "Asset Tag", "Purchase Date", "Purchase Cost", "Warranty Months"...), and the headers of its own asset export
 * ("Asset Name", "Model", "Serial", "Warranty Expires", "EOL Date"...). Custom field columns named like a
 * specification (RAM, CPU, Storage, Screen size, in French or English) fill the specs; other columns (users,
 * notes, supplier...) are ignored.
 *
 * <p>The source id is the ID column when the file has one, else the asset tag. The warranty ends at "Warranty
 * Expires", else purchase date plus warranty months.
 */
final class SnipeItCsvMapper extends TableMapper {

    enum Column {
        ID, NAME, ASSET_TAG, SERIAL, CATEGORY, MODEL, MODEL_NUMBER, MANUFACTURER, LOCATION, STATUS, PURCHASE_DATE,
        PURCHASE_COST, WARRANTY_MONTHS, WARRANTY_EXPIRES, EOL_DATE, CPU, RAM, STORAGE, SCREEN
    }

    private static final Map<String, Column> ALIASES = Map.ofEntries(
            Map.entry("id", Column.ID),
            Map.entry("item name", Column.NAME), Map.entry("asset name", Column.NAME), Map.entry("name", Column.NAME),
            Map.entry("asset tag", Column.ASSET_TAG),
            Map.entry("serial number", Column.SERIAL), Map.entry("serial", Column.SERIAL),
            Map.entry("category", Column.CATEGORY),
            Map.entry("model name", Column.MODEL), Map.entry("model", Column.MODEL),
            Map.entry("model number", Column.MODEL_NUMBER), Map.entry("model no", Column.MODEL_NUMBER),
            Map.entry("manufacturer", Column.MANUFACTURER),
            Map.entry("location", Column.LOCATION),
            Map.entry("status", Column.STATUS), Map.entry("status label", Column.STATUS),
            Map.entry("purchase date", Column.PURCHASE_DATE),
            Map.entry("purchase cost", Column.PURCHASE_COST), Map.entry("cost", Column.PURCHASE_COST),
            Map.entry("warranty months", Column.WARRANTY_MONTHS), Map.entry("warranty", Column.WARRANTY_MONTHS),
            Map.entry("warranty expires", Column.WARRANTY_EXPIRES),
            Map.entry("eol date", Column.EOL_DATE), Map.entry("asset eol date", Column.EOL_DATE),
            Map.entry("eol", Column.EOL_DATE));

    private Columns<Column> columns;
    private Columns<SpecField> specs;

    SnipeItCsvMapper(ReaderLimits limits, AssetSink sink) {
        super(limits, sink);
    }

    @Override
    void resolve(List<String> header) throws UnreadableExportException {
        columns = Columns.find(header, Column.class, ALIASES, List.of());
        if (!(columns.has(Column.NAME) || columns.has(Column.MODEL) || columns.has(Column.CATEGORY)
                || columns.has(Column.ASSET_TAG) || columns.has(Column.SERIAL))) {
            throw new UnreadableExportException("This does not look like a Snipe-IT CSV file: none of its columns is "
                    + "Item Name, Asset Tag, Serial Number, Category or Model name. Its header reads: "
                    + Headers.sample(header) + ".");
        }
        columns.indexes().forEach(this::use);
        specs = Columns.find(header, SpecField.class, SpecField.byLabel(), List.of());
        specs.indexes().forEach(this::use);
    }

    @Override
    void map(TableRow row, AssetDraft draft) {
        draft.assetTag = columns.text(row, Column.ASSET_TAG, draft);
        String id = columns.text(row, Column.ID, draft);
        draft.sourceId = id != null ? id : draft.assetTag;
        draft.name = columns.text(row, Column.NAME, draft);
        draft.serial = columns.text(row, Column.SERIAL, draft);
        String model = columns.text(row, Column.MODEL, draft);
        draft.model = model != null ? model : columns.text(row, Column.MODEL_NUMBER, draft);
        draft.manufacturer = Manufacturers.normalize(columns.text(row, Column.MANUFACTURER, draft));
        draft.category = Categories.fromText(columns.text(row, Column.CATEGORY, draft));
        draft.location = columns.text(row, Column.LOCATION, draft);
        draft.status = columns.text(row, Column.STATUS, draft);
        draft.purchaseDate = draft.date(columns.name(Column.PURCHASE_DATE), columns.raw(row, Column.PURCHASE_DATE));
        draft.purchaseValue = draft.amount(columns.name(Column.PURCHASE_COST), columns.raw(row, Column.PURCHASE_COST));
        LocalDate expires = draft.date(columns.name(Column.WARRANTY_EXPIRES), columns.raw(row, Column.WARRANTY_EXPIRES));
        Integer months = draft.months(columns.name(Column.WARRANTY_MONTHS), columns.raw(row, Column.WARRANTY_MONTHS));
        draft.warrantyEnd = expires != null ? expires : Values.plusMonths(draft.purchaseDate, months);
        draft.plannedDecommission = endOfLife(row, draft);
        for (SpecField field : SpecField.values()) {
            String value = specs.text(row, field, draft);
            if (value != null) {
                field.apply(value, draft);
            }
        }
    }

    /** Snipe-IT's export writes the EOL as a date; some files give it as months after purchase. */
    private LocalDate endOfLife(TableRow row, AssetDraft draft) {
        String text = columns.text(row, Column.EOL_DATE, draft);
        if (text == null) {
            return null;
        }
        try {
            return Values.date(text);
        } catch (InvalidValue notADate) {
            try {
                return Values.plusMonths(draft.purchaseDate, Values.months(text));
            } catch (InvalidValue notMonths) {
                draft.error(columns.name(Column.EOL_DATE), notADate.getMessage());
                return null;
            }
        }
    }
}
