package org.boucle.engine.collection;

import org.boucle.engine.geo.GeoPoint;
import org.boucle.engine.geo.RoadDistance;

/**
 * Great-circle distance times a road factor, driven at an average speed: the default travel model when no road network
 * is configured. 35 km/h is a van's mean over a mixed urban and valley territory, stops at lights included.
 */
public record HaversineTravel(RoadDistance road, double averageKmPerHour) implements TravelMatrix {

    public static final HaversineTravel DEFAULT = new HaversineTravel(RoadDistance.DEFAULT, 35);

    public HaversineTravel {
        if (road == null) {
            throw new IllegalArgumentException("a road model is required");
        }
        if (!(averageKmPerHour >= 5 && averageKmPerHour <= 130)) {
            throw new IllegalArgumentException("average speed must be within [5, 130] km/h: " + averageKmPerHour);
        }
    }

    @Override
    public Leg leg(GeoPoint from, GeoPoint to) {
        double km = road.kilometres(from, to);
        return new Leg(Math.round(km * 1000), Math.round(km / averageKmPerHour * 3600));
    }
}
