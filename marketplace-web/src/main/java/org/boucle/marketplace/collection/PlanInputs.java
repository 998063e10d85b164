package org.boucle.marketplace.collection;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** What a collection plan was built from, with names and places: the plan reads the same after they change. */
public record PlanInputs(List<Lot> lots, List<Site> sites, List<Vehicle> vehicles, List<Place> workshops) {

    /** An upcoming lot: its devices of one category, retired in one month at one site. */
    public record Lot(String id, UUID donorId, UUID siteId, String month, String category, int devices, double volumeM3,
            double weightKg) {
    }

    public record Site(UUID id, String name, String commune, UUID donorId, String donor, double latitude,
            double longitude) {
    }

    public record Vehicle(UUID id, String name, UUID organizationId, String organization, String depot,
            double depotLatitude, double depotLongitude, LocalTime shiftStart, LocalTime shiftEnd) {
    }

    public record Place(UUID id, String name, double latitude, double longitude) {
    }
}
