package org.boucle.marketplace.quota.supply;

import java.time.LocalDate;
import java.util.UUID;

/** A device of the donor's inventory that left the park, as the donor needs it to say where it went. */
public record RetiredDevice(UUID assetId, String assetTag, String serial, String category, String manufacturer,
        String model, String site, LocalDate purchaseDate, LocalDate leftOn) {

    /** What a dispositions file names it by: its asset tag, else its serial number. */
    public String reference() {
        return assetTag != null ? assetTag : serial;
    }
}
