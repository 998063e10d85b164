package org.boucle.engine.allocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A supply batch as the solver sees it: the recipients it may go to, and what a unit brings to each. */
final class Batch {

    private final SupplyBatch supply;
    private final Lot lot;
    private final List<Recipient> candidates;
    private final Map<Recipient, Offer> offers;
    private final AllocationWeights weights;
    private final TransportModel transport;

    /**
     * @param recipients every recipient: the batch keeps those that accept its units
     * @param assigned recipients a plan made elsewhere gives it whether they accept its units or not: they join its
     *        candidates, for the solver checks that a plan only uses candidates, and the constraints say what is wrong
     */
    Batch(SupplyBatch supply, Lot lot, List<Recipient> recipients, Set<Recipient> assigned, AllocationWeights weights,
            TransportModel transport) {
        this.supply = supply;
        this.lot = lot;
        this.weights = weights;
        this.transport = transport;
        this.candidates = recipients.stream()
                .filter(recipient -> recipient.accepts(supply) || assigned.contains(recipient))
                .toList();
        this.offers = new HashMap<>(candidates.size() * 2);
        candidates.forEach(recipient -> offers.put(recipient, Offer.of(supply, recipient, weights, transport)));
    }

    SupplyBatch supply() {
        return supply;
    }

    /** Null when the batch is not part of a donor's lot. */
    Lot lot() {
        return lot;
    }

    /** The recipients that accept these units: the solver never tries any other. */
    List<Recipient> candidates() {
        return candidates;
    }

    /**
     * What a unit brings to {@code recipient}. A plan made outside the solver (a previous one, re-scored) may pair
     * units with a recipient that does not accept them: their figures are computed then, and hard constraints
     * flag the pairing.
     */
    Offer offerFor(Recipient recipient) {
        Offer offer = offers.get(recipient);
        return offer != null ? offer : Offer.of(supply, recipient, weights, transport);
    }

    @Override
    public String toString() {
        return supply.id();
    }
}
