package org.boucle.marketplace.allocation;

import org.boucle.engine.allocation.AllocationSolver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AllocationProperties.class)
class AllocationConfiguration {

    /** One run solves at a time on an instance: a run uses a whole core, and the territory has one run at a time. */
    @Bean(destroyMethod = "close")
    AllocationSolver allocationSolver() {
        return new AllocationSolver();
    }
}
