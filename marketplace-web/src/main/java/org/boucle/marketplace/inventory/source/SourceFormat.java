package org.boucle.marketplace.inventory.source;

import java.util.Locale;
import java.util.Optional;

/** The kinds of inventory export a donor can upload. */
public enum SourceFormat {
    GLPI_JSON("glpi-json"),
    GLPI_CSV("glpi-csv"),
    SNIPEIT_JSON("snipeit-json"),
    SNIPEIT_CSV("snipeit-csv"),
    CSV("csv"),
    XLSX("xlsx");

    private final String code;

    SourceFormat(String code) {
        this.code = code;
    }

    /** The stable code used in URLs, forms and saved mappings. */
    public String code() {
        return code;
    }

    public static Optional<SourceFormat> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (SourceFormat format : values()) {
            if (format.code.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Generic files say nothing about their columns: the donor maps them first. */
    public boolean needsMapping() {
        return this == CSV || this == XLSX;
    }

    boolean isJson() {
        return this == GLPI_JSON || this == SNIPEIT_JSON;
    }
}
