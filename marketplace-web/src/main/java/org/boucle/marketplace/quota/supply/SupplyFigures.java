package org.boucle.marketplace.quota.supply;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a public body stands against décret n° 2023-266 for one year: art. 3's ratio A / B, where B is the
 * {@code retired} devices and A the {@code retiredToReuse} ones among them.
 *
 * <p>The decree measures the devices "orientés vers le réemploi et la réutilisation au cours de l'année N" (A)
 * against the reformed devices "en stock au 01/01/N" (B), devices over 10 years old at their reform excluded.
 * An inventory does not say which devices are formally reformed, so Boucle takes as the year's reformed stock the
 * eligible devices of the park on 1 January that leave it during the year: the stock on 1 January is the pool, a
 * device bought during the year never counts, and A is always part of B.
 */
@Schema(description = "Décret n° 2023-266: share of the devices in stock on 1 January and retired during the year that went to reuse")
public record SupplyFigures(
        UUID organizationId,
        String organizationName,
        int year,
        SupplyRule rule,
        @Schema(description = "Devices of the covered categories in the inventory on 1 January (bought before, not yet gone)")
        long stockOnJanuary1,
        @Schema(description = "Of those, devices over 10 years old at their reform (the day they left, else 1 January): excluded")
        long excludedOver10Years,
        @Schema(description = "Of the stock, devices without a purchase date: counted as eligible")
        long unknownAge,
        @Schema(description = "stockOnJanuary1 - excludedOver10Years")
        long eligible,
        @Schema(description = "Eligible devices that left the park during the year (B)")
        long retired,
        @Schema(description = "Retired devices that went to reuse (A)")
        long retiredToReuse,
        @Schema(description = "Retired devices that went to reuse through orders of the donor's upcoming lots on Boucle")
        long throughBoucle,
        @Schema(description = "Retired devices per destination: the decree's channels, and unknown (nothing declared yet)")
        Map<String, Long> byChannel,
        @Schema(description = "retiredToReuse / retired, rounded down to 4 decimals; absent while nothing was retired")
        BigDecimal share,
        BigDecimal minimumShare,
        boolean met,
        @Schema(description = "Retired devices that still need to go to reuse to reach the minimum share")
        long missingUnits,
        List<MonthFigures> months) {

    static final String UNKNOWN = "unknown";

    static SupplyFigures of(UUID organizationId, String organizationName, int year, SupplyRule rule,
            SupplyMeasure.Tally tally) {
        long retired = tally.retired();
        long reused = tally.reused();
        // The smallest whole number of devices that reaches the share: 50 % of 7 retired devices is 4.
        long required = rule.minimumShare().multiply(BigDecimal.valueOf(retired)).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            byChannel.put(channel.code(), tally.channel(channel.code()));
        }
        byChannel.put(UNKNOWN, tally.channel(UNKNOWN));
        List<MonthFigures> months = new ArrayList<>(12);
        for (int month = 1; month <= 12; month++) {
            months.add(new MonthFigures(String.format("%d-%02d", year, month), tally.retiredIn(month), tally.reusedIn(month)));
        }
        // Rounded down, so that a share shown as the minimum is never one that misses it.
        BigDecimal share = retired == 0 ? null
                : BigDecimal.valueOf(reused).divide(BigDecimal.valueOf(retired), 4, RoundingMode.DOWN);
        return new SupplyFigures(organizationId, organizationName, year, rule, tally.stock(), tally.excluded(),
                tally.unknownAge(), tally.stock() - tally.excluded(), retired, reused, tally.throughBoucle(), byChannel,
                share, rule.minimumShare(), reused >= required, Math.max(0, required - reused), List.copyOf(months));
    }

    /** Devices retired with no known destination: to declare, or to send to reuse. */
    public long withoutDestination() {
        return byChannel.get(UNKNOWN);
    }
}
