package org.boucle.engine.collection;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * String removal's arrays against the model's own evaluation: every constant-time insertion check agrees with
 * {@link RouteCosting}'s full walk of the route (and with the workshops' intake counted from scratch), every
 * objective with the solver's score; and the search never hands back a plan worse than it got, the same for the same
 * seed.
 */
class StringRemovalTest {

    private static final SolutionManager<RoutePlan, BendableLongScore> SOLUTIONS =
            SolutionManager.create(SolverFactory.create(RouteSolving.config()));

    /** The demo territory with tight workshops (so that intake binds) and pickups accepted on Monday's routes. */
    private static RoutePlan collectionPlan(long seed) {
        CollectionProblem demo = DemoTerritory.generate(seed, 40);
        List<Workshop> tight = demo.workshops().stream()
                .map(workshop -> new Workshop(workshop.id(), workshop.location(), 120)).toList();
        List<AcceptedStop> accepted = List.of(new AcceptedStop(demo.lots().get(0).id(), "van-1", demo.from()),
                new AcceptedStop(demo.lots().get(1).id(), "truck", demo.from()));
        return CollectionModel.plan(new CollectionProblem(demo.from(), demo.to(), demo.vehicles(), demo.sites(),
                demo.lots(), tight, demo.serviceTime(), demo.travel(), accepted));
    }

    private static RoutePlan vrptwPlan(long seed) {
        Random random = new Random(seed);
        List<SolomonInstance.Node> nodes = new ArrayList<>();
        nodes.add(new SolomonInstance.Node(0, 50, 50, 0, 0, 400, 0));
        for (int i = 1; i <= 40; i++) {
            double ready = random.nextInt(250);
            nodes.add(new SolomonInstance.Node(i, random.nextInt(100), random.nextInt(100), 5 + random.nextInt(20), ready,
                    ready + 20 + random.nextInt(60), 10));
        }
        return SolomonModel.plan(new SolomonInstance("RANDOM40", 15, 100, nodes));
    }

    @Test
    void insertionChecksAgreeWithTheFullEvaluationOnCollectionPlans() {
        for (long seed = 1; seed <= 3; seed++) {
            checkRandomInsertions(collectionPlan(seed), seed);
        }
    }

    @Test
    void insertionChecksAgreeWithTheFullEvaluationOnVrptwPlans() {
        for (long seed = 1; seed <= 3; seed++) {
            checkRandomInsertions(vrptwPlan(seed), seed);
        }
    }

    /**
     * Random insertions, removals and refreshes; before each insertion, every position of a random route is checked
     * both ways. Feasible ones are made, so that routes grow long and tight.
     */
    private static void checkRandomInsertions(RoutePlan plan, long seed) {
        FlatPlan flat = new FlatPlan(plan);
        FlatRoutes routes = new FlatRoutes(flat);
        Random random = new Random(seed);
        int checked = 0;
        int feasible = 0;
        for (int step = 0; step < 3_000; step++) {
            if (random.nextInt(10) == 0) {
                int v = random.nextInt(flat.n);
                if (routes.routeOf[v] >= 0) {
                    routes.remove(v);
                    routes.refresh();
                }
                continue;
            }
            int v = random.nextInt(flat.n);
            if (routes.routeOf[v] >= 0) {
                continue;
            }
            int r = random.nextInt(flat.m);
            List<Visit> visits = lists(flat, routes, r);
            long before = RouteCosting.cost(flat.routes[r], visits, null, 0);
            assertThat(routes.routeCost(r)).isEqualTo(before);
            int chosen = -1;
            for (int p = 0; p <= visits.size(); p++) {
                long with = RouteCosting.cost(flat.routes[r], visits, flat.visits[v], p);
                boolean expected = with != RouteCosting.INFEASIBLE && intakeHolds(flat, routes, v, r, p);
                long delta = routes.insertionCost(v, r, p);
                checked++;
                assertThat(delta != FlatRoutes.INFEASIBLE).as("insertion of %s at %d of %s", flat.visits[v], p,
                        flat.routes[r]).isEqualTo(expected);
                if (expected) {
                    feasible++;
                    assertThat(delta).isEqualTo(with - before);
                    chosen = chosen < 0 || random.nextBoolean() ? p : chosen;
                }
            }
            if (chosen >= 0) {
                routes.insert(v, r, chosen);
            }
        }
        assertThat(feasible).as("feasible insertions among %d", checked).isGreaterThan(100);
        assertThat(checked - feasible).as("infeasible insertions").isGreaterThan(100);
        assertObjectiveIsTheScore(plan, flat, routes);
    }

