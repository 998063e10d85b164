package org.boucle.marketplace.traceability;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CustodyProperties.class, WipeCertificateProperties.class})
class CustodyConfiguration {
}
