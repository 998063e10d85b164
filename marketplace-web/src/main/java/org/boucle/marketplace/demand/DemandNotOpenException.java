package org.boucle.marketplace.demand;

/** A change only an open need accepts (withdrawal, priority), asked of one that is fulfilled or withdrawn. */
class DemandNotOpenException extends RuntimeException {

    DemandNotOpenException(String status) {
        super("This need is " + status + ", not OPEN: it can no longer be changed");
    }
}
