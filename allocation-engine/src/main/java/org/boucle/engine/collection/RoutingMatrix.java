package org.boucle.engine.collection;

/**
 * Distances and driving times between the places of one problem, by index, in the routing core's own units: metres and
 * seconds for collection plans, thousandths of a unit for the VRPTW benchmark's Euclidean instances.
 */
final class RoutingMatrix {

    private final long[][] distance;
    private final long[][] time;

    RoutingMatrix(long[][] distance, long[][] time) {
        if (distance.length != time.length) {
            throw new IllegalArgumentException("distance and time matrices have the same size");
        }
        this.distance = distance;
        this.time = time;
    }

    long distance(int from, int to) {
        return distance[from][to];
    }

    long time(int from, int to) {
        return time[from][to];
    }
}
