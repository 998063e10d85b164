package org.boucle.engine.allocation;

import java.time.LocalDate;
import org.boucle.engine.geo.GeoPoint;

/**
 * Small, readable supply and demand for the tests. Unless a test changes them: laptops of 8 GB, 256 GB, 8th
 * generation, 14", grade B, 200 € each, available on 10 January, refurbished stock's sharing rules (workshop 25 €,
 * collector 0.88 €, platform 3 %, solidarity fund 5 %); demands due on 1 February, delivered where the stock is.
 */
final class Fixtures {

    static final GeoPoint GRENOBLE = new GeoPoint(45.1885, 5.7245);
    static final LocalDate AVAILABLE = LocalDate.of(2027, 1, 10);
    static final LocalDate DUE = LocalDate.of(2027, 2, 1);
    static final Specs LAPTOP_SPECS = new Specs(8, 256, 8, 14);
    static final ValueSharing REFURBISHED = new ValueSharing(2_588, 300, 0, 500);

    private Fixtures() {
    }

    static SupplyBatch laptops(String id, int quantity) {
        return new SupplyBatch(id, null, GRENOBLE, AVAILABLE, "LAPTOP", LAPTOP_SPECS, Grade.B, quantity, 20_000,
                REFURBISHED, 2.2, 182.6);
    }

    static SupplyBatch laptops(String id, int quantity, Grade grade, long priceCents) {
        return new SupplyBatch(id, null, GRENOBLE, AVAILABLE, "LAPTOP", LAPTOP_SPECS, grade, quantity, priceCents,
                REFURBISHED, 2.2, 182.6);
    }

    static SupplyBatch inLot(SupplyBatch batch, String lotId) {
        return new SupplyBatch(batch.id(), lotId, batch.site(), batch.availableOn(), batch.category(), batch.specs(),
                batch.grade(), batch.quantity(), batch.marketPriceCents(), batch.sharing(), batch.unitWeightKg(),
                batch.avoidedCo2eKgPerUnit());
    }

    static SupplyBatch at(SupplyBatch batch, GeoPoint site) {
        return new SupplyBatch(batch.id(), batch.lotId(), site, batch.availableOn(), batch.category(), batch.specs(),
                batch.grade(), batch.quantity(), batch.marketPriceCents(), batch.sharing(), batch.unitWeightKg(),
                batch.avoidedCo2eKgPerUnit());
    }

    static SupplyBatch availableOn(SupplyBatch batch, LocalDate date) {
        return new SupplyBatch(batch.id(), batch.lotId(), batch.site(), date, batch.category(), batch.specs(),
                batch.grade(), batch.quantity(), batch.marketPriceCents(), batch.sharing(), batch.unitWeightKg(),
                batch.avoidedCo2eKgPerUnit());
    }

    static SupplyBatch screens(String id, int quantity) {
        return new SupplyBatch(id, null, GRENOBLE, AVAILABLE, "SCREEN", new Specs(0, 0, 0, 24), Grade.B, quantity, 6_000,
                REFURBISHED, 5.0, 65.9);
    }

    /** A buyer of laptops of at least 8 GB, 128 GB, 8th generation, grade B, for at most {@code maxPriceCents}. */
    static Demand buyer(String id, int quantity, long maxPriceCents) {
        return new Demand(id, DemandKind.BUYER, "LAPTOP", quantity, new Specs(8, 128, 8, 0), Grade.B, DUE, GRENOBLE,
                maxPriceCents, 0, 0);
    }

    /** An association taking any laptop as a donation, serving 300 people. */
    static Demand association(String id, int quantity, int priority) {
        return new Demand(id, DemandKind.ASSOCIATION, "LAPTOP", quantity, Specs.NONE, Grade.C, DUE, GRENOBLE, 0, 300,
                priority);
    }

    static AllocationProblem problem(long fundCents, java.util.List<SupplyBatch> supply, Demand... demands) {
        return new AllocationProblem(supply, java.util.List.of(demands), fundCents);
    }
}
