package org.boucle.marketplace.organization;

/** A service an actor offers to the rest of the sector, used to find each other in the directory. */
public enum Offering {
    COLLECTION,
    SORTING,
    DATA_WIPING,
    REFURBISHING,
    REPAIR,
    RESALE,
    WEEE_RECYCLING,
    DEVICE_DISTRIBUTION,
    DIGITAL_TRAINING
}
