package org.boucle.marketplace.inventory.source;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generic CSV file or sheet read through the donor's {@link ColumnMapping}. Every mapped column must be in the
 * header (trimmed, case-insensitive), or the file is refused before any row, naming the missing ones.
 *
 * <p>The donor said what each column holds, so values are read strictly: a RAM, storage or screen size cell
 * that gives no size, or a storage type other than SSD or HDD (in French or English), is a row error, as are
 * bad dates and amounts. The category column is matched against Boucle's categories and their usual French and
 * English names; a value that names none leaves the category to the model or name, else OTHER.
 */
final class MappedTableMapper extends TableMapper {

    private final ColumnMapping mapping;
    private final Map<MappedField, Integer> indexes = new EnumMap<>(MappedField.class);

    MappedTableMapper(ColumnMapping mapping, ReaderLimits limits, AssetSink sink) {
        super(limits, sink);
        this.mapping = mapping;
    }

    @Override
    void resolve(List<String> header) throws UnreadableExportException {
        List<String> missing = new ArrayList<>();
        for (MappedField field : MappedField.values()) {
            String wanted = mapping.column(field);
            if (wanted == null) {
                continue;
            }
            int index = indexOf(header, wanted);
            if (index < 0) {
                missing.add(Text.quote(wanted) + " (" + field.label() + ")");
            } else {
                indexes.put(field, index);
                use(index);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnreadableExportException("The file has no column " + String.join(", ", missing)
                    + " as the mapping expects. Its header reads: " + Headers.sample(header) + ".");
        }
    }

    private static int indexOf(List<String> header, String wanted) {
        String key = Text.clean(wanted).toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    void map(TableRow row, AssetDraft draft) {
        draft.sourceId = text(row, MappedField.SOURCE_ID, draft);
        draft.name = text(row, MappedField.NAME, draft);
        draft.serial = text(row, MappedField.SERIAL, draft);
        draft.assetTag = text(row, MappedField.ASSET_TAG, draft);
        draft.model = text(row, MappedField.MODEL, draft);
        draft.manufacturer = Manufacturers.normalize(text(row, MappedField.MANUFACTURER, draft));
        draft.category = Categories.fromText(text(row, MappedField.CATEGORY, draft));
        draft.location = text(row, MappedField.LOCATION, draft);
        draft.status = text(row, MappedField.STATUS, draft);
        String cpu = text(row, MappedField.CPU, draft);
        draft.cpu = cpu == null ? null : SpecText.cpu(cpu);
        draft.purchaseDate = draft.date(column(MappedField.PURCHASE_DATE), raw(row, MappedField.PURCHASE_DATE));
        draft.warrantyEnd = draft.date(column(MappedField.WARRANTY_END), raw(row, MappedField.WARRANTY_END));
        draft.plannedDecommission = draft.date(column(MappedField.DECOMMISSION_DATE),
                raw(row, MappedField.DECOMMISSION_DATE));
        draft.purchaseValue = draft.amount(column(MappedField.PURCHASE_VALUE), raw(row, MappedField.PURCHASE_VALUE));
        sizes(row, draft);
    }

    private void sizes(TableRow row, AssetDraft draft) {
        String ram = text(row, MappedField.RAM_GB, draft);
        if (ram != null) {
            draft.ramGb = SpecText.ramGb(ram, SpecText.Unit.GB);
            if (draft.ramGb == null) {
                draft.error(column(MappedField.RAM_GB), Text.quote(ram) + " is not a memory size");
            }
        }
        String storage = text(row, MappedField.STORAGE_GB, draft);
        if (storage != null) {
            SpecText.Storage parsed = SpecText.storage(storage, SpecText.Unit.GB);
            draft.storageGb = parsed.gb();
            draft.storageType = parsed.type();
            if (parsed.gb() == null) {
                draft.error(column(MappedField.STORAGE_GB), Text.quote(storage) + " is not a storage size");
            }
        }
        String type = text(row, MappedField.STORAGE_TYPE, draft);
        if (type != null) {
            draft.storageType = storageType(type);
            if (draft.storageType == null) {
                draft.error(column(MappedField.STORAGE_TYPE), Text.quote(type) + " is neither SSD nor HDD");
            }
        }
        String screen = text(row, MappedField.SCREEN_INCHES, draft);
        if (screen != null) {
            draft.screenInches = SpecText.screenInches(screen);
            if (draft.screenInches == null) {
                draft.error(column(MappedField.SCREEN_INCHES), Text.quote(screen) + " is not a screen size in inches");
            }
        }
    }

    private static String storageType(String text) {
        String found = SpecText.storageType(text);
        if (found != null) {
            return found;
        }
        return switch (Text.key(text)) {
            case "disque dur", "disque mecanique", "hard disk", "hard drive", "sata", "mecanique" -> Specs.HDD;
            default -> null;
        };
    }

    private String raw(TableRow row, MappedField field) {
        Integer index = indexes.get(field);
        return index == null ? null : row.cell(index);
    }

    private String column(MappedField field) {
        Integer index = indexes.get(field);
        return index == null ? field.label() : columnName(index);
    }

    private String text(TableRow row, MappedField field, AssetDraft draft) {
        return draft.text(column(field), raw(row, field));
    }
}
