package org.boucle.marketplace.demand;

import java.util.List;

/** A coordinator's weighing of an association's need: 1 (default) to 10, the criteria applied, and why. */
public record PriorityRequest(Integer socialPriority, List<String> criteria, String note) {
}
