package org.boucle.engine.allocation;

/** A donor's lot, which may span several batches: the plan prefers to send it to as few recipients as it can. */
final class Lot {

    private final String id;
    private final long splitPenaltyMicros;

    Lot(String id, long splitPenaltyMicros) {
        this.id = id;
        this.splitPenaltyMicros = splitPenaltyMicros;
    }

    String id() {
        return id;
    }

    long splitPenaltyMicros() {
        return splitPenaltyMicros;
    }

    @Override
    public String toString() {
        return id;
    }
}
