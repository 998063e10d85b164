package org.boucle.marketplace.inventory;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * An upcoming lot's id: the donor, its site (none for devices with no site), the month they retire and their category,
 * written {@code donorId:siteId|-:YYYY-MM:CATEGORY}. Stable for the same four, so plans and custody name lots alike.
 */
public record LotId(UUID donorId, UUID siteId, YearMonth month, String category) {

    public static Optional<LotId> parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length != 4 || !parts[2].matches("\\d{4}-\\d{2}") || parts[3].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LotId(UUID.fromString(parts[0]), "-".equals(parts[1]) ? null : UUID.fromString(parts[1]),
                    YearMonth.parse(parts[2]), parts[3]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return donorId + ":" + (siteId == null ? "-" : siteId) + ":" + month + ":" + category;
    }
}
