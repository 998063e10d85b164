package org.boucle.marketplace.quota.supply;

/** Devices retired in one month of the year ("2026-03"), and how many of them went to reuse. */
public record MonthFigures(String month, long retired, long retiredToReuse) {
}
