package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The first plan, so that local search starts close to a good one instead of from nothing: a greedy in which
 * recipients take turns, each taking a planning unit of its best next batch, valued per unit with the figures the
 * constraints use (social value, revenue, transport, the decrease of the recipient's fairness penalty, and a lot's
 * extra recipient spread over the units it would carry).
 *
 * <ul>
 * <li>Order by regret: a batch goes first where it would lose most by going anywhere else. Associations value every
 * unit of a category alike, buyers only some; by plain value, associations would take the units buyers need and leave
 * them units nobody else wants.</li>
 * <li>Viability is one budget for the whole plan, which no pair-by-pair rule keeps: each pair's net draw on the fund
 * is priced at λ per euro, and λ is the lowest price (by bisection) at which the greedy's plan stays within the
 * fund.</li>
 * </ul>
 */
final class GreedyConstruction implements PhaseCommand<AllocationSolution> {

    private static final int BISECTIONS = 8;
    private static final int LOOK_AHEAD = 32;
    private static final double MAX_PRICE = 1 << 20;

    @Override
    public void changeWorkingSolution(ScoreDirector<AllocationSolution> scoreDirector, BooleanSupplier isPhaseTerminated) {
        AllocationSolution solution = scoreDirector.getWorkingSolution();
        Greedy greedy = new Greedy(solution);
        Fill plan = greedy.fill(0);
        if (!plan.viable()) {
            double low = 0;
            double high = 1;
            plan = greedy.fill(high);
            while (!plan.viable() && high < MAX_PRICE && !isPhaseTerminated.getAsBoolean()) {
                low = high;
                high *= 4;
                plan = greedy.fill(high);
            }
            for (int i = 0; i < BISECTIONS && !isPhaseTerminated.getAsBoolean(); i++) {
                double price = (low + high) / 2;
                Fill candidate = greedy.fill(price);
                if (candidate.viable()) {
                    high = price;
                    plan = candidate;
                } else {
                    low = price;
                }
            }
        }
        if (plan.viable()) {
            greedy.apply(plan, scoreDirector);
        }
    }

    /** What a pass decided: for each source, the sizes of planning units given to each recipient. */
    private record Fill(List<Map<Recipient, List<Integer>>> given, boolean viable) {
    }

    /** A batch's planning units, grouped by size, largest first. */
    private static final class Source {

        final Batch batch;
        final int[] sizes;
        final List<List<SupplyUnit>> units;
        final int lot;
        final Recipient[] candidates;
        final Offer[] offers;

        Source(Batch batch, List<SupplyUnit> batchUnits, int lot) {
            this.batch = batch;
            this.lot = lot;
            this.candidates = batch.candidates().toArray(Recipient[]::new);
            this.offers = new Offer[candidates.length];
            for (int k = 0; k < candidates.length; k++) {
                offers[k] = batch.offerFor(candidates[k]);
            }
            TreeMap<Integer, List<SupplyUnit>> bySize = new TreeMap<>(Comparator.reverseOrder());
            batchUnits.forEach(unit -> bySize.computeIfAbsent(unit.size(), size -> new ArrayList<>()).add(unit));
            this.sizes = bySize.keySet().stream().mapToInt(Integer::intValue).toArray();
            this.units = List.copyOf(bySize.values());
        }
    }

    private static final class Greedy {

        private final List<Source> sources = new ArrayList<>();
        private final List<Recipient> recipients;
        private final List<Lot> lots = new ArrayList<>();
        private final long balanceMicros;

        Greedy(AllocationSolution solution) {
            Map<Batch, List<SupplyUnit>> batches = new LinkedHashMap<>();
            solution.units().forEach(unit -> batches.computeIfAbsent(unit.batch(), b -> new ArrayList<>()).add(unit));
            Map<Lot, Integer> lotIndex = new IdentityHashMap<>();
            batches.forEach((batch, units) -> {
                int lot = -1;
                if (batch.lot() != null) {
                    lot = lotIndex.computeIfAbsent(batch.lot(), l -> {
                        lots.add(l);
                        return lots.size() - 1;
                    });
                }
                sources.add(new Source(batch, units, lot));
            });
            this.recipients = solution.recipients();
            this.balanceMicros = solution.fund().balanceCents() * PlanScore.SOFT_PER_CENT;
        }

