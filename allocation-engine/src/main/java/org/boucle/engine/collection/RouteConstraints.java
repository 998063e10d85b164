package org.boucle.engine.collection;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The routes' constraints. Hard penalties are in the natural unit of what is broken (litres or grams over capacity,
 * seconds late, lots on a vehicle too heavy for their site or collected before they are ready, devices over a
 * workshop's intake): any of them makes a plan infeasible, so only their sum matters. Public only because the solver
 * instantiates it.
 */
public final class RouteConstraints implements ConstraintProvider {

    static final BendableLongScore HARD = BendableLongScore.ofHard(RoutePlan.HARD_LEVELS, RoutePlan.SOFT_LEVELS, 0, 1);

    public RouteConstraints() {
        // Stateless: the solver creates its own.
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                volumeCapacity(factory),
                weightCapacity(factory),
                timeWindows(factory),
                shiftEnd(factory),
                siteAccess(factory),
                lotReady(factory),
                workshopIntake(factory),
                unservedLots(factory),
                acceptedStopMoved(factory),
                routesDriven(factory),
                travelCost(factory),
                returnCost(factory)
        };
    }

    private static BendableLongScore soft(int level) {
        return BendableLongScore.ofSoft(RoutePlan.HARD_LEVELS, RoutePlan.SOFT_LEVELS, level, 1);
    }

    Constraint volumeCapacity(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null)
                .groupBy(Visit::vehicleDay, sumLong(Visit::volume))
                .filter((route, volume) -> volume > route.volumeCapacity())
                .penalizeLong(HARD, (route, volume) -> volume - route.volumeCapacity())
                .asConstraint("volume capacity");
    }

    Constraint weightCapacity(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null)
                .groupBy(Visit::vehicleDay, sumLong(Visit::weight))
                .filter((route, weight) -> weight > route.weightCapacity())
                .penalizeLong(HARD, (route, weight) -> weight - route.weightCapacity())
                .asConstraint("weight capacity");
    }

    Constraint timeWindows(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null && visit.lateness() > 0)
                .penalizeLong(HARD, Visit::lateness)
                .asConstraint("time windows");
    }

    /** The route's last visit knows when it is back at the depot, through the workshop. */
    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null && visit.last()
                        && visit.routeEnd() > visit.vehicleDay().end())
                .penalizeLong(HARD, visit -> visit.routeEnd() - visit.vehicleDay().end())
                .asConstraint("shift end");
    }

    Constraint siteAccess(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null && visit.vehicleDay().grossWeight() > visit.maxGrossWeight())
                .penalizeLong(HARD, visit -> visit.lotIds().size())
                .asConstraint("site access");
    }

    Constraint lotReady(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null && visit.vehicleDay().day() < visit.firstDay())
                .penalizeLong(HARD, visit -> visit.lotIds().size())
                .asConstraint("lot ready");
    }

    /** Each route's devices, unloaded where its last visit leads, summed per workshop and day. */
    Constraint workshopIntake(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null)
                .groupBy(Visit::vehicleDay, sum(Visit::devices))
                .join(Visit.class, equal((route, devices) -> route, Visit::vehicleDay),
                        filtering((route, devices, visit) -> visit.last() && visit.drop() != null))
                .groupBy((route, devices, last) -> last.drop(), (route, devices, last) -> route.day(),
                        sum((route, devices, last) -> devices))
                .filter((drop, day, devices) -> devices > drop.dailyIntake())
                .penalizeLong(HARD, (drop, day, devices) -> devices - drop.dailyIntake())
                .asConstraint("workshop intake");
    }

    Constraint unservedLots(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(visit -> visit.vehicleDay() == null)
                .penalizeLong(soft(RoutePlan.UNSERVED), Visit::unservedWeight)
                .asConstraint("unserved lots");
    }

    Constraint acceptedStopMoved(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Visit.class)
                .filter(Visit::movedFromAcceptedRoute)
                .penalizeLong(soft(RoutePlan.MOVED), visit -> visit.lotIds().size())
                .asConstraint("accepted stop moved");
    }

    Constraint routesDriven(ConstraintFactory factory) {
        return factory.forEach(VehicleDay.class)
                .filter(route -> !route.visits().isEmpty())
                .penalize(soft(RoutePlan.ROUTES))
                .asConstraint("routes driven");
    }

    Constraint travelCost(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null)
                .penalizeLong(soft(RoutePlan.COST), visit -> visit.distanceIn() * visit.vehicleDay().costPerDistance()
                        + visit.timeIn() * visit.vehicleDay().costPerTime())
                .asConstraint("travel cost");
    }

    Constraint returnCost(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.vehicleDay() != null && visit.last())
                .penalizeLong(soft(RoutePlan.COST), visit -> visit.distanceHome() * visit.vehicleDay().costPerDistance()
                        + visit.timeHome() * visit.vehicleDay().costPerTime())
                .asConstraint("return cost");
    }
}
