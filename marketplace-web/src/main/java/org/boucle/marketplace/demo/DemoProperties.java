package org.boucle.marketplace.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param seed seed the demo territory at start-up (infra/demo and the tests turn it on)
 * @param password the password of every demo login
 */
@ConfigurationProperties("boucle.demo")
public record DemoProperties(@DefaultValue("false") boolean seed, @DefaultValue("demo") String password) {
}
