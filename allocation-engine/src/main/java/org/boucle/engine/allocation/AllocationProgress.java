package org.boucle.engine.allocation;

import java.time.Duration;

/** A run's new best plan, as it improves. */
public record AllocationProgress(Duration elapsed, PlanScore score, PlanMetrics metrics) {
}
