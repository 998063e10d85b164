package org.boucle.engine.collection;

import java.time.Duration;

/** Time spent at a stop: parking and paperwork, then loading each device; and unloading a route at a workshop. */
public record ServiceTime(Duration perStop, Duration perDevice, Duration unloading) {

    public static final ServiceTime DEFAULT = new ServiceTime(Duration.ofMinutes(10), Duration.ofSeconds(30),
            Duration.ofMinutes(20));

    public ServiceTime {
        if (perStop == null || perDevice == null || unloading == null || perStop.isNegative() || perDevice.isNegative()
                || unloading.isNegative()) {
            throw new IllegalArgumentException("service times are at least 0");
        }
    }

    long seconds(int devices) {
        return perStop.toSeconds() + devices * perDevice.toSeconds();
    }
}
