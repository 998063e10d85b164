package org.boucle.engine.collection;

import org.boucle.engine.geo.GeoPoint;

/**
 * Distance and driving time between two places. The default is {@link HaversineTravel}; a road network (GraphHopper on
 * an OpenStreetMap extract, say) plugs in here for production. The planner asks once per pair of places of a problem.
 */
@FunctionalInterface
public interface TravelMatrix {

    Leg leg(GeoPoint from, GeoPoint to);

    /** One way between two places: metres and seconds, both at least 0. */
    record Leg(long metres, long seconds) {

        public Leg {
            if (metres < 0 || seconds < 0) {
                throw new IllegalArgumentException("a leg has no negative length or time: " + metres + " m, " + seconds + " s");
            }
        }
    }
}
