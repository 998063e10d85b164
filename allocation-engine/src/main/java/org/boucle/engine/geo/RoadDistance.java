package org.boucle.engine.geo;

/**
 * Road distance estimated as the great-circle distance times a detour factor.
 * It is the default travel model when no road network is configured; 1.3 is the
 * usual ratio of road to straight-line distance in a mixed urban and valley territory.
 */
public record RoadDistance(double roadFactor) {

    public static final RoadDistance DEFAULT = new RoadDistance(1.3);

    public RoadDistance {
        if (!(roadFactor >= 1.0 && roadFactor <= 3.0)) {
            throw new IllegalArgumentException("road factor must be within [1, 3]: " + roadFactor);
        }
    }

    public double kilometres(GeoPoint from, GeoPoint to) {
        return from.kilometresTo(to) * roadFactor;
    }
}
