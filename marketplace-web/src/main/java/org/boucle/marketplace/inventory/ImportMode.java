package org.boucle.marketplace.inventory;

import java.util.Arrays;
import java.util.Optional;

/** What to do with a file that has bad rows: refuse it whole (the default), or import the valid rows only. */
public enum ImportMode {
    ALL_OR_NOTHING("all-or-nothing"),
    VALID_ROWS("valid-rows");

    private final String code;

    ImportMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ImportMode> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
