package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/**
 * A planning unit: some identical units of one batch that go to the same recipient, or to none. Batches are cut
 * into planning units by {@link PlanningUnits}.
 */
@PlanningEntity
final class SupplyUnit {

    @PlanningId
    private String id;
    private Batch batch;
    private int size;
    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "candidates")
    private Recipient recipient;
    /** The offer of the recipient it was last asked for: constraints ask for it on every move. */
    private Recipient offerRecipient;
    private Offer offer;

    SupplyUnit(String id, Batch batch, int size) {
        this.id = id;
        this.batch = batch;
        this.size = size;
    }

    @SuppressWarnings("unused") // for the solver's solution cloner
    private SupplyUnit() {
    }

    String id() {
        return id;
    }

    Batch batch() {
        return batch;
    }

    int size() {
        return size;
    }

    Recipient recipient() {
        return recipient;
    }

    void assign(Recipient recipient) {
        this.recipient = recipient;
    }

    @ValueRangeProvider(id = "candidates")
    List<Recipient> candidates() {
        return batch.candidates();
    }

    /** What these units bring to their recipient; only for an assigned unit. */
    Offer offer() {
        if (offerRecipient != recipient) {
            offer = batch.offerFor(recipient);
            offerRecipient = recipient;
        }
        return offer;
    }

    @Override
    public String toString() {
        return id + "->" + recipient;
    }
}