    private static List<Visit> lists(FlatPlan flat, FlatRoutes routes, int r) {
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < routes.size[r]; i++) {
            visits.add(flat.visits[routes.sequence[r][i]]);
        }
        return visits;
    }

    /**
     * The workshops' intake counted from scratch over every route, with v inserted at p of route r: whether the
     * workshop route r then unloads at stays within its intake that day.
     */
    private static boolean intakeHolds(FlatPlan flat, FlatRoutes routes, int v, int r, int p) {
        if (flat.dropIntake.length == 0) {
            return true;
        }
        int[][] intake = new int[flat.dropIntake.length][flat.days];
        int dropOfR = -1;
        for (int route = 0; route < flat.m; route++) {
            List<Visit> visits = new ArrayList<>(lists(flat, routes, route));
            if (route == r) {
                visits.add(p, flat.visits[v]);
            }
            if (visits.isEmpty()) {
                continue;
            }
            int drop = flat.drop[indexOf(flat, visits.get(visits.size() - 1))][route];
            intake[drop][flat.day[route]] += visits.stream().mapToInt(Visit::devices).sum();
            if (route == r) {
                dropOfR = drop;
            }
        }
        return intake[dropOfR][flat.day[r]] <= flat.dropIntake[dropOfR];
    }

    private static int indexOf(FlatPlan flat, Visit visit) {
        for (int v = 0; v < flat.n; v++) {
            if (flat.visits[v] == visit) {
                return v;
            }
        }
        throw new IllegalArgumentException(visit.id());
    }

    /** Writes the routes into the plan and has the solver score it: level by level, the same figures. */
    private static void assertObjectiveIsTheScore(RoutePlan plan, FlatPlan flat, FlatRoutes routes) {
        assertThat(routes.anyBroken()).isFalse();
        for (Map.Entry<VehicleDay, List<Visit>> route : routes.toLists().entrySet()) {
            route.getKey().visits().clear();
            route.getKey().visits().addAll(route.getValue());
        }
        BendableLongScore score = SOLUTIONS.update(plan);
        FlatRoutes.Objective objective = routes.objective();
        assertThat(-score.hardScore(0)).isEqualTo(objective.overflow());
        assertThat(-score.softScore(RoutePlan.UNSERVED)).isEqualTo(objective.unserved());
        assertThat(-score.softScore(RoutePlan.MOVED)).isEqualTo(objective.moved());
        assertThat(-score.softScore(RoutePlan.ROUTES)).isEqualTo(objective.routes());
        assertThat(-score.softScore(RoutePlan.COST)).isEqualTo(objective.cost());
    }

    @Test
    void theSearchNeverHandsBackAWorsePlanAndRepeatsItselfForASeed() {
        for (RoutePlan plan : List.of(collectionPlan(5), vrptwPlan(5))) {
            FlatPlan flat = new FlatPlan(plan);
            // A start with everything placed where the first feasible position is, route after route.
            FlatRoutes start = new FlatRoutes(flat);
            for (int v = 0; v < flat.n; v++) {
                place:
                for (int r = 0; r < flat.m; r++) {
                    for (int p = 0; p <= start.size[r]; p++) {
                        if (start.insertionCost(v, r, p) != FlatRoutes.INFEASIBLE) {
                            start.insert(v, r, p);
                            break place;
                        }
                    }
                }
            }
            StringRemovalPhase phase = new StringRemovalPhase(2, 11, 0, 1);
            FlatRoutes best = phase.search(flat, start, StringRemoval.Schedule.iterations(3_000), () -> false);
            FlatRoutes again = phase.search(flat, start, StringRemoval.Schedule.iterations(3_000), () -> false);

            assertThat(best.feasible()).isTrue();
            assertThat(best.objective()).isLessThan(start.objective());
            assertThat(again.objective()).isEqualTo(best.objective());
            assertThat(again.toLists()).isEqualTo(best.toLists());
            assertObjectiveIsTheScore(plan, flat, best);
        }
    }
}
