package org.boucle.engine.allocation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run allocates: the territory's supply and demand, what the solidarity fund holds, and how to weigh the
 * soft goals.
 *
 * @param solidarityFundBalanceCents what the fund holds before the plan; the plan's subsidies may use it plus the
 *        solidarity share of the plan's own sales, never more
 */
public record AllocationProblem(List<SupplyBatch> supply, List<Demand> demands, long solidarityFundBalanceCents,
        AllocationWeights weights, TransportModel transport) {

    public AllocationProblem {
        supply = List.copyOf(withoutNulls(supply, "supply"));
        demands = List.copyOf(withoutNulls(demands, "demands"));
        Objects.requireNonNull(weights, "weights are required (AllocationWeights.DEFAULT)");
        Objects.requireNonNull(transport, "transport is required (TransportModel.DEFAULT)");
        if (solidarityFundBalanceCents < 0) {
            throw new IllegalArgumentException("the solidarity fund's balance is at least 0");
        }
        requireUniqueIds("supply", supply.stream().map(SupplyBatch::id).toList());
        requireUniqueIds("demand", demands.stream().map(Demand::id).toList());
    }

    public AllocationProblem(List<SupplyBatch> supply, List<Demand> demands, long solidarityFundBalanceCents) {
        this(supply, demands, solidarityFundBalanceCents, AllocationWeights.DEFAULT, TransportModel.DEFAULT);
    }

    private static <T> List<T> withoutNulls(List<T> entries, String what) {
        Objects.requireNonNull(entries, () -> what + " is required");
        if (entries.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " has an empty (null) entry");
        }
        return entries;
    }

    private static void requireUniqueIds(String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("two " + what + " entries have the id " + id);
            }
        }
    }
}
