package org.boucle.marketplace.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.boucle.search.IndexNamespace;
import org.boucle.search.catalog.ListingIndex;
import org.boucle.search.catalog.ListingSearch;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
@EnableScheduling
class SearchConfiguration {

    @Bean
    IndexNamespace indexNamespace(SearchProperties properties) {
        return new IndexNamespace(properties.indexPrefix());
    }

    @Bean
    ListingIndex listingIndex(ElasticsearchClient client, IndexNamespace namespace) {
        return new ListingIndex(client, namespace);
    }

    @Bean
    ListingSearch listingSearch(ElasticsearchClient client, IndexNamespace namespace) {
        return new ListingSearch(client, namespace);
    }
}
