package org.boucle.marketplace.catalog;

/** Whether buyers see a listing. WITHDRAWN is final: a withdrawn listing is never shown or changed again. */
public enum ListingStatus {
    ACTIVE,
    PAUSED,
    WITHDRAWN
}
