package org.boucle.marketplace.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Refurbished stock as the territory's workshops and resellers would list it: real models with their usual specs,
 * grades, battery health that meets the grade, prices and warranties of the second-hand market. Deterministic:
 * listing {@code i} of a seed is always the same, ids included (write another batch with another seed).
 *
 * <p>{@link #write} stores any number of them with PostgreSQL's COPY, in batches, so that a million listings take
 * seconds and flat memory. Nothing is validated on that path: {@link #draft} is what the tests check against the
 * rules of {@link Listings}.
 */
public final class SyntheticCatalog {

    /** Where listings are sold from: a workshop or reseller, and one of its sites. */
    public record Outlet(UUID sellerId, UUID siteId) {
    }

    /** How the search index learns about written listings: a {@code search_outbox} row each, or a full reindex. */
    public enum Indexing {
        /** One outbox row per listing, as for any change made through {@link Listings}. */
        OUTBOX_ROW_PER_LISTING,
        /** No outbox rows: the caller runs a full reindex afterwards (much faster for bulk loads). */
        CALLER_REINDEXES
    }

    /** A model as refurbishers sell it, with the price of a grade A unit excluding VAT. */
    private record Model(Category category, String maker, String name, String cpu, Integer cpuGeneration, int[] ramGb,
            StorageType storage, int[] storageGb, String screen, int priceA, String extras) {
    }

    private static final List<Model> MODELS = List.of(
            new Model(Category.LAPTOP, "Lenovo", "ThinkPad T480", "Intel Core i5", 8, new int[] {8, 16}, StorageType.SSD, new int[] {256, 512}, "14.0", 279, "chargeur 65 W"),
            new Model(Category.LAPTOP, "Lenovo", "ThinkPad T14 Gen 2", "Intel Core i5", 11, new int[] {16}, StorageType.NVME, new int[] {256, 512}, "14.0", 449, "chargeur USB-C"),
            new Model(Category.LAPTOP, "Lenovo", "ThinkPad X280", "Intel Core i5", 8, new int[] {8}, StorageType.NVME, new int[] {256}, "12.5", 239, "chargeur USB-C"),
            new Model(Category.LAPTOP, "Dell", "Latitude 5490", "Intel Core i5", 8, new int[] {8, 16}, StorageType.SSD, new int[] {256}, "14.0", 259, "chargeur 65 W"),
            new Model(Category.LAPTOP, "Dell", "Latitude 5420", "Intel Core i5", 11, new int[] {16}, StorageType.NVME, new int[] {256, 512}, "14.0", 429, "chargeur USB-C"),
            new Model(Category.LAPTOP, "Dell", "Latitude 7390", "Intel Core i7", 8, new int[] {16}, StorageType.NVME, new int[] {512}, "13.3", 329, "chargeur 65 W"),
            new Model(Category.LAPTOP, "HP", "EliteBook 840 G6", "Intel Core i5", 8, new int[] {8, 16}, StorageType.NVME, new int[] {256}, "14.0", 299, "chargeur 65 W"),
            new Model(Category.LAPTOP, "HP", "ProBook 450 G7", "Intel Core i5", 10, new int[] {8, 16}, StorageType.SSD, new int[] {256, 512}, "15.6", 289, "chargeur 65 W"),
            new Model(Category.LAPTOP, "Apple", "MacBook Air M1 (2020)", "Apple M1", null, new int[] {8, 16}, StorageType.SSD, new int[] {256, 512}, "13.3", 579, "chargeur USB-C 30 W"),
            new Model(Category.DESKTOP, "Dell", "OptiPlex 7060 SFF", "Intel Core i5", 8, new int[] {8, 16}, StorageType.SSD, new int[] {256}, null, 199, "clavier et souris"),
            new Model(Category.DESKTOP, "Dell", "OptiPlex 3070 MT", "Intel Core i3", 9, new int[] {8}, StorageType.HDD, new int[] {500, 1000}, null, 149, "clavier et souris"),
            new Model(Category.DESKTOP, "HP", "EliteDesk 800 G4 Mini", "Intel Core i5", 8, new int[] {8, 16}, StorageType.NVME, new int[] {256}, null, 189, "alimentation et support VESA"),
            new Model(Category.DESKTOP, "Lenovo", "ThinkCentre M720q", "Intel Core i5", 8, new int[] {8, 16}, StorageType.NVME, new int[] {256}, null, 179, "alimentation"),
            new Model(Category.DESKTOP, "Lenovo", "ThinkCentre M70q", "Intel Core i5", 10, new int[] {16}, StorageType.NVME, new int[] {512}, null, 269, "alimentation"),
            new Model(Category.SCREEN, "Dell", "P2419H", null, null, null, null, null, "23.8", 79, "câbles HDMI et alimentation"),
            new Model(Category.SCREEN, "Dell", "P2719H", null, null, null, null, null, "27.0", 109, "câbles DisplayPort et alimentation"),
            new Model(Category.SCREEN, "Iiyama", "ProLite XUB2492HSU", null, null, null, null, null, "23.8", 69, "câble HDMI"),
            new Model(Category.SCREEN, "HP", "E24 G4", null, null, null, null, null, "23.8", 85, "câble DisplayPort"),
            new Model(Category.SCREEN, "Lenovo", "ThinkVision T24i-20", null, null, null, null, null, "23.8", 89, "câble HDMI"),
            new Model(Category.SCREEN, "Philips", "243V7QDAB", null, null, null, null, null, "23.8", 55, "câble HDMI"),
            new Model(Category.SMARTPHONE, "Apple", "iPhone 11", null, null, null, null, new int[] {64, 128}, "6.1", 249, "câble de charge"),
            new Model(Category.SMARTPHONE, "Apple", "iPhone SE (2020)", null, null, null, null, new int[] {64, 128}, "4.7", 159, "câble de charge"),
            new Model(Category.SMARTPHONE, "Samsung", "Galaxy A52", null, null, null, StorageType.EMMC, new int[] {128}, "6.5", 169, "câble USB-C"),
            new Model(Category.SMARTPHONE, "Samsung", "Galaxy S10", null, null, null, null, new int[] {128}, "6.1", 179, "câble USB-C"),
            new Model(Category.SMARTPHONE, "Google", "Pixel 6a", null, null, null, null, new int[] {128}, "6.1", 199, "câble USB-C"),
            new Model(Category.SMARTPHONE, "Fairphone", "Fairphone 4", null, null, null, null, new int[] {128, 256}, "6.3", 289, "coque de protection"),
            new Model(Category.TABLET, "Apple", "iPad 8 (2020)", null, null, null, null, new int[] {32, 128}, "10.2", 199, "câble de charge"),
            new Model(Category.TABLET, "Apple", "iPad 9 (2021)", null, null, null, null, new int[] {64, 256}, "10.2", 259, "câble de charge"),
            new Model(Category.TABLET, "Samsung", "Galaxy Tab A7", null, null, null, StorageType.EMMC, new int[] {32, 64}, "10.4", 119, "câble USB-C"),
            new Model(Category.TABLET, "Samsung", "Galaxy Tab S6 Lite", null, null, null, StorageType.EMMC, new int[] {64}, "10.4", 169, "stylet S Pen"),
            new Model(Category.PRINTER, "HP", "LaserJet Pro M404dn", null, null, null, null, null, null, 129, "toner entamé"),
            new Model(Category.PRINTER, "Brother", "HL-L2350DW", null, null, null, null, null, null, 69, "toner entamé"),
            new Model(Category.NETWORK, "Cisco", "Catalyst 2960-X 48 ports", null, null, null, null, null, null, 159, "kit de montage en baie"),
            new Model(Category.SERVER, "Dell", "PowerEdge R640", "Intel Xeon Silver", 2, new int[] {64, 128}, StorageType.SSD, new int[] {960, 1920}, null, 949, "rails et double alimentation"));

    /** How many listings each COPY carries, by default, before their outbox rows follow. */
    private static final int BATCH = 10_000;
    private static final int FLUSH_AT = 64 * 1024;
    private static final String COLUMNS = "id, kind, status, seller_id, site_id, category, manufacturer, model, title, "
            + "description, cpu_family, cpu_generation, ram_gb, storage_type, storage_gb, screen_inches, grade, "
            + "battery_health_percent, quantity_available, unit_price, currency, warranty_months, available_from, "
            + "available_until, version, created_at, updated_at";

    private final long seed;
    private final int batch;

    public SyntheticCatalog(long seed) {
        this(seed, BATCH);
    }

    SyntheticCatalog(long seed, int batch) {
        this.seed = seed;
        this.batch = batch;
    }

    /** One generated listing: a draft (seller and site from the outlet) and the id and status it is written with. */
    public record Generated(UUID id, ListingStatus status, ListingDraft draft) {
    }

    /** Listing {@code index} of this seed, sold from one of the outlets. */
    public Generated listing(long index, List<Outlet> outlets, LocalDate today) {
        if (outlets.isEmpty()) {
            throw new IllegalArgumentException("No outlet to sell from");
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        UUID id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        Outlet outlet = outlets.get(random.nextInt(outlets.size()));
        Model model = MODELS.get(random.nextInt(MODELS.size()));
        int roll = random.nextInt(100);
        Grade grade = roll < 30 ? Grade.A : roll < 80 ? Grade.B : Grade.C;
        Integer battery = Grade.needsBatteryHealth(model.category())
                ? grade.minBatteryHealthPercent() + random.nextInt((grade == Grade.A ? 100 : grade == Grade.B ? 85 : 75)
                        - grade.minBatteryHealthPercent() + 1)
                : null;
        Integer ram = pick(model.ramGb(), random);
        Integer storage = pick(model.storageGb(), random);
        BigDecimal screen = model.screen() == null ? null : new BigDecimal(model.screen());
        int[] warranties = grade == Grade.A ? new int[] {12, 18, 24} : grade == Grade.B ? new int[] {6, 12, 12, 18} : new int[] {6, 6, 12};
        int warranty = warranties[random.nextInt(warranties.length)];
        int quantity = 1 + random.nextInt(random.nextInt(4) == 0 ? 30 : 5);
        BigDecimal price = price(model, grade, ram, storage, random);
        boolean donation = model.category() != Category.SERVER && random.nextInt(40) == 0;
        ListingStatus status = random.nextInt(25) == 0 ? ListingStatus.PAUSED : ListingStatus.ACTIVE;
        LocalDate from = today.minusDays(random.nextInt(90));
        ListingDraft draft = new ListingDraft(outlet.sellerId(), ListingKind.REFURBISHED, outlet.siteId(), model.category(),
                model.maker(), model.name(), title(model, grade, ram, storage), description(model, grade, battery, warranty, random),
                new ListingDraft.Specs(model.cpu(), model.cpuGeneration(), ram, model.storage(), storage, screen), grade,
                battery, quantity, donation ? null : price, donation, ListingRules.CURRENCY, warranty, from, null, null);
        return new Generated(id, status, draft);
    }

    /**
     * Writes listings {@code 0..count-1} of this seed with COPY on the caller's connection, in the caller's
     * transaction (nothing is committed here).
     *
     * @return how many listings were written
     */
    public long write(Connection connection, long count, List<Outlet> outlets, LocalDate today, Instant now, Indexing indexing)
            throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String stamp = now.toString();
        List<UUID> ids = new ArrayList<>(batch);
        for (long start = 0; start < count; start += batch) {
            long end = Math.min(count, start + batch);
            ids.clear();
            CopyIn in = copy.copyIn("copy listing (" + COLUMNS + ") from stdin (format csv)");
            try {
                StringBuilder rows = new StringBuilder(FLUSH_AT + 4096);
                for (long index = start; index < end; index++) {
                    Generated listing = listing(index, outlets, today);
                    ids.add(listing.id());
                    row(rows, listing, stamp);
                    if (rows.length() >= FLUSH_AT) {
                        flush(in, rows);
                    }
                }
                flush(in, rows);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            if (indexing == Indexing.OUTBOX_ROW_PER_LISTING) {
                writeOutbox(copy, ids);
            }
        }
        return count;
    }

    private static void writeOutbox(CopyManager copy, List<UUID> ids) throws SQLException {
        CopyIn in = copy.copyIn("copy search_outbox (listing_id) from stdin (format csv)");
        try {
            StringBuilder rows = new StringBuilder(FLUSH_AT + 64);
            for (UUID id : ids) {
                rows.append(id).append('\n');
                if (rows.length() >= FLUSH_AT) {
                    flush(in, rows);
                }
            }
            flush(in, rows);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void row(StringBuilder out, Generated listing, String stamp) {
        ListingDraft d = listing.draft();
        ListingDraft.Specs s = d.specsOrEmpty();
        out.append(listing.id()).append(',').append(ListingKind.REFURBISHED).append(',').append(listing.status()).append(',')
                .append(d.sellerId()).append(',').append(d.siteId()).append(',').append(d.category()).append(',');
        field(out, d.manufacturer()).append(',');
        field(out, d.model()).append(',');
        field(out, d.title()).append(',');
        field(out, d.description()).append(',');
        field(out, s.cpuFamily()).append(',');
        field(out, s.cpuGeneration()).append(',');
        field(out, s.ramGb()).append(',');
        field(out, s.storageType()).append(',');
        field(out, s.storageGb()).append(',');
        field(out, s.screenInches()).append(',');
        field(out, d.grade()).append(',');
        field(out, d.batteryHealthPercent()).append(',');
        out.append(d.quantityAvailable()).append(',');
        field(out, d.isDonation() ? null : d.unitPrice().toPlainString()).append(',');
        out.append(ListingRules.CURRENCY).append(',').append(d.warrantyMonthsOrZero()).append(',')
                .append(d.availableFrom()).append(",,0,").append(stamp).append(',').append(stamp).append('\n');
    }

    /** A COPY csv field: empty and unquoted is NULL, anything else is quoted. */
    private static StringBuilder field(StringBuilder out, Object value) {
        if (value == null) {
            return out;
        }
        return out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
    }

    private static void flush(CopyIn in, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        rows.setLength(0);
        in.writeToCopy(bytes, 0, bytes.length);
    }

    private static Integer pick(int[] values, SplittableRandom random) {
        return values == null ? null : values[random.nextInt(values.length)];
    }

    /** Grade A's price, less for lower grades, more for bigger memory and storage; shop prices end in ,90. */
    private static BigDecimal price(Model model, Grade grade, Integer ram, Integer storage, SplittableRandom random) {
        double price = model.priceA() * (grade == Grade.A ? 1.0 : grade == Grade.B ? 0.86 : 0.72);
        if (ram != null && model.ramGb().length > 1 && ram > model.ramGb()[0]) {
            price += 40;
        }
        if (storage != null && model.storageGb().length > 1 && storage > model.storageGb()[0]) {
            price += 30;
        }
        price *= 0.95 + random.nextDouble() * 0.1;
        return BigDecimal.valueOf(Math.max(5, Math.round(price / 5.0) * 5)).subtract(new BigDecimal("0.10"))
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String title(Model model, Grade grade, Integer ram, Integer storage) {
        StringBuilder title = new StringBuilder();
        if (model.category() == Category.SCREEN) {
            title.append("Écran ");
        }
        title.append(model.maker());
        if (!model.name().startsWith(model.maker())) {
            title.append(' ').append(model.name());
        }
        List<String> details = new ArrayList<>();
        if (model.cpu() != null) {
            details.add(model.cpu().replace("Intel ", "") + (model.cpuGeneration() == null ? "" : " " + model.cpuGeneration() + "e gén."));
        }
        if (ram != null) {
            details.add(ram + " Go");
        }
        if (storage != null) {
            details.add(model.storage() == null || model.storage() == StorageType.EMMC ? storage + " Go"
                    : (model.storage() == StorageType.NVME ? "SSD NVMe" : model.storage().name()) + " " + storage + " Go");
        }
        if (model.category() == Category.SCREEN) {
            details.add(model.screen().replace('.', ',').replace(",0", "") + " pouces");
        }
        details.add("note " + grade);
        return title.append(" — ").append(String.join(", ", details)).toString();
    }

    private static final List<String> CHECKS = List.of(
            "Testé composant par composant, nettoyé et désinfecté.",
            "Diagnostic complet, nettoyage intérieur et extérieur.",
            "Contrôlé sur banc de test, pièces d’usure remplacées si nécessaire.");

    private static String description(Model model, Grade grade, Integer battery, int warranty, SplittableRandom random) {
        StringBuilder text = new StringBuilder(CHECKS.get(random.nextInt(CHECKS.size())));
        if (model.category() != Category.SCREEN && model.category() != Category.PRINTER) {
            text.append(" Données effacées selon la méthode recommandée par l’ANSSI, certificat d’effacement fourni.");
        }
        text.append(switch (grade) {
            case A -> " Aucune marque visible.";
            case B -> " Légères traces d’usage sur le capot.";
            case C -> " Rayures visibles, entièrement fonctionnel.";
        });
        if (battery != null) {
            text.append(" Batterie à ").append(battery).append(" % de sa capacité d’origine.");
        }
        if (model.category() == Category.LAPTOP || model.category() == Category.DESKTOP) {
            text.append(random.nextBoolean() ? " Windows 11 Professionnel réinstallé." : " Livré avec Linux Mint, Windows 11 sur demande.");
        }
        text.append(" Fourni avec ").append(model.extras()).append(". Garantie ").append(warranty).append(" mois.");
        return text.toString();
    }
}
