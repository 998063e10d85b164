package org.boucle.marketplace.demand;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A need, as its poster and coordinators see it. Money in euros excluding VAT.
 *
 * @param remaining units asked and not yet allocated by an accepted plan
 * @param priority the coordinators' weighing (associations only); null until set
 */
public record Demand(UUID id, UUID organizationId, String organizationName, DemandKind kind, String category,
        int quantity, int quantityAllocated, int remaining, int minRamGb, int minStorageGb, int minCpuGeneration,
        BigDecimal minScreenInches, String minGrade, LocalDate latestDate, UUID deliverySiteId, String deliverySiteName,
        BigDecimal maxUnitPrice, int populationServed, String note, Priority priority, String status, Instant createdAt,
        Instant updatedAt) {

    public record Priority(int socialPriority, List<PriorityCriterion> criteria, String note, String setBy,
            Instant setAt) {
    }
}
