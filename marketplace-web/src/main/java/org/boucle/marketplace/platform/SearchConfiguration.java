package org.boucle.marketplace.platform;

import org.boucle.search.IndexNamespace;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SearchProperties.class, MapProperties.class})
class SearchConfiguration {

    @Bean
    IndexNamespace indexNamespace(SearchProperties properties) {
        return new IndexNamespace(properties.indexPrefix());
    }
}
