package org.boucle.engine.collection;

import org.boucle.engine.geo.GeoPoint;

/** A workshop's receiving site: every route unloads at one on its way home, and it takes so many devices a day. */
public record Workshop(String id, GeoPoint location, int dailyIntakeDevices) {

    public Workshop {
        if (id == null || id.isBlank() || location == null || dailyIntakeDevices < 0) {
            throw new IllegalArgumentException("a workshop has an id, a location and a daily intake of at least 0");
        }
    }
}
