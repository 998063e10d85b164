package org.boucle.marketplace.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;

/**
 * What a seller says about a listing, to create it or to replace its description. The rules that depend on the
 * listing's kind and on the database (grade, battery, site) are checked by {@link Listings}, together with these.
 */
public record ListingDraft(
        @Schema(description = "The selling organization; defaults to the caller's own (coordinators may name any)")
        UUID sellerId,
        @Schema(description = "REFURBISHED (default); upcoming lots are published from the forecast instead")
        ListingKind kind,
        @NotNull(message = "{catalog.error.siteRequired}") UUID siteId,
        @NotNull(message = "{catalog.error.categoryRequired}") Category category,
        @Size(max = 80) String manufacturer,
        @Size(max = 120) String model,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @Valid Specs specs,
        @Schema(description = "Required for refurbished stock; none for an upcoming lot") Grade grade,
        @Min(0) @Max(100) Integer batteryHealthPercent,
        @NotNull @Min(0) @Max(1_000_000) Integer quantityAvailable,
        @Schema(description = "Per unit, excluding VAT; null for a donation")
        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal unitPrice,
        @Schema(description = "true for a donation (then no unitPrice); when absent, a null unitPrice means a donation")
        Boolean donation,
        @Schema(description = "EUR, the only currency", defaultValue = "EUR") String currency,
        @Min(0) @Max(120) Integer warrantyMonths,
        @Schema(description = "Defaults to today") LocalDate availableFrom,
        LocalDate availableUntil,
        @Schema(description = "On update: the version the client last read; a newer one on the server answers 409")
        Long version) {

    /** Technical characteristics; all optional, as not every category has them. */
    public record Specs(
            @Size(max = 60) String cpuFamily,
            @Min(1) @Max(99) Integer cpuGeneration,
            @Min(0) @Max(4096) Integer ramGb,
            StorageType storageType,
            @Min(0) @Max(1_000_000) Integer storageGb,
            @DecimalMin("1.0") @DecimalMax("150.0") @Digits(integer = 3, fraction = 1) BigDecimal screenInches) {

        public Specs {
            cpuFamily = blankToNull(cpuFamily);
        }

        public static Specs none() {
            return new Specs(null, null, null, null, null, null);
        }
    }

    public ListingDraft {
        // Forms send empty fields as "": they mean "not given".
        manufacturer = blankToNull(manufacturer);
        model = blankToNull(model);
        title = title == null ? null : title.strip();
        description = blankToNull(description);
        currency = blankToNull(currency);
    }

    @JsonIgnore
    Specs specsOrEmpty() {
        return specs == null ? Specs.none() : specs;
    }

    @JsonIgnore
    int warrantyMonthsOrZero() {
        return warrantyMonths == null ? 0 : warrantyMonths;
    }

    /** Whether the seller gives the units away: said explicitly, or by giving no price. */
    @JsonIgnore
    boolean isDonation() {
        return donation != null ? donation : unitPrice == null;
    }

    /** The draft with what the service decides: its seller, its kind, and when it is available from. */
    ListingDraft completedFor(UUID seller, ListingKind listingKind, LocalDate from) {
        return new ListingDraft(seller, listingKind, siteId, category, manufacturer, model, title, description, specs, grade,
                batteryHealthPercent, quantityAvailable, unitPrice, donation, currency, warrantyMonths,
                availableFrom == null ? from : availableFrom, availableUntil, version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
