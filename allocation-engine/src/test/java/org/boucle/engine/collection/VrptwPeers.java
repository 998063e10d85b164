package org.boucle.engine.collection;

import com.google.ortools.Loader;
import com.google.ortools.constraintsolver.FirstSolutionStrategy;
import com.google.ortools.constraintsolver.LocalSearchMetaheuristic;
import com.google.ortools.constraintsolver.RoutingDimension;
import com.google.ortools.constraintsolver.RoutingIndexManager;
import com.google.ortools.constraintsolver.RoutingModel;
import com.google.ortools.constraintsolver.RoutingSearchParameters;
import com.google.ortools.constraintsolver.main;
import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.listener.IterationEndsListener;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleType;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;
import com.graphhopper.jsprit.core.util.Solutions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two solvers a user might pick instead, each on one thread, configured as their documentation suggests for
 * VRPTW. Both weigh a vehicle with a fixed cost far above any distance it could save, so that they too minimise
 * vehicles first, as the best-known solutions do.
 */
final class VrptwPeers {

    /** A peer's routes (customer ids) and when it first had a solution serving every customer, in seconds. */
    record Outcome(List<List<Integer>> routes, double firstFeasibleSeconds) {
    }

    private VrptwPeers() {
    }

    /** jsprit's default ruin-and-recreate (its "Jsprit" box), Euclidean costs, a finite fleet. */
    static Outcome jsprit(SolomonInstance instance, Duration limit) {
        SolomonInstance.Node depot = instance.depot();
        VehicleType type = VehicleTypeImpl.Builder.newInstance("vehicle").addCapacityDimension(0, instance.capacity())
                .setCostPerDistance(1).setFixedCost(1_000).build();
        VehicleRoutingProblem.Builder builder = VehicleRoutingProblem.Builder.newInstance()
                .setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
        Location home = Location.Builder.newInstance().setId("0").setCoordinate(Coordinate.newInstance(depot.x(), depot.y()))
                .build();
        for (int v = 0; v < instance.vehicles(); v++) {
            builder.addVehicle(VehicleImpl.Builder.newInstance("v" + v).setStartLocation(home).setType(type)
                    .setEarliestStart(depot.ready()).setLatestArrival(depot.due()).build());
        }
        for (SolomonInstance.Node customer : instance.customers()) {
            builder.addJob(Service.Builder.newInstance(Integer.toString(customer.id())).addSizeDimension(0, customer.demand())
                    .setLocation(Location.Builder.newInstance().setId(Integer.toString(customer.id()))
                            .setCoordinate(Coordinate.newInstance(customer.x(), customer.y())).build())
                    .setServiceTime(customer.service()).setTimeWindow(TimeWindow.newInstance(customer.ready(), customer.due()))
                    .build());
        }
        VehicleRoutingProblem problem = builder.build();
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem).setProperty(Jsprit.Parameter.THREADS, "1")
                .buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(limit.toMillis());
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        long started = System.nanoTime();
        AtomicLong firstFeasible = new AtomicLong(-1);
        algorithm.addListener((IterationEndsListener) (i, vrp, solutions) -> {
            if (firstFeasible.get() < 0 && solutions.stream().anyMatch(s -> s.getUnassignedJobs().isEmpty())) {
                firstFeasible.set(System.nanoTime() - started);
            }
        });
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        List<List<Integer>> routes = new ArrayList<>();
        best.getRoutes().forEach(route -> routes.add(route.getActivities().stream()
                .map(activity -> Integer.parseInt(((TourActivity.JobActivity) activity).getJob().getId())).toList()));
        return new Outcome(routes, seconds(firstFeasible.get()));
    }

    /**
     * OR-Tools routing: parallel cheapest insertion for the first solution, then guided local search. Its arithmetic
     * is integral: distances in thousandths, rounded; travel times rounded up, as in our own model.
     */
    static Outcome orTools(SolomonInstance instance, Duration limit) {
        Loader.loadNativeLibraries();
        List<SolomonInstance.Node> nodes = instance.nodes();
        int n = nodes.size();
        long[][] distance = new long[n][n];
        long[][] time = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = nodes.get(i).distanceTo(nodes.get(j)) * SolomonModel.SCALE;
                distance[i][j] = Math.round(d);
                time[i][j] = (long) Math.ceil(d - 1e-9) + Math.round(nodes.get(i).service() * SolomonModel.SCALE);
            }
        }
        RoutingIndexManager manager = new RoutingIndexManager(n, instance.vehicles(), 0);
        RoutingModel routing = new RoutingModel(manager);
        int cost = routing.registerTransitCallback((from, to) -> distance[manager.indexToNode(from)][manager.indexToNode(to)]);
        routing.setArcCostEvaluatorOfAllVehicles(cost);
        routing.setFixedCostOfAllVehicles(1_000 * (long) SolomonModel.SCALE);
        int travel = routing.registerTransitCallback((from, to) -> time[manager.indexToNode(from)][manager.indexToNode(to)]);
        long horizon = Math.round(instance.depot().due() * SolomonModel.SCALE);
        routing.addDimension(travel, horizon, horizon, false, "time");
        RoutingDimension times = routing.getMutableDimension("time");
        for (int i = 1; i < n; i++) {
            times.cumulVar(manager.nodeToIndex(i)).setRange(Math.round(nodes.get(i).ready() * SolomonModel.SCALE),
                    Math.round(nodes.get(i).due() * SolomonModel.SCALE));
        }
        long depotReady = Math.round(instance.depot().ready() * SolomonModel.SCALE);
        for (int v = 0; v < instance.vehicles(); v++) {
            times.cumulVar(routing.start(v)).setRange(depotReady, horizon);
            times.cumulVar(routing.end(v)).setRange(depotReady, horizon);
        }
        int demand = routing.registerUnaryTransitCallback(from -> nodes.get(manager.indexToNode(from)).demand());
        long[] capacities = new long[instance.vehicles()];
        java.util.Arrays.fill(capacities, instance.capacity());
        routing.addDimensionWithVehicleCapacity(demand, 0, capacities, true, "load");
        long started = System.nanoTime();
        AtomicLong firstFeasible = new AtomicLong(-1);
        routing.addAtSolutionCallback(() -> firstFeasible.compareAndSet(-1, System.nanoTime() - started));
        RoutingSearchParameters parameters = main.defaultRoutingSearchParameters().toBuilder()
                .setFirstSolutionStrategy(FirstSolutionStrategy.Value.PARALLEL_CHEAPEST_INSERTION)
                .setLocalSearchMetaheuristic(LocalSearchMetaheuristic.Value.GUIDED_LOCAL_SEARCH)
                .setTimeLimit(com.google.protobuf.Duration.newBuilder().setSeconds(limit.toSeconds()).build())
                .build();
        com.google.ortools.constraintsolver.Assignment solution = routing.solveWithParameters(parameters);
        List<List<Integer>> routes = new ArrayList<>();
        if (solution != null) {
            for (int v = 0; v < instance.vehicles(); v++) {
                List<Integer> route = new ArrayList<>();
                for (long index = solution.value(routing.nextVar(routing.start(v))); !routing.isEnd(index);
                        index = solution.value(routing.nextVar(index))) {
                    route.add(manager.indexToNode(index));
                }
                routes.add(route);
            }
        }
        return new Outcome(routes, seconds(firstFeasible.get()));
    }

    private static double seconds(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
}
