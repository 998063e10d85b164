package org.boucle.marketplace.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A need as posted. Minimum specs left out mean "no minimum". {@code socialPriority} and {@code priorityCriteria} are
 * only here to refuse them: the weight is the coordinators' to set, never the poster's.
 */
public record NewDemand(String kind, String category, Integer quantity, Integer minRamGb, Integer minStorageGb,
        Integer minCpuGeneration, BigDecimal minScreenInches, String minGrade, LocalDate latestDate, UUID deliverySiteId,
        BigDecimal maxUnitPrice, Integer populationServed, String note, Integer socialPriority,
        List<String> priorityCriteria) {
}
