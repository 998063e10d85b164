package org.boucle.engine.collection;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.move.MoveAdapters;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningListVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Moves the community edition lacks for routing, drawn at random:
 * <ul>
 * <li>near moves: a pickup goes right after, or swaps with, one of its {@value #NEIGHBOURS} nearest pickups. Moves
 * between far-apart pickups almost never improve a plan; restricting them to neighbours spends the search where it
 * pays (the Enterprise edition's nearby selection does this for its own moves);</li>
 * <li>route removal: a small route's pickups go where they fit in the others, by regret, the rest staying; when all
 * fit, one vehicle fewer. Local search alone rarely empties a route, since each pickup moved out lengthens another.</li>
 * </ul>
 * Public only because the solver instantiates it.
 */
public final class RouteMoves implements MoveIteratorFactory<RoutePlan, Move<RoutePlan>> {

    static final int NEIGHBOURS = 12;
    /** One route removal in so many moves: each costs thousands of insertion checks. */
    private static final int REMOVAL_ONE_IN = 200;

    /** The solver's own model of the route lists: moves must name the variable the solver knows. */
    private PlanningListVariableMetaModel<RoutePlan, VehicleDay, Visit> routeLists;
    private RoutePlan plan;
    private Map<Visit, Visit[]> neighbours;

    public RouteMoves() {
        // The solver creates one per local search phase.
    }

    @Override
    public void phaseStarted(ScoreDirector<RoutePlan> scoreDirector) {
        plan = scoreDirector.getWorkingSolution();
        routeLists = ((InnerScoreDirector<RoutePlan, ?>) scoreDirector).getSolutionDescriptor().getMetaModel()
                .genuineEntity(VehicleDay.class).listVariable("visits", Visit.class);
        neighbours = new IdentityHashMap<>();
        List<Visit> visits = plan.visits();
        for (Visit visit : visits) {
            neighbours.put(visit, visits.stream().filter(other -> other != visit)
                    .sorted(Comparator.comparingLong(other -> visit.matrix().distance(visit.place(), other.place())
                            + visit.matrix().distance(other.place(), visit.place())))
                    .limit(NEIGHBOURS).toArray(Visit[]::new));
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<RoutePlan> scoreDirector) {
        plan = null;
        neighbours = null;
        routeLists = null;
    }

    @Override
    public long getSize(ScoreDirector<RoutePlan> scoreDirector) {
        return (long) scoreDirector.getWorkingSolution().visits().size() * NEIGHBOURS * 2;
    }

    @Override
    public Iterator<Move<RoutePlan>> createOriginalMoveIterator(ScoreDirector<RoutePlan> scoreDirector) {
        throw new UnsupportedOperationException("route moves are drawn at random only");
    }

    @Override
    public Iterator<Move<RoutePlan>> createRandomMoveIterator(ScoreDirector<RoutePlan> scoreDirector, Random random) {
        Iterator<ai.timefold.solver.core.preview.api.move.Move<RoutePlan>> moves = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return plan.visits().size() > 1 && !plan.vehicleDays().isEmpty();
            }

            @Override
            public ai.timefold.solver.core.preview.api.move.Move<RoutePlan> next() {
                ai.timefold.solver.core.preview.api.move.Move<RoutePlan> move = null;
                while (move == null) {
                    move = random.nextInt(REMOVAL_ONE_IN) == 0 ? removal(random) : near(random);
                }
                return move;
            }
        };
        return MoveAdapters.toLegacyMoveIterator(moves);
    }

    private ai.timefold.solver.core.preview.api.move.Move<RoutePlan> near(Random random) {
        Visit visit = plan.visits().get(random.nextInt(plan.visits().size()));
        Visit[] near = neighbours.get(visit);
        Visit neighbour = near[random.nextInt(near.length)];
        VehicleDay to = neighbour.vehicleDay();
        VehicleDay from = visit.vehicleDay();
        if (to == null && from == null) {
            List<VehicleDay> routes = plan.vehicleDays();
            return Moves.assign(routeLists, visit, routes.get(random.nextInt(routes.size())), 0);
        }
        if (to == null) {
            return Moves.assign(routeLists, neighbour, from, from.visits().indexOf(visit) + 1);
        }
        int toIndex = to.visits().indexOf(neighbour);
        if (from == null) {
            return Moves.assign(routeLists, visit, to, toIndex + 1);
        }
        int fromIndex = from.visits().indexOf(visit);
        if (random.nextBoolean()) {
            return Moves.swap(routeLists, from, fromIndex, to, toIndex);
        }
        if (from == to) {
            int destination = fromIndex < toIndex ? toIndex : toIndex + 1;
            return destination == fromIndex ? null : Moves.change(routeLists, from, fromIndex, to, destination);
        }
        return Moves.change(routeLists, from, fromIndex, to, toIndex + 1);
    }

    /** The pickups of a route, chosen among the smaller ones, moved where they fit elsewhere; null if none fits. */
    private ai.timefold.solver.core.preview.api.move.Move<RoutePlan> removal(Random random) {
        List<VehicleDay> used = plan.vehicleDays().stream().filter(route -> !route.visits().isEmpty())
                .sorted(Comparator.comparingInt(route -> route.visits().size())).toList();
        if (used.size() < 2) {
            return null;
        }
        // Smaller routes more often: the index of the smaller of two draws.
        VehicleDay emptied = used.get(Math.min(random.nextInt(used.size()), random.nextInt(used.size())));
        Map<VehicleDay, List<Visit>> others = new LinkedHashMap<>();
        used.stream().filter(route -> route != emptied).forEach(route -> others.put(route, new ArrayList<>(route.visits())));
        List<Reinsertion.Placement> placements = Reinsertion.place(emptied.visits(), others);
        if (placements.isEmpty()) {
            return null;
        }
        List<Visit> source = new ArrayList<>(emptied.visits());
        List<ai.timefold.solver.core.preview.api.move.Move<RoutePlan>> steps = new ArrayList<>();
        for (Reinsertion.Placement placement : placements) {
            int fromIndex = source.indexOf(placement.visit());
            source.remove(fromIndex);
            steps.add(Moves.change(routeLists, emptied, fromIndex, placement.route(), placement.position()));
        }
        return Moves.compose(steps);
    }
}
