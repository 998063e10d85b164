package org.boucle.marketplace.collection;

import java.nio.file.Path;
import org.boucle.engine.collection.CollectionPlanner;
import org.boucle.engine.collection.HaversineTravel;
import org.boucle.engine.collection.TravelMatrix;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CollectionProperties.class)
class CollectionConfiguration {

    /** One plan solves at a time on an instance: a plan uses a whole core. */
    @Bean(destroyMethod = "close")
    CollectionPlanner collectionPlanner() {
        return new CollectionPlanner();
    }

    /** The road network when an extract is configured (production), else great-circle distances (demo, tests). */
    @Bean
    TravelMatrix collectionTravel(CollectionProperties properties) {
        CollectionProperties.RoadNetwork network = properties.roadNetwork();
        if (network.osmFile().isBlank()) {
            return HaversineTravel.DEFAULT;
        }
        return new RoadNetworkTravel(Path.of(network.osmFile()), Path.of(network.graphDirectory()),
                HaversineTravel.DEFAULT);
    }
}
