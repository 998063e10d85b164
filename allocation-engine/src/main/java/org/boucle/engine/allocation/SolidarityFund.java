package org.boucle.engine.allocation;

/** What the solidarity fund holds before the plan. */
record SolidarityFund(long balanceCents) {
}
