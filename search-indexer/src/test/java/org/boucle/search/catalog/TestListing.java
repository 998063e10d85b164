package org.boucle.search.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Builds listings for tests: a plausible refurbished laptop in Grenoble, changed field by field. */
final class TestListing {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final double GRENOBLE_LAT = 45.1885;
    static final double GRENOBLE_LON = 5.7245;

    String id;
    String kind = "REFURBISHED";
    String status = "ACTIVE";
    String title = "Ordinateur portable reconditionné";
    String description = "Testé, effacé et nettoyé par l'atelier.";
    String category = "LAPTOP";
    String categoryLabel = "Ordinateur portable";
    String manufacturer = "Lenovo";
    String model = "ThinkPad T480";
    String cpuFamily = "Intel Core i5";
    Integer cpuGeneration = 8;
    Integer ramGb = 8;
    String storageType = "SSD";
    Integer storageGb = 256;
    Double screenInches = 14.0;
    String grade = "B";
    Integer batteryHealthPercent = 80;
    int quantityAvailable = 3;
    BigDecimal unitPrice = new BigDecimal("199.00");
    String currency = "EUR";
    Integer warrantyMonths = 12;
    LocalDate availableFrom = TODAY;
    LocalDate availableUntil = null;
    String communeCode = "38185";
    String commune = "Grenoble";
    double latitude = GRENOBLE_LAT;
    double longitude = GRENOBLE_LON;
    String sellerId = "5d1c7a2e-0000-4000-8000-000000000001";
    String sellerName = "Atelier Réemploi Grenoble";
    Double co2AvoidedKg = 182.6;
    int photoCount = 2;
    long version = 1;

    private TestListing(String id) {
        this.id = id;
    }

    static TestListing listing(String id) {
        return new TestListing(id);
    }

    static String uuid(int n) {
        return "00000000-0000-4000-8000-%012d".formatted(n);
    }

    TestListing title(String v) { title = v; return this; }
    TestListing description(String v) { description = v; return this; }
    TestListing kind(String v) { kind = v; return this; }
    TestListing status(String v) { status = v; return this; }
    TestListing category(String code, String label) { category = code; categoryLabel = label; return this; }
    TestListing manufacturer(String v) { manufacturer = v; return this; }
    TestListing model(String v) { model = v; return this; }
    TestListing ramGb(Integer v) { ramGb = v; return this; }
    TestListing storageGb(Integer v) { storageGb = v; return this; }
    TestListing grade(String v) { grade = v; return this; }
    TestListing battery(Integer v) { batteryHealthPercent = v; return this; }
    TestListing quantity(int v) { quantityAvailable = v; return this; }
    TestListing price(String v) { unitPrice = v == null ? null : new BigDecimal(v); return this; }
    TestListing availableFrom(LocalDate v) { availableFrom = v; return this; }
    TestListing commune(String code, String name) { communeCode = code; commune = name; return this; }
    TestListing at(double lat, double lon) { latitude = lat; longitude = lon; return this; }
    TestListing seller(String id, String name) { sellerId = id; sellerName = name; return this; }
    TestListing version(long v) { version = v; return this; }

    ListingDocument build() {
        return new ListingDocument(id, kind, status, title, description, category, categoryLabel, manufacturer, model,
                cpuFamily, cpuGeneration, ramGb, storageType, storageGb, screenInches, grade, batteryHealthPercent,
                quantityAvailable, unitPrice, currency, warrantyMonths, availableFrom, availableUntil, communeCode,
                commune, latitude, longitude, sellerId, sellerName, co2AvoidedKg, photoCount, version);
    }
}
