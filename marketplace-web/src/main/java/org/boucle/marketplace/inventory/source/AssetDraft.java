package org.boucle.marketplace.inventory.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The scratchpad of one row while a mapper reads it: fields are set as they parse, and every value that does not
 * parse is noted as a row error instead of being dropped. {@link #finish} then either accepts the asset or
 * rejects the row with all its errors at once, so the donor can fix them in one go.
 */
final class AssetDraft {

    private final long row;
    private final int maxCellChars;
    private List<RowError> errors;

    String sourceId;
    String name;
    String serial;
    String assetTag;
    Category category;
    String manufacturer;
    String model;
    String cpu;
    Integer ramGb;
    Integer storageGb;
    String storageType;
    BigDecimal screenInches;
    LocalDate purchaseDate;
    LocalDate warrantyEnd;
    LocalDate plannedDecommission;
    BigDecimal purchaseValue;
    String location;
    String status;
    boolean deletedInSource;

    AssetDraft(long row, int maxCellChars) {
        this.row = row;
        this.maxCellChars = maxCellChars;
    }

    void error(String column, String reason) {
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        errors.add(new RowError(row, column, reason));
    }

    /** Cleaned text, or null; too long a value is an error rather than silently cut. */
    String text(String column, String raw) {
        if (raw != null && raw.length() > maxCellChars) {
            error(column, "the value is longer than " + maxCellChars + " characters");
            return null;
        }
        return Text.clean(raw);
    }

    LocalDate date(String column, String raw) {
        String text = text(column, raw);
        if (text == null) {
            return null;
        }
        try {
            return Values.date(text);
        } catch (InvalidValue e) {
            error(column, e.getMessage());
            return null;
        }
    }

    /** An amount of money, which cannot be negative, without trailing zeros (GLPI writes "1249.9000"). */
    BigDecimal amount(String column, String raw) {
        String text = text(column, raw);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = Values.decimal(text);
            if (value.signum() < 0) {
                error(column, "the amount " + Text.quote(text) + " is negative");
                return null;
            }
            return SpecText.plain(value);
        } catch (InvalidValue e) {
            error(column, e.getMessage());
            return null;
        }
    }

    Integer months(String column, String raw) {
        String text = text(column, raw);
        if (text == null) {
            return null;
        }
        try {
            return Values.months(text);
        } catch (InvalidValue e) {
            error(column, e.getMessage());
            return null;
        }
    }

    boolean flag(String column, String raw) {
        String text = text(column, raw);
        if (text == null) {
            return false;
        }
        try {
            return Values.flag(text);
        } catch (InvalidValue e) {
            error(column, e.getMessage());
            return false;
        }
    }

    /**
     * Hands the row over. A row must say what the asset is: a category, or at least a model or a name from which
     * Boucle can infer one (OTHER when they name no category).
     */
    void finish(AssetSink sink) {
        if (category == null) {
            category = Categories.first(model, name);
        }
        if (category == null && (model != null || name != null)) {
            category = Category.OTHER;
        }
        if (category == null) {
            error(null, "nothing says what this asset is: no category, model or name");
        }
        if (errors != null) {
            errors.forEach(sink::reject);
            return;
        }
        sink.accept(new SourceAsset(row, sourceId, name, serial, assetTag, category, manufacturer, model,
                new Specs(cpu, ramGb, storageGb, storageType, screenInches), purchaseDate, warrantyEnd,
                plannedDecommission, purchaseValue, location, status, deletedInSource));
    }
}
