package org.boucle.engine.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.boucle.engine.geo.GeoPoint;

/**
 * Seeded allocation problems shaped like Grenoble-Alpes Métropole's reuse sector: donors' upcoming lots and
 * workshops' refurbished stock in its communes, buyers and associations asking for about 1.3 times what is on offer
 * (laptops most contested), sharing rules as the marketplace's defaults, and a solidarity fund too small to subsidise
 * every association, so that viability binds.
 */
final class SyntheticTerritory {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 4);

    /** Communes of the metropolis (town hall, roughly) and a weight close to their population share. */
    private static final Object[][] COMMUNES = {
            {"Grenoble", 45.1885, 5.7245, 158}, {"Saint-Martin-d'Hères", 45.1672, 5.7653, 38},
            {"Échirolles", 45.1436, 5.7207, 37}, {"Fontaine", 45.1928, 5.6857, 22}, {"Meylan", 45.2096, 5.7795, 17},
            {"Saint-Égrève", 45.2331, 5.6831, 16}, {"Seyssinet-Pariset", 45.1783, 5.6878, 12},
            {"Sassenage", 45.2057, 5.6631, 11}, {"Le Pont-de-Claix", 45.1236, 5.6989, 11},
            {"Eybens", 45.1478, 5.7508, 10}, {"Vizille", 45.0777, 5.7708, 7}, {"Domène", 45.2028, 5.8389, 7},
            {"Seyssins", 45.1631, 5.6861, 7}, {"Vif", 45.0553, 5.6711, 8}, {"Claix", 45.1206, 5.6728, 8},
            {"La Tronche", 45.2050, 5.7389, 6}, {"Gières", 45.1811, 5.7883, 6}, {"Saint-Martin-le-Vinoux", 45.2036, 5.7183, 5},
            {"Varces-Allières-et-Risset", 45.0889, 5.6806, 8}, {"Jarrie", 45.1161, 5.7589, 4},
            {"Noyarey", 45.2436, 5.6300, 2}, {"Veurey-Voroize", 45.2722, 5.6131, 1}};

    /** Refurbishing workshops: where refurbished stock waits. */
    private static final GeoPoint[] WORKSHOPS = {new GeoPoint(45.1702, 5.7601), new GeoPoint(45.1401, 5.7132),
            new GeoPoint(45.1955, 5.6790), new GeoPoint(45.1868, 5.7350), new GeoPoint(45.2290, 5.6870)};

    /**
     * Category, share of supply, share of demand, standard weight (kg), ADEME avoided footprint (kg CO2e), base price
     * of a grade B unit (cents).
     */
    private record Kind(String category, double supplyShare, double demandShare, double weightKg, double avoidedKg,
            long basePriceCents) {
    }

    private static final Kind[] KINDS = {
            new Kind("LAPTOP", 0.40, 0.50, 2.2, 182.6, 18_000), new Kind("DESKTOP", 0.20, 0.17, 8.0, 204.4, 11_000),
            new Kind("SCREEN", 0.25, 0.18, 5.0, 65.9, 5_500), new Kind("SMARTPHONE", 0.10, 0.10, 0.2, 85.1, 12_000),
            new Kind("TABLET", 0.05, 0.05, 0.5, 59.7, 11_000)};

    private final Random random;
    private int lots;
    private int listings;

    private SyntheticTerritory(long seed) {
        this.random = new Random(seed);
    }

    /** A problem with exactly {@code units} units of supply and {@code demands} demands. */
    static AllocationProblem generate(long seed, int units, int demands) {
        return new SyntheticTerritory(seed).problem(units, demands);
    }

    private AllocationProblem problem(int units, int demandCount) {
        List<SupplyBatch> supply = new ArrayList<>();
        int total = 0;
        while (total < units) {
            List<SupplyBatch> batches = random.nextDouble() < 0.45 ? upcomingLot() : List.of(refurbished());
            for (SupplyBatch batch : batches) {
                int quantity = Math.min(batch.quantity(), units - total);
                if (quantity > 0) {
                    supply.add(withQuantity(batch, quantity));
                    total += quantity;
                }
            }
        }
        double meanRequest = 1.3 * units / demandCount;
        List<Demand> demands = new ArrayList<>();
        for (int i = 0; i < demandCount; i++) {
            demands.add(random.nextDouble() < 0.55 ? buyer(i, meanRequest) : association(i, meanRequest));
        }

        // 1.50 € of balance per unit on offer: enough for a part of the associations' subsidies only.
        return new AllocationProblem(supply, demands, 150L * units);
    }

    private List<SupplyBatch> upcomingLot() {
        String lotId = "lot-" + (++lots);
        Kind kind = kind(true);
        GeoPoint site = near(commune());
        LocalDate available = TODAY.plusDays(random.nextInt(180));
        int quantity = 10 + (int) Math.min(140, Math.round(-35 * Math.log(1 - random.nextDouble())));
        Specs specs = specs(kind);
        long donorCents = random.nextDouble() < 0.1 ? 500 : 0;
        ValueSharing sharing = new ValueSharing(1_500 + Math.round(40 * kind.weightKg()) + donorCents, 200, 0, 500);
        // A lot splits into its expected grades once sorted.
        int grades = 1 + random.nextInt(3);
        List<SupplyBatch> batches = new ArrayList<>();
        int left = quantity;
        for (int g = 0; g < grades && left > 0; g++) {
            int part = g == grades - 1 ? left : Math.max(1, left / (grades - g) + random.nextInt(5) - 2);
            part = Math.min(part, left);
            Grade grade = Grade.values()[Math.min(2, g + (random.nextDouble() < 0.3 ? 1 : 0))];
            batches.add(new SupplyBatch(lotId + "-" + g, lotId, site, available, kind.category(), specs, grade, part,
                    price(kind, specs, grade), sharing, kind.weightKg(), kind.avoidedKg()));
            left -= part;
        }
        return batches;
    }

    private SupplyBatch refurbished() {
        Kind kind = kind(true);
        Specs specs = specs(kind);
        Grade grade = grade();
        int quantity = 1 + (int) Math.min(39, Math.round(-8 * Math.log(1 - random.nextDouble())));
        ValueSharing sharing = new ValueSharing(2_500 + Math.round(40 * kind.weightKg()), 300, 0, 500);
        // A few listings are donations, for associations only.
        long price = random.nextDouble() < 0.05 ? 0 : price(kind, specs, grade);
        return new SupplyBatch("stock-" + (++listings), null, WORKSHOPS[random.nextInt(WORKSHOPS.length)],
                TODAY.plusDays(random.nextInt(15)), kind.category(), specs, grade, quantity, price, sharing,
                kind.weightKg(), kind.avoidedKg());
    }

    private Demand buyer(int index, double meanRequest) {
        Kind kind = kind(false);
        Specs minimum = minimumSpecs(kind, 1);
        Grade grade = random.nextDouble() < 0.15 ? Grade.A : random.nextDouble() < 0.7 ? Grade.B : Grade.C;
        long budget = Math.round(price(kind, minimum, grade) * (0.9 + 0.7 * random.nextDouble()));
        return new Demand("buyer-" + index, DemandKind.BUYER, kind.category(), request(meanRequest), minimum, grade,
                TODAY.plusDays(14 + random.nextInt(256)), near(commune()), Math.max(budget, 1), 0, 0);
    }

    private Demand association(int index, double meanRequest) {
        Kind kind = kind(false);
        double p = random.nextDouble();
        int priority = p < 0.3 ? 1 : p < 0.6 ? 2 : p < 0.8 ? 3 : p < 0.92 ? 4 : 5;
        long contribution = random.nextDouble() < 0.7 ? 0 : 2_000 + 500L * random.nextInt(9);
        return new Demand("association-" + index, DemandKind.ASSOCIATION, kind.category(), request(meanRequest),
                minimumSpecs(kind, 0), Grade.C, TODAY.plusDays(14 + random.nextInt(256)), near(commune()),
                contribution, 50 + random.nextInt(4_950), priority);
    }

    private int request(double mean) {
        return 1 + (int) Math.min(8 * mean, Math.round(-(mean - 1) * Math.log(1 - random.nextDouble())));
    }

    private Kind kind(boolean supply) {
        double r = random.nextDouble();
        for (Kind kind : KINDS) {
            r -= supply ? kind.supplyShare() : kind.demandShare();
            if (r < 0) {
                return kind;
            }
        }
        return KINDS[0];
    }

    private Grade grade() {
        double r = random.nextDouble();
        return r < 0.2 ? Grade.A : r < 0.75 ? Grade.B : Grade.C;
    }

    private Specs specs(Kind kind) {
        return switch (kind.category()) {
            case "LAPTOP" -> new Specs(pick(4, 8, 8, 8, 16, 16, 32), pick(128, 256, 256, 512, 1000), 6 + random.nextInt(8),
                    pickDouble(12.5, 13.3, 14, 15.6));
            case "DESKTOP" -> new Specs(pick(4, 8, 8, 16, 16, 32), pick(256, 512, 1000), 6 + random.nextInt(8), 0);
            case "SCREEN" -> new Specs(0, 0, 0, pickDouble(19, 22, 24, 24, 27));
            case "SMARTPHONE" -> new Specs(pick(3, 4, 6, 8), pick(32, 64, 128, 256), 0, pickDouble(5.8, 6.1, 6.5));
            default -> new Specs(pick(2, 3, 4, 8), pick(32, 64, 128), 0, pickDouble(8, 10.2, 11));
        };
    }

    /** Buyers (strictness 1) ask more than associations (0). */
    private Specs minimumSpecs(Kind kind, int strictness) {
        return switch (kind.category()) {
            case "LAPTOP", "DESKTOP" -> new Specs(strictness == 1 ? pick(8, 8, 16) : pick(4, 8), pick(0, 128, 256),
                    strictness == 1 ? 8 + random.nextInt(3) : 6 + random.nextInt(3), 0);
            case "SCREEN" -> new Specs(0, 0, 0, pickDouble(0, 22, 24));
            case "SMARTPHONE" -> new Specs(pick(3, 4), pick(32, 64), 0, 0);
            default -> new Specs(0, pick(32, 64), 0, 0);
        };
    }

    private long price(Kind kind, Specs specs, Grade grade) {
        double factor = switch (kind.category()) {
            case "LAPTOP", "DESKTOP" -> 0.6 + 0.05 * specs.ramGb() + 0.06 * Math.max(0, specs.cpuGeneration() - 6);
            case "SCREEN" -> 0.5 + 0.03 * specs.screenInches();
            default -> 0.6 + 0.0025 * specs.storageGb();
        };
        double gradeFactor = grade == Grade.A ? 1.2 : grade == Grade.B ? 1.0 : 0.8;
        return Math.round(kind.basePriceCents() * factor * gradeFactor / 100) * 100;
    }

    private static SupplyBatch withQuantity(SupplyBatch b, int quantity) {
        return new SupplyBatch(b.id(), b.lotId(), b.site(), b.availableOn(), b.category(), b.specs(), b.grade(), quantity,
                b.marketPriceCents(), b.sharing(), b.unitWeightKg(), b.avoidedCo2eKgPerUnit());
    }

    private Object[] commune() {
        int total = 0;
        for (Object[] commune : COMMUNES) {
            total += (int) commune[3];
        }
        int r = random.nextInt(total);
        for (Object[] commune : COMMUNES) {
            r -= (int) commune[3];
            if (r < 0) {
                return commune;
            }
        }
        return COMMUNES[0];
    }

    /** Within about 1.5 km of the commune's centre. */
    private GeoPoint near(Object[] commune) {
        return new GeoPoint((double) commune[1] + (random.nextDouble() - 0.5) * 0.027,
                (double) commune[2] + (random.nextDouble() - 0.5) * 0.038);
    }

    private int pick(int... values) {
        return values[random.nextInt(values.length)];
    }

    private double pickDouble(double... values) {
        return values[random.nextInt(values.length)];
    }
}
