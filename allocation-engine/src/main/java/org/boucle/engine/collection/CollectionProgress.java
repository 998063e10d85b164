package org.boucle.engine.collection;

import java.time.Duration;

/** A run's new best plan, as it improves: enough for a progress bar and a live figure. */
public record CollectionProgress(Duration elapsed, RouteScore score, boolean feasible, int routes, int unservedLots) {
}
