package org.boucle.engine.allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns a problem into the solver's working plan: recipients, lots, and batches cut into planning units. */
final class PlanningUnits {

    /** The largest planning unit: see {@link #sizes}. */
    static final int LARGEST = 4;

    private PlanningUnits() {
    }

    /** The solver's starting point: every batch cut into planning units ({@link #sizes}), none assigned. */
    static AllocationSolution of(AllocationProblem problem) {
        return build(problem, null);
    }

    /**
     * A plan made elsewhere, one planning unit per assignment (and one for what is left of each batch), so that any
     * quantity fits.
     *
     * @throws IllegalArgumentException for assignments to unknown supply or demand, or of more units than a batch has
     */
    static AllocationSolution of(AllocationProblem problem, List<Assignment> assignments) {
        Map<String, Map<String, Integer>> given = new HashMap<>();
        for (Assignment assignment : assignments) {
            given.computeIfAbsent(assignment.supplyId(), id -> new LinkedHashMap<>())
                    .merge(assignment.demandId(), assignment.quantity(), Integer::sum);
        }
        Set<String> unknownSupply = new TreeSet<>(given.keySet());
        problem.supply().forEach(supply -> unknownSupply.remove(supply.id()));
        Set<String> unknownDemands = new TreeSet<>();
        given.values().forEach(byDemand -> unknownDemands.addAll(byDemand.keySet()));
        problem.demands().forEach(demand -> unknownDemands.remove(demand.id()));
        if (!unknownSupply.isEmpty() || !unknownDemands.isEmpty()) {
            throw new IllegalArgumentException("assignments of unknown supply " + unknownSupply + " or to unknown demand "
                    + unknownDemands);
        }
        return build(problem, given);
    }

    /** @param given for a plan made elsewhere, the units of each batch by demand; null for the solver's start */
    private static AllocationSolution build(AllocationProblem problem, Map<String, Map<String, Integer>> given) {
        List<Recipient> recipients = new ArrayList<>();
        Map<String, Recipient> recipientsById = new HashMap<>();
        for (Demand demand : problem.demands()) {
            Recipient recipient = new Recipient(recipients.size(), demand,
                    problem.weights().fairnessCents() * PlanScore.SOFT_PER_CENT);
            recipients.add(recipient);
            recipientsById.put(demand.id(), recipient);
        }
        Map<String, Lot> lots = new HashMap<>();
        List<SupplyUnit> units = new ArrayList<>();
        for (SupplyBatch supply : problem.supply()) {
            Lot lot = supply.lotId() == null ? null : lots.computeIfAbsent(supply.lotId(),
                    id -> new Lot(id, problem.weights().lotSplitCents() * PlanScore.SOFT_PER_CENT));
            Map<String, Integer> plan = given == null ? Map.of() : given.getOrDefault(supply.id(), Map.of());
            Set<Recipient> assigned = Collections.newSetFromMap(new IdentityHashMap<>());
            plan.keySet().forEach(demandId -> assigned.add(recipientsById.get(demandId)));
            Batch batch = new Batch(supply, lot, recipients, assigned, problem.weights(), problem.transport());
            if (given == null) {
                for (int size : sizes(supply.quantity())) {
                    units.add(new SupplyUnit(supply.id() + "#" + units.size(), batch, size));
                }
                continue;
            }
            int left = supply.quantity();
            for (Map.Entry<String, Integer> assignment : plan.entrySet()) {
                SupplyUnit unit = new SupplyUnit(supply.id() + "#" + units.size(), batch, assignment.getValue());
                unit.assign(recipientsById.get(assignment.getKey()));
                units.add(unit);
                left -= assignment.getValue();
            }
            if (left < 0) {
                throw new IllegalArgumentException("assignments give " + (supply.quantity() - left) + " units of supply "
                        + supply.id() + ", which has " + supply.quantity());
            }
            if (left > 0) {
                units.add(new SupplyUnit(supply.id() + "#" + units.size(), batch, left));
            }
        }
        return new AllocationSolution(recipients, new SolidarityFund(problem.solidarityFundBalanceCents()), units);
    }

    /**
     * How a batch is cut: planning units of 1, 2, then {@value #LARGEST} units (the last one what is left). Any quantity
     * of a batch can go to one recipient ({@code 1} and {@code 2} make every remainder), a typical request (a dozen
     * units) is three or four planning units, and 20,000 units make about 7,500 planning units instead of 20,000.
     * What it costs: some splits of one batch between several recipients cannot be made (7 units, cut 1 + 2 + 4,
     * cannot go 3 + 3 + 1). Measured on the benchmark's territories at equal time, planning units of at most 4 beat
     * single units (fewer, larger moves reach more of the plan) and units of up to 8 or doubling sizes (too coarse for
     * requests of a dozen units): see BENCHMARKS.md.
     */
    static int[] sizes(int quantity) {
        List<Integer> sizes = new ArrayList<>();
        int left = quantity;
        for (int size = 1; left > 0; size = Math.min(size * 2, LARGEST)) {
            sizes.add(Math.min(size, left));
            left -= Math.min(size, left);
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
