package org.boucle.marketplace.catalog;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The listing form as the browser sends it: flat, with prices and sizes as typed ("149,90", "15,6 pouces") so that
 * a French decimal comma is read, and a value that cannot be read is shown back with its error instead of being lost.
 */
record ListingForm(
        UUID sellerId,
        UUID siteId,
        Category category,
        String manufacturer,
        String model,
        String title,
        String description,
        String cpuFamily,
        Integer cpuGeneration,
        Integer ramGb,
        StorageType storageType,
        Integer storageGb,
        String screenInches,
        Grade grade,
        Integer batteryHealthPercent,
        Integer quantityAvailable,
        String unitPrice,
        boolean donation,
        Integer warrantyMonths,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableUntil,
        Long version) {

    static ListingForm empty(UUID sellerId) {
        return new ListingForm(sellerId, null, null, null, null, "", null, null, null, null, null, null, null, null, null,
                1, null, false, 12, null, null, null);
    }

    /** The listing's values as the form shows them, numbers written the locale's way ("249,90" in French). */
    static ListingForm of(ListingView listing, Locale locale) {
        ListingDraft.Specs specs = listing.specs();
        return new ListingForm(listing.seller().id(), listing.site().id(), listing.category(), listing.manufacturer(),
                listing.model(), listing.title(), listing.description(), specs.cpuFamily(), specs.cpuGeneration(),
                specs.ramGb(), specs.storageType(), specs.storageGb(), decimal(specs.screenInches(), 0, locale), listing.grade(),
                listing.batteryHealthPercent(), listing.quantityAvailable(), decimal(listing.unitPrice(), 2, locale),
                listing.donation(),
                listing.warrantyMonths(), listing.availableFrom(), listing.availableUntil(), listing.version());
    }

    /** The draft the form describes, or the fields whose text is not a number. */
    ListingDraft toDraft(ListingKind kind, List<FieldProblem> unreadable, String notANumber) {
        BigDecimal price = decimal(unitPrice, "unitPrice", unreadable, notANumber);
        BigDecimal screen = decimal(screenInches, "screenInches", unreadable, notANumber);
        return new ListingDraft(sellerId, kind, siteId, category, manufacturer, model, title, description,
                new ListingDraft.Specs(cpuFamily, cpuGeneration, ramGb, storageType, storageGb, screen), grade,
                batteryHealthPercent, quantityAvailable, donation ? null : price, donation, null,
                warrantyMonths, availableFrom, availableUntil, version);
    }

    /** The form field a service problem is about: specs are flat here. */
    static String formField(String field) {
        return field.startsWith("specs.") ? field.substring("specs.".length()) : field;
    }

    static final List<String> FIELDS = List.of("siteId", "category", "manufacturer", "model", "title", "description",
            "cpuFamily", "cpuGeneration", "ramGb", "storageType", "storageGb", "screenInches", "grade",
            "batteryHealthPercent", "quantityAvailable", "unitPrice", "donation", "warrantyMonths", "availableFrom",
            "availableUntil");

    private static BigDecimal decimal(String text, String field, List<FieldProblem> unreadable, String notANumber) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cleaned = text.replaceAll("[\\s\\u00a0\\u202f€]", "").replace(',', '.');
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            unreadable.add(new FieldProblem(field, notANumber));
            return null;
        }
    }

    private static String decimal(BigDecimal value, int minimumFractionDigits, Locale locale) {
        if (value == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(minimumFractionDigits);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
