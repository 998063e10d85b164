package org.boucle.marketplace.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Boucle's search indices live. The connection itself is Spring Boot's {@code spring.elasticsearch.*}.
 *
 * @param indexPrefix prefix of every index and alias Boucle owns; the demo and the tests use different ones
 */
@ConfigurationProperties("boucle.search")
public record SearchProperties(@DefaultValue("boucle") String indexPrefix) {
}
