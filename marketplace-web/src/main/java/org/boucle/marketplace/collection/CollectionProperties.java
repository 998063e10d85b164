package org.boucle.marketplace.collection;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param territory the territory whose pickups a plan routes: one plan solves at a time per territory
 * @param zone where the donors' opening hours and the drivers' shifts are
 * @param maxTimeLimit the longest run one may ask for
 * @param replanTimeLimit how long a re-plan after a cancellation or a breakdown solves
 * @param heartbeat how often the instance solving a plan records that it still does, and its latest best score
 * @param heartbeatTimeout a running plan whose heartbeat is older than this has crashed, and is marked failed
 * @param sweepInterval how often each instance looks for such plans
 * @param roadNetwork where road distances come from; without an extract, great-circle distances times a road factor
 */
@ConfigurationProperties("boucle.collection")
public record CollectionProperties(@DefaultValue("grenoble-alpes-metropole") String territory,
        @DefaultValue("Europe/Paris") ZoneId zone, @DefaultValue("10m") Duration maxTimeLimit,
        @DefaultValue("20s") Duration replanTimeLimit, @DefaultValue("1s") Duration heartbeat,
        @DefaultValue("30s") Duration heartbeatTimeout, @DefaultValue("10s") Duration sweepInterval,
        @DefaultValue RoadNetwork roadNetwork) {

    /**
     * @param osmFile an OpenStreetMap extract (.osm.pbf or .osm) of the territory and its surroundings; empty: none
     * @param graphDirectory where the road graph built from it is kept between starts
     */
    public record RoadNetwork(@DefaultValue("") String osmFile, @DefaultValue("graphhopper") String graphDirectory) {
    }
}
