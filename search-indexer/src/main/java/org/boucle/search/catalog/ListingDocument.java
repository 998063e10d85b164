package org.boucle.search.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The indexed view of one marketplace listing, built by the web app from PostgreSQL.
 *
 * <p>Serialised with Jackson: dates as ISO strings (whatever the mapper's defaults), the price as a
 * JSON number. {@code version} is monotonic per listing and becomes the Elasticsearch external
 * version, so that an older change can never overwrite a newer one.
 *
 * @param unitPrice excluding VAT, in currency units with two decimals (rounded half-up to cents);
 *     {@code null} for a donation
 * @param co2AvoidedKg per unit, {@code null} when unknown
 */
// Unknown properties are ignored so that a document indexed by a newer version still reads back.
@JsonIgnoreProperties(ignoreUnknown = true)
public record ListingDocument(
        String id,
        String kind,
        String status,
        String title,
        String description,
        String category,
        String categoryLabel,
        String manufacturer,
        String model,
        String cpuFamily,
        Integer cpuGeneration,
        Integer ramGb,
        String storageType,
        Integer storageGb,
        Double screenInches,
        String grade,
        Integer batteryHealthPercent,
        int quantityAvailable,
        BigDecimal unitPrice,
        String currency,
        Integer warrantyMonths,
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate availableFrom,
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate availableUntil,
        String communeCode,
        String commune,
        double latitude,
        double longitude,
        String sellerId,
        String sellerName,
        Double co2AvoidedKg,
        int photoCount,
        long version) {

    public ListingDocument {
        // Only what the index cannot do without: everything else is the database's business.
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sellerId, "sellerId");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version: must be >= 0, was " + version);
        }
        if (unitPrice != null) {
            if (unitPrice.signum() < 0) {
                throw new IllegalArgumentException("unitPrice: must be >= 0, was " + unitPrice);
            }
            // Cents, always with two decimals: 149.9 and 149.90 are the same price, and equal documents compare equal.
            unitPrice = unitPrice.setScale(2, RoundingMode.HALF_UP);
        }
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("latitude/longitude: out of range: " + latitude + "," + longitude);
        }
    }

    /** A listing without a price is given away (to associations), and sorts and filters as price 0. */
    @JsonIgnore
    public boolean donation() {
        return unitPrice == null;
    }

    /** True when the listing may appear in search results and suggestions. */
    @JsonIgnore
    boolean visible() {
        return "ACTIVE".equals(status) && quantityAvailable > 0;
    }
}
