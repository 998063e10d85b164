package org.boucle.marketplace.collection;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.ResponsePath;
import com.graphhopper.config.CHProfile;
import com.graphhopper.config.Profile;
import com.graphhopper.util.GHUtility;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.boucle.engine.collection.TravelMatrix;
import org.boucle.engine.geo.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Road distances and driving times from an OpenStreetMap extract, by GraphHopper's car profile with contraction
 * hierarchies. The graph is built from the extract once and kept in its directory: later starts load it. A place the
 * network does not reach (off the extract, say) falls back to the great-circle model rather than stopping the plan.
 */
final class RoadNetworkTravel implements TravelMatrix, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoadNetworkTravel.class);
    private static final String PROFILE = "car";
    /** Donors' sites and depots barely change: a plan asks the same pairs as the last one. */
    private static final int MAX_CACHED_LEGS = 250_000;

    private final GraphHopper hopper;
    private final TravelMatrix fallback;
    private final Map<String, Leg> legs = new ConcurrentHashMap<>();

    RoadNetworkTravel(Path osmFile, Path graphDirectory, TravelMatrix fallback) {
        this.fallback = fallback;
        this.hopper = new GraphHopper();
        hopper.setOSMFile(osmFile.toString());
        hopper.setGraphHopperLocation(graphDirectory.toString());
        hopper.setEncodedValuesString("car_access, car_average_speed, road_access");
        hopper.setProfiles(new Profile(PROFILE).setCustomModel(GHUtility.loadCustomModelFromJar("car.json")));
        hopper.getCHPreparationHandler().setCHProfiles(new CHProfile(PROFILE));
        long started = System.nanoTime();
        hopper.importOrLoad();
        log.info("Road network from {} ready in {} ms (graph in {})", osmFile, (System.nanoTime() - started) / 1_000_000,
                graphDirectory);
    }

    @Override
    public Leg leg(GeoPoint from, GeoPoint to) {
        String key = from.latitude() + "," + from.longitude() + ">" + to.latitude() + "," + to.longitude();
        Leg cached = legs.get(key);
        if (cached != null) {
            return cached;
        }
        GHResponse response = hopper.route(new GHRequest(from.latitude(), from.longitude(), to.latitude(),
                to.longitude()).setProfile(PROFILE));
        Leg leg;
        if (response.hasErrors()) {
            log.debug("No road between {} and {} ({}): great-circle estimate used", from, to, response.getErrors());
            leg = fallback.leg(from, to);
        } else {
            ResponsePath path = response.getBest();
            leg = new Leg(Math.round(path.getDistance()), Math.round(path.getTime() / 1000.0));
        }
        if (legs.size() < MAX_CACHED_LEGS) {
            legs.put(key, leg);
        }
        return leg;
    }

    @Override
    public void close() {
        hopper.close();
    }
}
