package org.boucle.marketplace.traceability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A large account's traceability report: every device it gave (announced between two days), where each is now, who
 * wiped it and how, and whether it was reused or recycled.
 *
 * @param reuseShare reused / (reused + recycled), rounded down to 4 decimals; absent while none left the chain
 */
public record TraceabilityReport(UUID donorId, String donorName, LocalDate from, LocalDate to, Instant generatedAt,
        long devices, long reused, long recycled, long inChain, BigDecimal reuseShare, List<Device> items) {

    /** What became of a device. */
    public enum Outcome {
        /** Sold or given to an association. */
        REUSED,
        /** Recycled through a WEEE channel or dismantled for parts. */
        RECYCLED,
        /** Still somewhere in the chain: collected, at a workshop, on sale. */
        IN_CHAIN
    }

    /**
     * One device.
     *
     * @param holderName who holds it now; absent once it left the chain outside Boucle
     * @param wipe its last successful wipe and certificate; absent if never wiped successfully
     */
    public record Device(UUID deviceId, String category, String model, String serial, String assetTag,
            Instant givenAt, CustodyStep lastStep, Instant lastStepAt, String lastSite, UUID holderId,
            String holderName, Outcome outcome, Wipe wipe) {
    }

    /** Who wiped a device and how, and the certificate that proves it. */
    public record Wipe(Instant wipedAt, String workshop, String method, String tool, String operator,
            String certificateCode, String verificationUrl) {
    }
}
