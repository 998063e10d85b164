package org.boucle.engine.allocation;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.move.MoveAdapters;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningSolutionMetaModel;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Moves shaped like the plan's capacity structure, which single changes and swaps reach only through worse plans: a
 * planning unit goes to another recipient (or none); if that recipient has no room left, one of its planning units
 * makes room (unassigned); and the recipient it left takes a free planning unit into the room it freed. These are the
 * augmenting paths of a transportation problem, two steps long, drawn at random. Public only because the solver
 * instantiates it.
 */
public final class Reassignments implements MoveIteratorFactory<AllocationSolution, Move<AllocationSolution>> {

    private static final PlanningVariableMetaModel<AllocationSolution, SupplyUnit, Recipient> RECIPIENT =
            PlanningSolutionMetaModel.of(AllocationSolution.class, SupplyUnit.class)
                    .genuineEntity(SupplyUnit.class).basicVariable("recipient", Recipient.class);

    /** The working planning units that may go somewhere. */
    private List<SupplyUnit> units;
    /** For each recipient, the working planning units that may go to it. */
    private Map<Recipient, List<SupplyUnit>> reachable;
    private long size;

    public Reassignments() {
        // The solver creates one per local search phase.
    }

    @Override
    public void phaseStarted(ScoreDirector<AllocationSolution> scoreDirector) {
        units = scoreDirector.getWorkingSolution().units().stream().filter(unit -> !unit.candidates().isEmpty()).toList();
        reachable = new IdentityHashMap<>();
        size = 0;
        for (SupplyUnit unit : units) {
            for (Recipient recipient : unit.candidates()) {
                reachable.computeIfAbsent(recipient, r -> new ArrayList<>()).add(unit);
                size++;
            }
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        units = null;
        reachable = null;
    }

    @Override
    public long getSize(ScoreDirector<AllocationSolution> scoreDirector) {
        return size;
    }

    @Override
    public Iterator<Move<AllocationSolution>> createOriginalMoveIterator(ScoreDirector<AllocationSolution> scoreDirector) {
        throw new UnsupportedOperationException("Reassignments are drawn at random only");
    }

    @Override
    public Iterator<Move<AllocationSolution>> createRandomMoveIterator(ScoreDirector<AllocationSolution> scoreDirector,
            Random random) {
        Iterator<ai.timefold.solver.core.preview.api.move.Move<AllocationSolution>> moves = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !units.isEmpty();
            }

            @Override
            public ai.timefold.solver.core.preview.api.move.Move<AllocationSolution> next() {
                return draw(random);
            }
        };
        return MoveAdapters.toLegacyMoveIterator(moves);
    }

    private ai.timefold.solver.core.preview.api.move.Move<AllocationSolution> draw(Random random) {
        SupplyUnit unit = units.get(random.nextInt(units.size()));
        Recipient from = unit.recipient();
        List<Recipient> candidates = unit.candidates();
        Recipient to = from == null || random.nextInt(candidates.size() + 1) < candidates.size()
                ? candidates.get(random.nextInt(candidates.size())) : null;
        if (to == from) {
            return Moves.change(RECIPIENT, unit, to);
        }
        List<ai.timefold.solver.core.preview.api.move.Move<AllocationSolution>> steps = new ArrayList<>(3);
        steps.add(Moves.change(RECIPIENT, unit, to));
        SupplyUnit evicted = to == null ? null : eviction(to, unit.size(), random.nextInt(Integer.MAX_VALUE));
        if (evicted != null) {
            steps.add(Moves.change(RECIPIENT, evicted, null));
        }
        SupplyUnit refill = from == null ? null : refill(from, unit, random.nextInt(Integer.MAX_VALUE));
        if (refill != null && refill != evicted) {
            steps.add(Moves.change(RECIPIENT, refill, from));
        }
        return steps.size() == 1 ? steps.get(0) : Moves.compose(steps);
    }

    /**
     * When {@code size} more units would over-serve the recipient, one of its smallest planning units that makes room
     * (the first from a random start); null when there is room already or no single planning unit makes it.
     */
    private SupplyUnit eviction(Recipient recipient, int size, int start) {
        List<SupplyUnit> candidates = reachable.get(recipient);
        int served = 0;
        for (SupplyUnit unit : candidates) {
            if (unit.recipient() == recipient) {
                served += unit.size();
            }
        }
        int missing = served + size - recipient.quantity();
        if (missing <= 0) {
            return null;
        }
        SupplyUnit chosen = null;
        for (int i = 0; i < candidates.size(); i++) {
            SupplyUnit unit = candidates.get((start % candidates.size() + i) % candidates.size());
            if (unit.recipient() == recipient && unit.size() >= missing
                    && (chosen == null || unit.size() < chosen.size())) {
                chosen = unit;
            }
        }
        return chosen;
    }

    /**
     * A free planning unit the recipient accepts, to take the room {@code leaving} frees there (the first that fits,
     * from a random start).
     */
    private SupplyUnit refill(Recipient recipient, SupplyUnit leaving, int start) {
        List<SupplyUnit> candidates = reachable.get(recipient);
        int served = 0;
        for (SupplyUnit unit : candidates) {
            if (unit.recipient() == recipient) {
                served += unit.size();
            }
        }
        int room = recipient.quantity() - served + leaving.size();
        for (int i = 0; i < candidates.size(); i++) {
            SupplyUnit unit = candidates.get((start % candidates.size() + i) % candidates.size());
            if (unit.recipient() == null && unit != leaving && unit.size() <= room) {
                return unit;
            }
        }
        return null;
    }
}