        /**
         * A pair: a source and its k-th candidate, its value per unit before anything is handed out, and its regret
         * then (that value less the source's best other use), by which the recipient orders its pairs.
         */
        private record Pair(int source, int candidate, double value, double regret) {
        }

        /** A recipient's turn: the priority of its next pair when computed, and a sequence for ties. */
        private record Turn(int recipient, double priority, long sequence) {
        }

        /**
         * The greedy plan when each micro-euro drawn from the fund costs {@code price}. Each recipient takes its pairs
         * in order of regret; recipients take turns by the regret of their next pair, so that a unit given only
         * changes the giver's and the taker's next steps.
         */
        Fill fill(double price) {
            Pass pass = new Pass(price);
            // Regret against each batch's best other use, valued before anything is handed out.
            List<List<Pair>> pairs = new ArrayList<>();
            recipients.forEach(recipient -> pairs.add(new ArrayList<>()));
            for (int s = 0; s < sources.size(); s++) {
                Source source = sources.get(s);
                double[] values = new double[source.candidates.length];
                double best = 0;
                double second = 0;
                for (int k = 0; k < values.length; k++) {
                    values[k] = pass.valuePerUnit(s, k);
                    if (values[k] > best) {
                        second = best;
                        best = values[k];
                    } else if (values[k] > second) {
                        second = values[k];
                    }
                }
                for (int k = 0; k < values.length; k++) {
                    if (values[k] > 0) {
                        double regret = values[k] - (values[k] >= best ? second : best);
                        pairs.get(source.candidates[k].index()).add(new Pair(s, k, values[k], regret));
                    }
                }
            }
            int[] next = new int[recipients.size()];
            PriorityQueue<Turn> turns = new PriorityQueue<>(
                    Comparator.comparingDouble(Turn::priority).reversed().thenComparingLong(Turn::sequence));
            long sequence = 0;
            for (int d = 0; d < recipients.size(); d++) {
                List<Pair> own = pairs.get(d);
                own.sort(Comparator.comparingDouble(Pair::regret).reversed());
                double priority = pass.priority(own, next, d);
                if (priority > Double.NEGATIVE_INFINITY) {
                    turns.add(new Turn(d, priority, sequence++));
                }
            }
            while (!turns.isEmpty()) {
                Turn turn = turns.poll();
                List<Pair> own = pairs.get(turn.recipient());
                double priority = pass.priority(own, next, turn.recipient());
                if (priority == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                if (!turns.isEmpty() && priority < turns.peek().priority()) {
                    turns.add(new Turn(turn.recipient(), priority, sequence++)); // its turn comes later
                    continue;
                }
                Pair pair = own.get(next[turn.recipient()]);
                pass.give(pair.source(), pair.candidate());
                priority = pass.priority(own, next, turn.recipient());
                if (priority > Double.NEGATIVE_INFINITY) {
                    turns.add(new Turn(turn.recipient(), priority, sequence++));
                }
            }
            return new Fill(pass.given, pass.drawMicros <= balanceMicros);
        }

        void apply(Fill fill, ScoreDirector<AllocationSolution> scoreDirector) {
            for (int s = 0; s < sources.size(); s++) {
                Source source = sources.get(s);
                List<List<SupplyUnit>> free = new ArrayList<>();
                source.units.forEach(units -> free.add(new ArrayList<>(units)));
                for (Map.Entry<Recipient, List<Integer>> given : fill.given().get(s).entrySet()) {
                    for (int size : given.getValue()) {
                        List<SupplyUnit> ofSize = free.get(position(source.sizes, size));
                        SupplyUnit unit = ofSize.remove(ofSize.size() - 1);
                        scoreDirector.beforeVariableChanged(unit, "recipient");
                        unit.assign(given.getKey());
                        scoreDirector.afterVariableChanged(unit, "recipient");
                    }
                }
            }
            scoreDirector.triggerVariableListeners();
        }

        private static int position(int[] sizes, int size) {
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] == size) {
                    return i;
                }
            }
            throw new IllegalStateException("no planning unit of size " + size);
        }

        /** One greedy pass: what is still free, what each recipient and lot has received. */
        private final class Pass {

            final double price;
            final int[][] free = new int[sources.size()][];
            final int[] served = new int[recipients.size()];
            final int[] lotFree = new int[lots.size()];
            final List<Map<Recipient, Integer>> lotRecipients = new ArrayList<>();
            final List<Map<Recipient, List<Integer>>> given = new ArrayList<>();
            long drawMicros;

            Pass(double price) {
                this.price = price;
                for (int s = 0; s < sources.size(); s++) {
                    Source source = sources.get(s);
                    free[s] = new int[source.sizes.length];
                    for (int i = 0; i < source.sizes.length; i++) {
                        free[s][i] = source.units.get(i).size();
                        if (source.lot >= 0) {
                            lotFree[source.lot] += source.sizes[i] * free[s][i];
                        }
                    }
                    given.add(new LinkedHashMap<>());
                }
                lots.forEach(lot -> lotRecipients.add(new IdentityHashMap<>()));
            }

            /** The size of the largest free planning unit of the source that fits the recipient's room; 0 if none. */
            int fitting(int s, Recipient recipient) {
                int room = recipient.quantity() - served[recipient.index()];
                int[] sizes = sources.get(s).sizes;
                for (int i = 0; i < sizes.length; i++) {
                    if (free[s][i] > 0 && sizes[i] <= room) {
                        return sizes[i];
                    }
                }
                return 0;
            }

            /**
             * The regret of the recipient's next pair worth giving, with its value brought up to date, skipping for good
             * the pairs that no longer are (values only fall as the plan fills); negative infinity when none is left.
             */
            double priority(List<Pair> own, int[] next, int d) {
                while (next[d] < own.size()) {
                    // The best of the next few pairs by current regret: a lot the recipient already receives costs
                    // no extra delivery, which the order computed up front cannot know.
                    double best = Double.NEGATIVE_INFINITY;
                    int bestAt = -1;
                    for (int i = next[d]; i < Math.min(own.size(), next[d] + LOOK_AHEAD); i++) {
                        Pair pair = own.get(i);
                        double value = valuePerUnit(pair.source(), pair.candidate());
                        if (value > 0 && pair.regret() - pair.value() + value > best) {
                            best = pair.regret() - pair.value() + value;
                            bestAt = i;
                        }
                    }
                    if (bestAt >= 0) {
                        Collections.swap(own, next[d], bestAt);
                        return best;
                    }
                    next[d] = Math.min(own.size(), next[d] + LOOK_AHEAD);
                }
                return Double.NEGATIVE_INFINITY;
            }

            /** What giving the source's largest fitting planning unit to its k-th candidate adds, per unit; 0 if none. */
            double valuePerUnit(int s, int k) {
                Source source = sources.get(s);
                Recipient recipient = source.candidates[k];
                int size = fitting(s, recipient);
                if (size == 0) {
                    return 0;
                }
                Offer offer = source.offers[k];
                double value = size * (offer.unitValueMicros() - price * netDrawMicros(offer));
                if (recipient.isAssociation()) {
                    int before = served[recipient.index()];
                    value += recipient.fairnessPenaltyMicros(before) - recipient.fairnessPenaltyMicros(before + size);
                }
                if (source.lot >= 0 && !lotRecipients.get(source.lot).containsKey(recipient)) {
                    // A new recipient of the lot: one more delivery, spread over the units it would carry.
                    int room = recipient.quantity() - served[recipient.index()];
                    int carried = Math.max(size, Math.min(lotFree[source.lot], room));
                    value -= (double) size * lots.get(source.lot).splitPenaltyMicros() / carried;
                }
                return value / size;
            }

            void give(int s, int k) {
                Source source = sources.get(s);
                Recipient recipient = source.candidates[k];
                int size = fitting(s, recipient);
                free[s][position(source.sizes, size)]--;
                served[recipient.index()] += size;
                given.get(s).computeIfAbsent(recipient, r -> new ArrayList<>()).add(size);
                drawMicros += size * netDrawMicros(source.offers[k]);
                if (source.lot >= 0) {
                    lotFree[source.lot] -= size;
                    lotRecipients.get(source.lot).merge(recipient, size, Integer::sum);
                }
            }
        }
    }

    private static long netDrawMicros(Offer offer) {
        return (offer.subsidyCents() - offer.solidarityShareCents()) * PlanScore.SOFT_PER_CENT;
    }
}
