package org.boucle.engine.collection;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.boucle.engine.geo.GeoPoint;

/**
 * Where a donor's lots wait: its opening hours per day of the week (a day absent is a closed day) and the heaviest
 * vehicle that may enter ("no truck over 3.5 t"), or {@link #NO_ACCESS_LIMIT}.
 */
public record DonorSite(String id, GeoPoint location, Map<DayOfWeek, List<TimeWindow>> openingHours,
        double maxGrossWeightKg) {

    public static final double NO_ACCESS_LIMIT = Double.POSITIVE_INFINITY;

    public DonorSite {
        if (id == null || id.isBlank() || location == null) {
            throw new IllegalArgumentException("a site has an id and a location");
        }
        if (!(maxGrossWeightKg > 0)) {
            throw new IllegalArgumentException("site " + id + "'s access limit is positive");
        }
        openingHours = openingHours.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, day -> List.copyOf(day.getValue())));
    }
}
