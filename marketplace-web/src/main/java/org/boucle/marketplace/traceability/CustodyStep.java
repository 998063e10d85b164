package org.boucle.marketplace.traceability;

/** One step of a device's custody, in the order a device usually goes through them. */
public enum CustodyStep {
    /** The donor announces the device for decommissioning: it releases it to be collected. */
    ANNOUNCED,
    /** A collector took it from the donor (route and vehicle references). */
    COLLECTED,
    /** A workshop received it from the collector. */
    RECEIVED,
    SORTED,
    /** Its storage media were wiped (method, tool, operator, result, each medium's serial). */
    DATA_WIPED,
    /** Graded A, B or C on the shared scale. */
    GRADED,
    /** Repaired or refurbished (parts replaced). */
    REFURBISHED,
    LISTED,
    RESERVED,
    SOLD,
    /** Given to an association; the recipient may stay anonymous. */
    DONATED,
    /** Sent to recycling through a WEEE channel. */
    RECYCLED,
    /** Taken apart for parts. */
    DISMANTLED;

    /** After these steps the device has left the chain: nothing more is recorded. */
    boolean isFinal() {
        return reuses() || recycles();
    }

    /** Sold or given: the device goes on to a second life. What impact and reports count as reused. */
    public boolean reuses() {
        return this == SOLD || this == DONATED;
    }

    /** Recycled through a WEEE channel or taken apart for parts: the device ends as materials or spares. */
    public boolean recycles() {
        return this == RECYCLED || this == DISMANTLED;
    }
}
