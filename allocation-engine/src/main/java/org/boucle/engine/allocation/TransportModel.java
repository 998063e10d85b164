package org.boucle.engine.allocation;

import org.boucle.engine.geo.GeoPoint;
import org.boucle.engine.geo.RoadDistance;

/**
 * How far units travel and what it emits: road kilometres from the supply's site to the delivery site, and emissions
 * allocated by weight (tonne-kilometres).
 *
 * @param kgCo2ePerTonneKm default 0.5, an order of magnitude for a light van carrying about half a tonne: a
 *        territory with its own figure (its collectors' fleet) sets it here
 */
public record TransportModel(RoadDistance roads, double kgCo2ePerTonneKm) {

    public static final TransportModel DEFAULT = new TransportModel(RoadDistance.DEFAULT, 0.5);

    public TransportModel {
        if (roads == null || !(kgCo2ePerTonneKm >= 0 && kgCo2ePerTonneKm <= 100)) {
            throw new IllegalArgumentException("a transport model needs a road model and an emission factor within"
                    + " [0, 100] kg CO2e per tonne-km");
        }
    }

    public double kilometres(GeoPoint from, GeoPoint to) {
        return roads.kilometres(from, to);
    }

    /** Emissions of carrying one unit of {@code unitWeightKg} over {@code km}. */
    public double kgCo2ePerUnit(double km, double unitWeightKg) {
        return km * unitWeightKg / 1000 * kgCo2ePerTonneKm;
    }
}
