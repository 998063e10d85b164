package org.boucle.engine.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds working plans by hand for the constraint tests: the same model the solver gets, assigned as the test says. */
final class Plans {

    private final AllocationSolution solution;

    Plans(AllocationProblem problem) {
        this.solution = PlanningUnits.of(problem);
    }

    /** Gives exactly {@code quantity} free units of the batch to the demand (whatever they accept). */
    Plans give(String supplyId, int quantity, String demandId) {
        Recipient recipient = recipient(demandId);
        List<SupplyUnit> free = new ArrayList<>(solution.units().stream()
                .filter(unit -> unit.batch().supply().id().equals(supplyId) && unit.recipient() == null)
                .toList());
        free.sort(Comparator.comparingInt(SupplyUnit::size).reversed());
        int left = quantity;
        for (SupplyUnit unit : free) {
            if (unit.size() <= left) {
                unit.assign(recipient);
                left -= unit.size();
            }
        }
        if (left != 0) {
            throw new IllegalArgumentException("cannot give exactly " + quantity + " units of " + supplyId);
        }
        return this;
    }

    Recipient recipient(String demandId) {
        return solution.recipients().stream().filter(r -> r.id().equals(demandId)).findFirst().orElseThrow();
    }

    /** Every fact and entity, as the constraint verifier wants them. */
    Object[] facts() {
        List<Object> facts = new ArrayList<>(solution.units());
        facts.addAll(solution.recipients());
        facts.add(solution.fund());
        return facts.toArray();
    }

    AllocationSolution solution() {
        return solution;
    }
}
