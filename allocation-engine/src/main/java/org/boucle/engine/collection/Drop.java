package org.boucle.engine.collection;

/** A workshop in the routing core: where routes unload, at a place of the matrix, so many devices a day. */
record Drop(String id, int place, int dailyIntake) {
}
