package org.boucle.engine.collection;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to plan: the lots to collect between {@code from} and {@code to} (inclusive), the vehicles, the sites and the
 * workshops, how long stops take, how to travel, and the pickups already accepted (empty for a first plan).
 */
public record CollectionProblem(LocalDate from, LocalDate to, List<Vehicle> vehicles, List<DonorSite> sites,
        List<PickupLot> lots, List<Workshop> workshops, ServiceTime serviceTime, TravelMatrix travel,
        List<AcceptedStop> accepted) {

    /** A fortnight is plenty for pooled pickups, and keeps the model small. */
    static final int MAX_DAYS = 14;

    public CollectionProblem {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("the horizon runs from a day to a later or the same day, at most "
                    + MAX_DAYS + " days: " + from + " to " + to);
        }
        if (serviceTime == null || travel == null) {
            throw new IllegalArgumentException("service time and travel model are required");
        }
        vehicles = List.copyOf(vehicles);
        sites = List.copyOf(sites);
        lots = List.copyOf(lots);
        workshops = List.copyOf(workshops);
        accepted = List.copyOf(accepted);
        unique("vehicle", vehicles.stream().map(Vehicle::id).toList());
        unique("site", sites.stream().map(DonorSite::id).toList());
        unique("lot", lots.stream().map(PickupLot::id).toList());
        unique("workshop", workshops.stream().map(Workshop::id).toList());
        Set<String> siteIds = Set.copyOf(sites.stream().map(DonorSite::id).toList());
        lots.stream().filter(lot -> !siteIds.contains(lot.siteId())).findFirst().ifPresent(lot -> {
            throw new IllegalArgumentException("lot " + lot.id() + " is at an unknown site: " + lot.siteId());
        });
        if (!lots.isEmpty() && workshops.isEmpty()) {
            throw new IllegalArgumentException("collected lots go to a workshop: at least one is required");
        }
    }

    private static void unique(String kind, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("two " + kind + "s share the id " + id);
            }
        }
    }
}
