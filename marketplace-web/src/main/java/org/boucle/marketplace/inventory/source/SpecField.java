package org.boucle.marketplace.inventory.source;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Columns or custom fields that hold specifications, recognised by their label in French or English, and read
 * as far as their free text allows: text that gives no size leaves the spec unknown rather than failing the row.
 */
enum SpecField {
    CPU("cpu", "processor", "processeur", "proc"),
    RAM("ram", "memory", "memoire", "memoire vive", "ram go", "ram gb", "memory gb"),
    STORAGE("storage", "disk", "disque", "disque dur", "hard drive", "hdd", "ssd", "stockage", "storage gb",
            "stockage go", "disk size", "capacite disque"),
    SCREEN("screen size", "screen", "taille ecran", "taille d ecran", "diagonale", "ecran", "screen size inches",
            "ecran pouces", "taille ecran pouces"),
    NONE();

    private final Set<String> labels;

    SpecField(String... labels) {
        this.labels = Set.of(labels);
    }

    /** Every label, for finding spec columns in a header. */
    static Map<String, SpecField> byLabel() {
        Map<String, SpecField> labels = new HashMap<>();
        for (SpecField field : values()) {
            field.labels.forEach(label -> labels.put(label, field));
        }
        return Map.copyOf(labels);
    }

    static SpecField of(String label) {
        String key = Text.key(label);
        for (SpecField field : values()) {
            if (field.labels.contains(key)) {
                return field;
            }
        }
        return NONE;
    }

    void apply(String value, AssetDraft draft) {
        switch (this) {
            case CPU -> draft.cpu = SpecText.cpu(value);
            case RAM -> draft.ramGb = SpecText.ramGb(value, SpecText.Unit.GB);
            case STORAGE -> {
                SpecText.Storage storage = SpecText.storage(value, SpecText.Unit.GB);
                draft.storageGb = storage.gb();
                draft.storageType = storage.type();
            }
            case SCREEN -> draft.screenInches = SpecText.screenInches(value);
            case NONE -> {
            }
        }
    }
}
