package org.boucle.marketplace.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;

/**
 * A listing as buyers and its seller read it. Every field is always present, null included, so that clients and
 * the search index see one stable shape.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListingView(
        UUID id,
        ListingKind kind,
        ListingStatus status,
        String title,
        String description,
        Category category,
        String manufacturer,
        String model,
        ListingDraft.Specs specs,
        Grade grade,
        Integer batteryHealthPercent,
        int quantityAvailable,
        @Schema(description = "Per unit, excluding VAT; null for a donation") BigDecimal unitPrice,
        boolean donation,
        String currency,
        int warrantyMonths,
        LocalDate availableFrom,
        LocalDate availableUntil,
        SiteRef site,
        SellerRef seller,
        @Schema(description = "kg CO2e that reusing one unit avoids (null when the category has no impact factor)")
        BigDecimal co2AvoidedKg,
        @Schema(description = "co2AvoidedKg × quantityAvailable") BigDecimal co2AvoidedKgTotal,
        @Schema(description = "URLs of the photos, in order") List<String> photos,
        @Schema(description = "The forecast lot an upcoming-lot listing was published from") String sourceLotId,
        long version) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SiteRef(UUID id, String name, String commune, double lat, double lon) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SellerRef(UUID id, String name) {
    }

    /** The photo positions behind {@link #photos()}, for the pages that remove one. */
    @JsonIgnore
    public List<Integer> photoPositions() {
        return photos.stream().map(url -> Integer.parseInt(url.substring(url.lastIndexOf('/') + 1))).toList();
    }

    @JsonIgnore
    public boolean isActive() {
        return status == ListingStatus.ACTIVE;
    }

    @JsonIgnore
    public boolean isWithdrawn() {
        return status == ListingStatus.WITHDRAWN;
    }

    static String photoUrl(UUID listing, int position) {
        return "/catalog/listings/" + listing + "/photos/" + position;
    }
}
