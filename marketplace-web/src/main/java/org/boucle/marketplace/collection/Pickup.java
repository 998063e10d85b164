package org.boucle.marketplace.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A pickup given to a donor: one stop of an accepted collection plan, with what donors, drivers and coordinators read
 * of it. Arrival and departure are local times of the territory (Europe/Paris).
 *
 * @param position its place in the vehicle's day, from 1
 * @param statusNote why it was cancelled or moved, or who confirmed it was collected
 */
public record Pickup(UUID id, UUID planId, UUID donorId, String donorName, String contactEmail, String contactPhone,
        Place site, String accessNotes, UUID vehicleId, String vehicleName, UUID collectorId, String collectorName,
        LocalDate day, int position, LocalDateTime arrival, LocalDateTime departure, UUID workshopId,
        String workshopName, List<Lot> lots, int devices, PickupStatus status, String statusNote, Instant statusAt,
        Instant createdAt) {

    /**
     * One of the pickup's upcoming lots.
     *
     * @param devices how many devices the plan counted in it (null if the plan did not record it)
     */
    public record Lot(String id, String category, Integer devices) {
    }

    /** A site: the donor's, a collector's depot or a workshop's. */
    public record Place(UUID id, String name, String street, String postalCode, String commune, double latitude,
            double longitude) {

        /** One line, for a calendar or a printed sheet. */
        public String address() {
            String town = ((postalCode == null ? "" : postalCode) + " " + (commune == null ? "" : commune)).strip();
            return street == null || street.isBlank() ? town : street + ", " + town;
        }
    }

    public boolean scheduled() {
        return status == PickupStatus.SCHEDULED;
    }
}
