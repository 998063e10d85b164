package org.boucle.engine.collection;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * A vehicle on one day of the horizon: one route, from its depot at the shift's start, back by its end. Only the days
 * the vehicle is allowed to drive exist. Costs are per unit of the matrix: the solver weighs a route's distance and
 * driving time with them.
 */
@PlanningEntity
final class VehicleDay {

    @PlanningId
    private String id;
    private String vehicleId;
    private int day;
    private int home;
    private long start;
    private long end;
    private long volumeCapacity;
    private long weightCapacity;
    private long grossWeight;
    private long costPerDistance;
    private long costPerTime;
    private long unloading;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();

    VehicleDay(String id, String vehicleId, int day, int home, long start, long end, long volumeCapacity,
            long weightCapacity, long grossWeight, long costPerDistance, long costPerTime, long unloading) {
        this.id = id;
        this.vehicleId = vehicleId;
        this.day = day;
        this.home = home;
        this.start = start;
        this.end = end;
        this.volumeCapacity = volumeCapacity;
        this.weightCapacity = weightCapacity;
        this.grossWeight = grossWeight;
        this.costPerDistance = costPerDistance;
        this.costPerTime = costPerTime;
        this.unloading = unloading;
    }

    @SuppressWarnings("unused") // for the solver's cloner
    private VehicleDay() {
    }

    String id() {
        return id;
    }

    String vehicleId() {
        return vehicleId;
    }

    int day() {
        return day;
    }

    int home() {
        return home;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    long volumeCapacity() {
        return volumeCapacity;
    }

    long weightCapacity() {
        return weightCapacity;
    }

    long grossWeight() {
        return grossWeight;
    }

    long costPerDistance() {
        return costPerDistance;
    }

    long costPerTime() {
        return costPerTime;
    }

    long unloading() {
        return unloading;
    }

    List<Visit> visits() {
        return visits;
    }

    @Override
    public String toString() {
        return id;
    }
}
