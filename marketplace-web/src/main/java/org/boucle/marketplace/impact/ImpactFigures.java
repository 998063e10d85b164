package org.boucle.marketplace.impact;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/** What the devices that left the chain in a year achieved, for one organization or a whole scope. */
@Schema(description = "Devices that reached a final custody step during the year, and what their reuse avoided")
public record ImpactFigures(
        UUID organizationId,
        String organizationName,
        @Schema(description = "Sold or donated: a second life (sold + donated)")
        long reused,
        long sold,
        @Schema(description = "Donated to associations, for vulnerable people")
        long donated,
        @Schema(description = "Recycled through a WEEE channel or dismantled for parts (recycledWeee + dismantled)")
        long recycled,
        long recycledWeee,
        long dismantled,
        @Schema(description = "reused / (reused + recycled), rounded down to 4 decimals; absent while none left the chain")
        BigDecimal reuseShare,
        @Schema(description = "Standard weight of the reused devices: kept out of the waste stream")
        BigDecimal kgDiverted,
        @Schema(description = "Standard weight of the recycled and dismantled devices")
        BigDecimal kgRecycled,
        @Schema(description = "Manufacture of a new device avoided by each reused one, from the impact factors")
        BigDecimal kgCo2eAvoided,
        @Schema(description = "Reused devices of a category without an impact factor: not in kgCo2eAvoided")
        long reusedWithoutFactor,
        @Schema(description = "Public donors only: décret n° 2023-266's figures for the year, absent otherwise")
        PublicReuse publicReuse) {

    /** A public body's retired devices and those of them that went to reuse (décret n° 2023-266, art. 3). */
    public record PublicReuse(long retired, long retiredToReuse, BigDecimal share, BigDecimal minimumShare,
            boolean met) {
    }
}
