package org.boucle.marketplace.inventory.source;

import java.util.Locale;
import java.util.Set;

/**
 * The GLPI asset types Boucle reads, with their dropdown fields and how each decides the category.
 *
 * <p>Computer: from the type ("Portable", "Laptop", "Tour", "Serveur"...), else the model, else the name, else
 * OTHER. Monitor, Printer and NetworkEquipment are what they say. Phone: a smartphone when its type, model or
 * name says so ("Smartphone", "Téléphone mobile", "Portable", an iPhone), else OTHER as desk phones are.
 * Peripheral: a tablet when the texts say so, else OTHER.
 */
enum GlpiItemtype {
    COMPUTER("Computer", "ordinateur", "ordinateurs", "computer", "computers"),
    MONITOR("Monitor", "moniteur", "moniteurs", "ecran", "ecrans", "monitor", "monitors"),
    PHONE("Phone", "telephone", "telephones", "phone", "phones"),
    PRINTER("Printer", "imprimante", "imprimantes", "printer", "printers"),
    NETWORK_EQUIPMENT("NetworkEquipment", "materiel reseau", "materiels reseau", "networkequipment",
            "network device", "network devices", "networking equipment", "network equipment"),
    PERIPHERAL("Peripheral", "peripherique", "peripheriques", "peripheral", "peripherals", "device", "devices");

    private static final Set<Category> COMPUTERS = Set.of(Category.LAPTOP, Category.DESKTOP, Category.SERVER,
            Category.TABLET);

    private final String glpiName;
    private final Set<String> labels;

    GlpiItemtype(String glpiName, String... labels) {
        this.glpiName = glpiName;
        this.labels = Set.of(labels);
    }

    /** The itemtype a GLPI class name or a French or English label names, or null. */
    static GlpiItemtype named(String text) {
        String key = Text.key(text);
        for (GlpiItemtype itemtype : values()) {
            if (itemtype.labels.contains(key)) {
                return itemtype;
            }
        }
        return null;
    }

    /** "computermodels_id". */
    String modelField() {
        return glpiName.toLowerCase(Locale.ROOT) + "models_id";
    }

    /** "computertypes_id". */
    String typeField() {
        return glpiName.toLowerCase(Locale.ROOT) + "types_id";
    }

    Category category(String type, String model, String name) {
        return switch (this) {
            case COMPUTER -> {
                for (String text : new String[] {type, model, name}) {
                    Category category = Categories.fromText(text);
                    if (category != null && COMPUTERS.contains(category)) {
                        yield category;
                    }
                }
                yield Category.OTHER;
            }
            case MONITOR -> Category.SCREEN;
            case PRINTER -> Category.PRINTER;
            case NETWORK_EQUIPMENT -> Category.NETWORK;
            case PHONE -> {
                Category category = Categories.first(type, model, name);
                if (category == Category.TABLET) {
                    yield Category.TABLET;
                }
                // "Portable" names a mobile phone in French.
                yield category == Category.SMARTPHONE || category == Category.LAPTOP ? Category.SMARTPHONE
                        : Category.OTHER;
            }
            case PERIPHERAL -> Categories.first(type, model, name) == Category.TABLET ? Category.TABLET : Category.OTHER;
        };
    }
}
