package org.boucle.marketplace.inventory.source;

import java.util.Locale;

/** The Boucle fields a donor can map a generic file's columns to. */
public enum MappedField {
    SOURCE_ID, NAME, SERIAL, ASSET_TAG, CATEGORY, MANUFACTURER, MODEL, CPU, RAM_GB, STORAGE_GB, STORAGE_TYPE,
    SCREEN_INCHES, PURCHASE_DATE, WARRANTY_END, DECOMMISSION_DATE, PURCHASE_VALUE, LOCATION, STATUS;

    /** How messages name the field, e.g. "purchase date". */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
