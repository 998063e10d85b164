package org.boucle.engine.collection;

import java.time.LocalTime;

/** Hours during which a site receives a collector: the pickup starts and ends within them. */
public record TimeWindow(LocalTime opens, LocalTime closes) {

    public TimeWindow {
        if (opens == null || closes == null || !opens.isBefore(closes)) {
            throw new IllegalArgumentException("a time window opens before it closes: " + opens + "–" + closes);
        }
    }
}
