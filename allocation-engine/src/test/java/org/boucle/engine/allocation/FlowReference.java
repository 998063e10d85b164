package org.boucle.engine.allocation;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's exact reference, computed outside the solver: the best soft score any plan can reach, from above,
 * and the best plan found on the way, from below.
 *
 * <p>Relaxation: units move one by one (no planning units), and a lot's extra recipient costs {@code w} only in
 * proportion: {@code w × units / min(lot size, requested)} per lot and demand, which never exceeds the real cost of a
 * pair that exists (its units are at most that minimum), with the first recipient of each lot given back as
 * {@code +w}. What is left is a min-cost flow (batch → demand → sink, with one unit arc per requested unit of an
 * association whose cost is the fairness penalty's decrease, convex, so those arcs fill in order) plus one side
 * constraint, viability, which is dualised: for every λ ≥ 0, the flow's optimum minus λ × (net subsidies − balance)
 * bounds the true optimum from above. The bound is minimised over λ by bisection on the subgradient; each flow that
 * respects viability is a real plan, which the benchmark scores with the engine itself.
 */
final class FlowReference {

    /** The best bound from above and the best real plan found below it. */
    record Result(long upperBound, double bestLambda, List<Assignment> bestPlan, int flows, long millis) {
    }

    private record Arc(Batch batch, Recipient recipient, long valueMicros, long netDrawMicros) {
    }

    private final AllocationSolution model;
    private final List<Batch> batches;
    private final List<Arc> arcs = new ArrayList<>();
    private final long constantMicros;
    private final long balanceMicros;
    private final long totalUnits;

    FlowReference(AllocationProblem problem) {
        Loader.loadNativeLibraries();
        this.model = PlanningUnits.of(problem);
        Set<Batch> distinct = new LinkedHashSet<>();
        model.units().forEach(unit -> distinct.add(unit.batch()));
        this.batches = List.copyOf(distinct);
        Map<Lot, Integer> lotSizes = new IdentityHashMap<>();
        for (Batch batch : batches) {
            if (batch.lot() != null) {
                lotSizes.merge(batch.lot(), batch.supply().quantity(), Integer::sum);
            }
        }
        long constant = 0;
        for (Lot lot : lotSizes.keySet()) {
            constant += lot.splitPenaltyMicros();
        }
        for (Recipient recipient : model.recipients()) {
            if (recipient.isAssociation()) {
                constant -= recipient.fairnessPenaltyMicros(0);
            }
        }
        this.constantMicros = constant;
        long units = 0;
        for (Batch batch : batches) {
            units += batch.supply().quantity();
            for (Recipient recipient : batch.candidates()) {
                Offer offer = batch.offerFor(recipient);
                long value = offer.socialValueMicros() + offer.chainValueMicros() - offer.transportCostMicros();
                if (batch.lot() != null) {
                    int most = Math.min(lotSizes.get(batch.lot()), recipient.quantity());
                    value -= (batch.lot().splitPenaltyMicros() + most - 1) / most;
                }
                arcs.add(new Arc(batch, recipient, value,
                        (offer.subsidyCents() - offer.solidarityShareCents()) * PlanScore.SOFT_PER_CENT));
            }
        }
        this.totalUnits = units;
        this.balanceMicros = model.fund().balanceCents() * PlanScore.SOFT_PER_CENT;
    }

    /** One flow for a given λ: its plan, value and net draw on the fund. */
    private record Flow(Map<Arc, Long> units, long valueMicros, long netDrawMicros) {
    }

    Result solve(int iterations) {
        long start = System.nanoTime();
        double low = 0;
        double high = 1;
        Flow atZero = flow(0);
        long best = bound(atZero, 0);
        double bestLambda = 0;
        Flow bestFeasible = null;
        int flows = 1;
        if (atZero.netDrawMicros() <= balanceMicros) {
            bestFeasible = atZero;
        } else {
            // Double λ until viability holds, then bisect.
            while (true) {
                Flow flow = flow(high);
                flows++;
                long bound = bound(flow, high);
                if (bound < best) {
                    best = bound;
                    bestLambda = high;
                }
                if (flow.netDrawMicros() <= balanceMicros) {
                    bestFeasible = flow;
                    break;
                }
                low = high;
                high *= 2;
            }
            for (int i = 0; i < iterations; i++) {
                double lambda = (low + high) / 2;
                Flow flow = flow(lambda);
                flows++;
                long bound = bound(flow, lambda);
                if (bound < best) {
                    best = bound;
                    bestLambda = lambda;
                }
                if (flow.netDrawMicros() <= balanceMicros) {
                    high = lambda;
                    if (flow.valueMicros() > bestFeasible.valueMicros()) {
                        bestFeasible = flow;
                    }
                } else {
                    low = lambda;
                }
            }
        }
        List<Assignment> plan = new ArrayList<>();
        bestFeasible.units().forEach((arc, units) -> plan.add(
                new Assignment(arc.batch().supply().id(), arc.recipient().id(), Math.toIntExact(units))));
        return new Result(best, bestLambda, plan, flows, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * L(λ) for the flow that is optimal at λ, plus what rounding λ × draw to whole micro-euros in the arc costs could
     * hide (half a micro-euro per unit, twice).
     */
    private long bound(Flow flow, double lambda) {
        return flow.valueMicros() - Math.round(lambda * (flow.netDrawMicros() - balanceMicros)) + totalUnits;
    }

    private Flow flow(double lambda) {
        MinCostFlow flow = new MinCostFlow();
        try {
            int source = 0;
            int sink = 1;
            Map<Batch, Integer> batchNodes = new IdentityHashMap<>();
            Map<Recipient, Integer> recipientNodes = new HashMap<>();
            int next = 2;
            for (Batch batch : batches) {
                batchNodes.put(batch, next++);
            }
            for (Recipient recipient : model.recipients()) {
                recipientNodes.put(recipient, next++);
            }
            flow.setNodeSupply(source, totalUnits);
            flow.setNodeSupply(sink, -totalUnits);
            flow.addArcWithCapacityAndUnitCost(source, sink, totalUnits, 0); // units left unassigned
            for (Batch batch : batches) {
                flow.addArcWithCapacityAndUnitCost(source, batchNodes.get(batch), batch.supply().quantity(), 0);
            }
            int[] pairArcs = new int[arcs.size()];
            for (int i = 0; i < arcs.size(); i++) {
                Arc arc = arcs.get(i);
                long cost = -arc.valueMicros() + Math.round(lambda * arc.netDrawMicros());
                pairArcs[i] = flow.addArcWithCapacityAndUnitCost(batchNodes.get(arc.batch()),
                        recipientNodes.get(arc.recipient()), Math.min(arc.batch().supply().quantity(),
                                arc.recipient().quantity()), cost);
            }
            for (Recipient recipient : model.recipients()) {
                int node = recipientNodes.get(recipient);
                if (recipient.isAssociation()) {
                    for (int k = 1; k <= recipient.quantity(); k++) {
                        long gain = recipient.fairnessPenaltyMicros(k - 1) - recipient.fairnessPenaltyMicros(k);
                        flow.addArcWithCapacityAndUnitCost(node, sink, 1, -gain);
                    }
                } else {
                    flow.addArcWithCapacityAndUnitCost(node, sink, recipient.quantity(), 0);
                }
            }
            MinCostFlowBase.Status status = flow.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("min-cost flow: " + status);
            }
            Map<Arc, Long> units = new IdentityHashMap<>();
            long value = constantMicros;
            long draw = 0;
            Map<Recipient, Long> served = new IdentityHashMap<>();
            for (int i = 0; i < arcs.size(); i++) {
                long x = flow.getFlow(pairArcs[i]);
                if (x > 0) {
                    Arc arc = arcs.get(i);
                    units.put(arc, x);
                    value += x * arc.valueMicros();
                    draw += x * arc.netDrawMicros();
                    served.merge(arc.recipient(), x, Long::sum);
                }
            }
            for (Map.Entry<Recipient, Long> entry : served.entrySet()) {
                Recipient recipient = entry.getKey();
                if (recipient.isAssociation()) {
                    value += recipient.fairnessPenaltyMicros(0) - recipient.fairnessPenaltyMicros(entry.getValue());
                }
            }
            return new Flow(units, value, draw);
        } finally {
            flow.delete();
        }
    }
}
