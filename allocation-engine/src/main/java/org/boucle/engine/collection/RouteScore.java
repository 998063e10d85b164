package org.boucle.engine.collection;

/**
 * A plan's score, level by level, each beating any amount of the next: hard constraints broken (0 when feasible), lots
 * left uncollected weighted by urgency, accepted pickups moved, routes driven, and the cost of driving them in euros.
 * All but the first are penalties, so the best plan has the values nearest 0.
 */
public record RouteScore(long hard, long unservedLots, long acceptedMoved, long routes, double costEuros) {
}
