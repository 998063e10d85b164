package org.boucle.marketplace.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One opening interval of a site on one day of the week. */
@Embeddable
public record OpeningHours(
        @Column(name = "day_of_week") @Convert(converter = DayOfWeekConverter.class) DayOfWeek dayOfWeek,
        LocalTime opens,
        LocalTime closes) {

    public OpeningHours {
        if (dayOfWeek == null || opens == null || closes == null) {
            throw new IllegalArgumentException("day, opening and closing time are required");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a site must open before it closes: " + opens + "-" + closes);
        }
    }
}
