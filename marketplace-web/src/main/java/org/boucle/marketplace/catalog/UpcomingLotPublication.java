package org.boucle.marketplace.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A donor lists one of its upcoming lots, for a price per unit or as a donation. */
public record UpcomingLotPublication(
        @Schema(description = "The lot's id as GET /api/v1/forecast/lots gives it: donor:site:YYYY-MM:CATEGORY")
        @NotBlank @Size(max = 200) String lotId,
        @Schema(description = "Per unit, excluding VAT; null gives the lot away") BigDecimal unitPrice,
        @Schema(description = "Shown to buyers; a description of the lot is written when none is given") String description) {
}
