package org.boucle.marketplace.traceability;

import java.util.List;
import java.util.UUID;

/** Some devices cannot take the step: nothing was recorded. */
public class CustodyRefusedException extends RuntimeException {

    /** A device that cannot take the step, as the request named it, and why. */
    public record Refused(int index, String device, UUID deviceId, String code, String reason) {
    }

    private final List<Refused> refused;

    CustodyRefusedException(List<Refused> refused) {
        super(refused.size() + " devices refused");
        this.refused = List.copyOf(refused);
    }

    public List<Refused> refused() {
        return refused;
    }
}
