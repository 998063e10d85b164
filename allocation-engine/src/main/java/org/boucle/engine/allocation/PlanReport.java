package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.boucle.engine.allocation.Justifications.AboutDemand;

/** Reads a solved working plan back into the published figures. */
final class PlanReport {

    private PlanReport() {
    }

    static PlanScore score(HardSoftLongScore score) {
        return new PlanScore(score.hardScore(), score.softScore());
    }

    static List<Assignment> assignments(AllocationSolution solution) {
        Map<String, Map<String, Integer>> units = new HashMap<>();
        for (SupplyUnit unit : solution.units()) {
            if (unit.recipient() != null) {
                units.computeIfAbsent(unit.batch().supply().id(), id -> new HashMap<>())
                        .merge(unit.recipient().id(), unit.size(), Integer::sum);
            }
        }
        List<Assignment> assignments = new ArrayList<>();
        units.forEach((supplyId, byDemand) -> byDemand.forEach(
                (demandId, quantity) -> assignments.add(new Assignment(supplyId, demandId, quantity))));
        assignments.sort(Comparator.comparing(Assignment::supplyId).thenComparing(Assignment::demandId));
        return assignments;
    }

    static PlanMetrics metrics(AllocationSolution solution) {
        int toAssociations = 0;
        int sold = 0;
        long revenue = 0;
        long subsidies = 0;
        long income = 0;
        double avoidedKg = 0;
        Map<Batch, Set<Recipient>> deliveries = new LinkedHashMap<>();
        for (SupplyUnit unit : solution.units()) {
            Recipient recipient = unit.recipient();
            if (recipient == null) {
                continue;
            }
            Offer offer = unit.offer();
            int size = unit.size();
            if (recipient.isAssociation()) {
                toAssociations += size;
            } else {
                sold += size;
            }
            revenue += size * offer.paidCents();
            subsidies += size * offer.subsidyCents();
            income += size * offer.solidarityShareCents();
            avoidedKg += size * (unit.batch().supply().avoidedCo2eKgPerUnit() - offer.transportKgCo2e());
            deliveries.computeIfAbsent(unit.batch(), batch -> new LinkedHashSet<>()).add(recipient);
        }
        double km = 0;
        for (Map.Entry<Batch, Set<Recipient>> delivery : deliveries.entrySet()) {
            for (Recipient recipient : delivery.getValue()) {
                km += delivery.getKey().offerFor(recipient).km();
            }
        }
        return new PlanMetrics(toAssociations, sold, revenue, subsidies, Math.max(0, subsidies - income), km, avoidedKg);
    }

    static AllocationPlan plan(AllocationSolution solution, ScoreAnalysis<HardSoftLongScore> analysis) {
        Map<AllocationConstraint, long[]> totals = new EnumMap<>(AllocationConstraint.class);
        Map<String, Map<AllocationConstraint, long[]>> byDemand = new HashMap<>();
        for (ConstraintAnalysis<HardSoftLongScore> constraint : analysis.constraintAnalyses()) {
            AllocationConstraint which = AllocationConstraint.byId(constraint.constraintName());
            add(totals.computeIfAbsent(which, c -> new long[2]), constraint.score());
            if (constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                if (match.justification() instanceof AboutDemand about) {
                    add(byDemand.computeIfAbsent(about.demandId(), id -> new EnumMap<>(AllocationConstraint.class))
                            .computeIfAbsent(which, c -> new long[2]), match.score());
                }
            }
        }
        PlanMetrics metrics = metrics(solution);
        return new AllocationPlan(assignments(solution), metrics, score(analysis.score()), scores(totals),
                explanations(solution, byDemand));
    }

    private static void add(long[] sum, HardSoftLongScore score) {
        sum[0] += score.hardScore();
        sum[1] += score.softScore();
    }

    private static List<ConstraintScore> scores(Map<AllocationConstraint, long[]> sums) {
        List<ConstraintScore> scores = new ArrayList<>();
        sums.forEach((constraint, sum) -> {
            if (sum[0] != 0 || sum[1] != 0) {
                scores.add(new ConstraintScore(constraint, sum[0], sum[1]));
            }
        });
        return scores;
    }

    private static List<DemandExplanation> explanations(AllocationSolution solution,
            Map<String, Map<AllocationConstraint, long[]>> contributions) {
        // Units of each batch by recipient (null: unassigned), and the batches by category.
        Map<Batch, Map<Recipient, Integer>> placed = new LinkedHashMap<>();
        long fundHeadroom = solution.fund().balanceCents();
        for (SupplyUnit unit : solution.units()) {
            placed.computeIfAbsent(unit.batch(), batch -> new HashMap<>())
                    .merge(unit.recipient(), unit.size(), Integer::sum);
            if (unit.recipient() != null) {
                fundHeadroom -= unit.size() * (unit.offer().subsidyCents() - unit.offer().solidarityShareCents());
            }
        }
        Map<String, List<Batch>> byCategory = new HashMap<>();
        placed.keySet().forEach(batch -> byCategory.computeIfAbsent(batch.supply().category(), c -> new ArrayList<>())
                .add(batch));
        List<DemandExplanation> explanations = new ArrayList<>();
        for (Recipient recipient : solution.recipients()) {
            int matching = 0;
            int inTime = 0;
            int candidates = 0;
            int allocated = 0;
            int toOthers = 0;
            int unassigned = 0;
            long cheapestUnassignedDraw = Long.MAX_VALUE;
            for (Batch batch : byCategory.getOrDefault(recipient.demand().category(), List.of())) {
                SupplyBatch supply = batch.supply();
                Map<Recipient, Integer> units = placed.get(batch);
                int mine = units.getOrDefault(recipient, 0);
                allocated += mine;
                if (!recipient.equipmentFits(supply)) {
                    continue;
                }
                matching += supply.quantity();
                if (!recipient.availableInTime(supply)) {
                    continue;
                }
                inTime += supply.quantity();
                if (!recipient.priceFits(supply)) {
                    continue;
                }
                candidates += supply.quantity();
                int free = units.getOrDefault(null, 0);
                unassigned += free;
                toOthers += supply.quantity() - free - mine;
                if (free > 0) {
                    Offer offer = batch.offerFor(recipient);
                    cheapestUnassignedDraw = Math.min(cheapestUnassignedDraw,
                            offer.subsidyCents() - offer.solidarityShareCents());
                }
            }
            ShortfallReason reason;
            if (allocated >= recipient.quantity()) {
                reason = ShortfallReason.NONE;
            } else if (matching == 0) {
                reason = ShortfallReason.NO_MATCHING_EQUIPMENT;
            } else if (inTime == 0) {
                reason = ShortfallReason.NOT_AVAILABLE_IN_TIME;
            } else if (candidates == 0) {
                reason = ShortfallReason.PRICE_OUT_OF_REACH;
            } else if (unassigned > 0) {
                reason = recipient.isAssociation() && cheapestUnassignedDraw > fundHeadroom
                        ? ShortfallReason.SOLIDARITY_FUND_LIMIT : ShortfallReason.NOT_WORTH_ITS_COST;
            } else if (toOthers > 0) {
                reason = ShortfallReason.SUPPLY_WENT_TO_OTHERS;
            } else {
                reason = ShortfallReason.NOT_ENOUGH_SUPPLY;
            }
            explanations.add(new DemandExplanation(recipient.id(), recipient.demand().kind(), recipient.quantity(),
                    allocated, matching, inTime, candidates, toOthers, unassigned, reason,
                    scores(contributions.getOrDefault(recipient.id(), Map.of()))));
        }
        return explanations;
    }
}
