package org.boucle.marketplace.collection;

import org.boucle.engine.collection.CollectionPlanner;
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
}
