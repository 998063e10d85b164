package org.boucle.marketplace.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Background tiles for maps. Empty by default: maps then draw their data on a plain background, which is
 * how they work offline. Production sets e.g. {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}
 * (respecting that server's usage policy) or the territory's own tile server.
 */
@ConfigurationProperties("boucle.map")
public record MapProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String attribution) {
}
