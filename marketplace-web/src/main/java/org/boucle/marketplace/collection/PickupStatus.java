package org.boucle.marketplace.collection;

/** Where a pickup stands. Only a scheduled pickup changes: it is then cancelled, moved by a re-plan, or collected. */
public enum PickupStatus {
    SCHEDULED, CANCELLED, MOVED, COLLECTED
}
