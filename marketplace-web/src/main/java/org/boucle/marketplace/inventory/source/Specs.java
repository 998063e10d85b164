package org.boucle.marketplace.inventory.source;

import java.math.BigDecimal;

/** Technical specifications read from an export; each is null when the export does not say. */
public record Specs(String cpu, Integer ramGb, Integer storageGb, String storageType, BigDecimal screenInches) {

    static final String SSD = "SSD";
    static final String HDD = "HDD";

    public static Specs none() {
        return new Specs(null, null, null, null, null);
    }
}
