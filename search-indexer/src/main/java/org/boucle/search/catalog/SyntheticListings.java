package org.boucle.search.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Realistic, deterministic catalogue listings for demos and benchmarks: French titles and categories,
 * sellers in the Grenoble area (within 0.15° of Grenoble), common business models of Dell, HP, Lenovo,
 * Apple, Samsung… with plausible specifications, grades and prices.
 *
 * <p>Listing {@code n} depends only on the seed, the reference day and {@code n}, so any slice can be
 * generated on its own, in any order, and twice gives the same documents. Immutable, thread-safe.
 */
public final class SyntheticListings {

    private static final double GRENOBLE_LAT = 45.1885;
    private static final double GRENOBLE_LON = 5.7245;
    private static final double MAX_OFFSET_DEGREES = 0.15;

    private record Commune(String code, String name, double lat, double lon) {
    }

    private static final List<Commune> COMMUNES = List.of(
            new Commune("38185", "Grenoble", 45.1885, 5.7245),
            new Commune("38151", "Échirolles", 45.1436, 5.7186),
            new Commune("38421", "Saint-Martin-d'Hères", 45.1672, 5.7653),
            new Commune("38169", "Fontaine", 45.1927, 5.6855),
            new Commune("38229", "Meylan", 45.2096, 5.7789),
            new Commune("38382", "Saint-Égrève", 45.2330, 5.6830),
            new Commune("38485", "Seyssinet-Pariset", 45.1800, 5.6900),
            new Commune("38474", "Sassenage", 45.2050, 5.6650),
            new Commune("38158", "Eybens", 45.1480, 5.7500),
            new Commune("38486", "Seyssins", 45.1640, 5.6830),
            new Commune("38317", "Le Pont-de-Claix", 45.1230, 5.6980),
            new Commune("38179", "Gières", 45.1810, 5.7900),
            new Commune("38423", "Saint-Martin-le-Vinoux", 45.2030, 5.7170),
            new Commune("38150", "Domène", 45.2030, 5.8380),
            new Commune("38545", "Vif", 45.0550, 5.6700),
            new Commune("38249", "Montbonnot-Saint-Martin", 45.2250, 5.8030),
            new Commune("38111", "Claix", 45.1200, 5.6730),
            new Commune("38524", "Varces-Allières-et-Risset", 45.0900, 5.6800),
            new Commune("38516", "La Tronche", 45.2050, 5.7460));

    private static final List<String> SELLER_NAMES = List.of(
            "Atelier du Réemploi Grenoblois", "Ressourcerie Numérique de l'Isère", "Recyclerie Informatique des Alpes",
            "Atelier Solidaire Échirollois", "Le Grenier Numérique", "Alpes Reconditionnement",
            "Répar'Tout Meylan", "Informatique Solidaire Fontaine", "Seconde Vie Numérique",
            "Atelier Vercors Informatique", "Coop'Info Grésivaudan", "Le Bon Octet",
            "Numérique Responsable Isère", "ReBoot Saint-Martin-d'Hères", "Atelier Belledonne",
            "Tremplin Informatique", "Chartreuse Reconditionné", "L'Ordi Solidaire",
            "Réemploi Métropole Services", "Atelier Drac Informatique", "Bastille Numérique",
            "Cycle Info Eybens", "PC Relais Seyssins", "La Boucle Numérique Claix");

    private enum Cat {
        LAPTOP("Ordinateur portable", "ordinateur portable", "ordinateurs portables", 182.6),
        DESKTOP("Ordinateur fixe", "unité centrale", "unités centrales", 204.4),
        SCREEN("Écran", "écran", "écrans", 65.9),
        SMARTPHONE("Smartphone", "smartphone", "smartphones", 85.1),
        TABLET("Tablette", "tablette", "tablettes", 59.7),
        PRINTER("Imprimante", "imprimante", "imprimantes", null),
        SERVER("Serveur", "serveur", "serveurs", null),
        NETWORK("Équipement réseau", "switch", "switchs", null),
        OTHER("Accessoire", "station d'accueil", "stations d'accueil", null);

        final String label;
        final String singular;
        final String plural;
        final Double co2;

        Cat(String label, String singular, String plural, Double co2) {
            this.label = label;
            this.singular = singular;
            this.plural = plural;
            this.co2 = co2;
        }
    }

    /** A product line; {@code cpu} null for devices without one worth listing. */
    private record Product(Cat cat, String manufacturer, String model, String cpu, int cpuGeneration,
                           int[] ram, int[] storage, String storageType, double screen, int newPrice, int weight) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product(Cat.LAPTOP, "Dell", "Latitude 5420", "Intel Core i5", 11, new int[] {8, 16}, new int[] {256, 512}, "NVME", 14.0, 1100, 6),
            new Product(Cat.LAPTOP, "Dell", "Latitude 7490", "Intel Core i7", 8, new int[] {8, 16}, new int[] {256, 512}, "SSD", 14.0, 1300, 5),
            new Product(Cat.LAPTOP, "Dell", "Latitude 3510", "Intel Core i3", 10, new int[] {4, 8}, new int[] {256}, "SSD", 15.6, 700, 4),
            new Product(Cat.LAPTOP, "HP", "EliteBook 840 G6", "Intel Core i5", 8, new int[] {8, 16}, new int[] {256, 512}, "NVME", 14.0, 1200, 6),
            new Product(Cat.LAPTOP, "HP", "EliteBook 850 G7", "Intel Core i7", 10, new int[] {16, 32}, new int[] {512}, "NVME", 15.6, 1500, 3),
            new Product(Cat.LAPTOP, "HP", "ProBook 450 G7", "Intel Core i5", 10, new int[] {8}, new int[] {256}, "SSD", 15.6, 800, 4),
            new Product(Cat.LAPTOP, "Lenovo", "ThinkPad T480", "Intel Core i5", 8, new int[] {8, 16}, new int[] {256}, "SSD", 14.0, 1100, 6),
            new Product(Cat.LAPTOP, "Lenovo", "ThinkPad T14 Gen 2", "Intel Core i5", 11, new int[] {16}, new int[] {512}, "NVME", 14.0, 1300, 4),
            new Product(Cat.LAPTOP, "Lenovo", "ThinkPad X1 Carbon Gen 9", "Intel Core i7", 11, new int[] {16, 32}, new int[] {512, 1024}, "NVME", 14.0, 1900, 2),
            new Product(Cat.LAPTOP, "Apple", "MacBook Air M1", "Apple M1", 1, new int[] {8, 16}, new int[] {256, 512}, "NVME", 13.3, 1100, 3),
            new Product(Cat.LAPTOP, "Fujitsu", "LifeBook E5410", "Intel Core i5", 10, new int[] {8}, new int[] {256}, "SSD", 14.0, 900, 2),
            new Product(Cat.DESKTOP, "Dell", "OptiPlex 7060 SFF", "Intel Core i5", 8, new int[] {8, 16}, new int[] {256, 500}, "SSD", 0, 800, 5),
            new Product(Cat.DESKTOP, "Dell", "OptiPlex 3080 Micro", "Intel Core i3", 10, new int[] {8}, new int[] {256}, "NVME", 0, 600, 3),
            new Product(Cat.DESKTOP, "HP", "EliteDesk 800 G4", "Intel Core i5", 8, new int[] {8, 16}, new int[] {256}, "SSD", 0, 850, 4),
            new Product(Cat.DESKTOP, "HP", "ProDesk 400 G6", "Intel Core i3", 9, new int[] {4, 8}, new int[] {500}, "HDD", 0, 550, 3),
            new Product(Cat.DESKTOP, "Lenovo", "ThinkCentre M720q", "Intel Core i5", 8, new int[] {8, 16}, new int[] {256}, "NVME", 0, 750, 4),
            new Product(Cat.DESKTOP, "Apple", "iMac 24 M1", "Apple M1", 1, new int[] {8}, new int[] {256}, "NVME", 24.0, 1500, 1),
            new Product(Cat.SCREEN, "Dell", "P2419H", null, 0, null, null, null, 23.8, 220, 6),
            new Product(Cat.SCREEN, "Dell", "U2719D", null, 0, null, null, null, 27.0, 450, 2),
            new Product(Cat.SCREEN, "HP", "E24 G4", null, 0, null, null, null, 23.8, 230, 4),
            new Product(Cat.SCREEN, "Lenovo", "ThinkVision T24i-20", null, 0, null, null, null, 23.8, 210, 3),
            new Product(Cat.SCREEN, "Samsung", "S24F350", null, 0, null, null, null, 24.0, 150, 3),
            new Product(Cat.SCREEN, "iiyama", "ProLite XU2493HS", null, 0, null, null, null, 24.0, 140, 3),
            new Product(Cat.SCREEN, "Philips", "243V7QDSB", null, 0, null, null, null, 23.8, 120, 2),
            new Product(Cat.SMARTPHONE, "Apple", "iPhone 11", null, 0, null, new int[] {64, 128}, "EMMC", 6.1, 700, 4),
            new Product(Cat.SMARTPHONE, "Apple", "iPhone 12", null, 0, null, new int[] {64, 128}, "EMMC", 6.1, 850, 3),
            new Product(Cat.SMARTPHONE, "Apple", "iPhone SE 2020", null, 0, null, new int[] {64}, "EMMC", 4.7, 450, 3),
            new Product(Cat.SMARTPHONE, "Samsung", "Galaxy A52", null, 0, null, new int[] {128}, "EMMC", 6.5, 350, 3),
            new Product(Cat.SMARTPHONE, "Samsung", "Galaxy S21", null, 0, null, new int[] {128, 256}, "EMMC", 6.2, 850, 2),
            new Product(Cat.SMARTPHONE, "Fairphone", "Fairphone 4", null, 0, null, new int[] {128, 256}, "EMMC", 6.3, 580, 1),
            new Product(Cat.TABLET, "Apple", "iPad 9e génération", null, 0, null, new int[] {64, 256}, "EMMC", 10.2, 390, 3),
            new Product(Cat.TABLET, "Samsung", "Galaxy Tab A8", null, 0, null, new int[] {32, 64}, "EMMC", 10.5, 230, 3),
            new Product(Cat.TABLET, "Lenovo", "Tab M10", null, 0, null, new int[] {32}, "EMMC", 10.1, 180, 2),
            new Product(Cat.PRINTER, "HP", "LaserJet Pro M404dn", null, 0, null, null, null, 0, 300, 3),
            new Product(Cat.PRINTER, "Brother", "HL-L2350DW", null, 0, null, null, null, 0, 130, 2),
            new Product(Cat.PRINTER, "Canon", "i-SENSYS MF443dw", null, 0, null, null, null, 0, 350, 1),
            new Product(Cat.SERVER, "Dell", "PowerEdge R640", "Intel Xeon Silver", 2, new int[] {64, 128}, new int[] {1200, 2400}, "SSD", 0, 4500, 1),
            new Product(Cat.SERVER, "HP", "ProLiant DL380 Gen10", "Intel Xeon Gold", 2, new int[] {128, 256}, new int[] {2400}, "SSD", 0, 6000, 1),
            new Product(Cat.NETWORK, "Cisco", "Catalyst 2960-X", null, 0, null, null, null, 0, 1400, 2),
            new Product(Cat.NETWORK, "HP", "Aruba 2530-24G", null, 0, null, null, null, 0, 900, 1),
            new Product(Cat.NETWORK, "Netgear", "GS308", null, 0, null, null, null, 0, 40, 1),
            new Product(Cat.OTHER, "Dell", "WD19", null, 0, null, null, null, 0, 230, 2),
            new Product(Cat.OTHER, "Lenovo", "ThinkPad USB-C Dock Gen 2", null, 0, null, null, null, 0, 200, 2));

    private static final int TOTAL_WEIGHT = PRODUCTS.stream().mapToInt(Product::weight).sum();

    private static final List<String> QUERY_TEXTS = List.of(
            "ordinateur portable", "ecran 24 pouces", "latitude 5420", "thinkpad", "iphone", "imprimante laser",
            "ecran dell", "portable lenovo i5", "elitebook 840", "macbook air", "tablette samsung", "switch cisco",
            "optiplex", "ordinateurs portables 16 go", "unite centrale", "smartphone reconditionne", "station d'accueil",
            "écrans", "galaxy", "probook");

    private final long seed;
    private final LocalDate today;

    /**
     * @param today the reference day: refurbished stock is available from up to 60 days before it,
     *     upcoming lots from 5 to 120 days after it
     */
    public SyntheticListings(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    /** Listings {@code from} to {@code from + count - 1}. */
    public List<ListingDocument> listings(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(this::listing).toList();
    }

    public Stream<ListingDocument> stream(int count) {
        return IntStream.range(0, count).mapToObj(this::listing);
    }

    /** Listing number {@code n}. */
    public ListingDocument listing(int n) {
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + n));
        Product product = pickProduct(random);
        int sellerIndex = random.nextInt(SELLER_NAMES.size());
        Commune commune = COMMUNES.get(sellerIndex % COMMUNES.size());
        boolean upcoming = random.nextInt(100) < 25;
        String status = pick(random, 100, new int[] {88, 6, 6}, "ACTIVE", "PAUSED", "WITHDRAWN");
        int quantity = random.nextInt(100) < 4 ? 0
                : upcoming ? 5 + random.nextInt(116)
                : random.nextInt(100) < 60 ? 1 + random.nextInt(3) : 4 + random.nextInt(27);
        String grade = upcoming ? null : pick(random, 100, new int[] {35, 45, 20}, "A", "B", "C");
        Integer ram = product.ram() == null ? null : product.ram()[random.nextInt(product.ram().length)];
        Integer storage = product.storage() == null ? null : product.storage()[random.nextInt(product.storage().length)];
        Integer battery = !upcoming && (product.cat() == Cat.LAPTOP || product.cat() == Cat.SMARTPHONE || product.cat() == Cat.TABLET)
                ? 70 + random.nextInt(31) : null;
        BigDecimal price = price(random, product, grade, upcoming);
        LocalDate availableFrom = upcoming ? today.plusDays(5 + random.nextInt(116)) : today.minusDays(random.nextInt(61));
        LocalDate availableUntil = upcoming ? null : random.nextInt(100) < 30 ? availableFrom.plusDays(30 + random.nextInt(90)) : null;
        Integer warranty = upcoming ? null : grade.equals("C") ? 6 : random.nextBoolean() ? 12 : 24;
        double lat = clamp(commune.lat() + (random.nextDouble() - 0.5) * 0.02, GRENOBLE_LAT);
        double lon = clamp(commune.lon() + (random.nextDouble() - 0.5) * 0.02, GRENOBLE_LON);
        String sellerId = uuid(mix(seed ^ 0x5E11E5L) + sellerIndex).toString();
        return new ListingDocument(
                uuid(mix(seed) ^ mix(n + 0x1D5L)).toString(),
                upcoming ? "UPCOMING_LOT" : "REFURBISHED",
                status,
                title(random, product, quantity, ram, storage, upcoming),
                description(product, grade, ram, storage, battery, warranty, upcoming, availableFrom),
                product.cat().name(),
                product.cat().label,
                product.manufacturer(),
                product.model(),
                product.cpu(),
                product.cpu() == null ? null : product.cpuGeneration(),
                ram,
                product.storageType(),
                storage,
                product.screen() > 0 ? product.screen() : null,
                grade,
                battery,
                quantity,
                price,
                "EUR",
                warranty,
                availableFrom,
                availableUntil,
                commune.code(),
                commune.name(),
                lat,
                lon,
                sellerId,
                SELLER_NAMES.get(sellerIndex),
                product.cat().co2,
                random.nextInt(6),
                1);
    }

    /**
     * Search number {@code n} of a realistic mix: a few words (a third with a typo), two filters, a point
     * in the area with a radius, and the default facets. For benchmarks.
     */
    public ListingQuery query(int n) {
        SplittableRandom random = new SplittableRandom(mix(seed * 31 + n + 0xC0FFEEL));
        String text = QUERY_TEXTS.get(random.nextInt(QUERY_TEXTS.size()));
        if (random.nextInt(3) == 0) {
            text = typo(random, text);
        }
        ListingQuery.Builder query = ListingQuery.builder().text(text).size(20);
        Set<Integer> filters = new LinkedHashSet<>();
        while (filters.size() < 2) {
            filters.add(random.nextInt(6));
        }
        for (int filter : filters) {
            switch (filter) {
                case 0 -> query.grades(Set.of("A", "B"));
                case 1 -> query.minRamGb(random.nextBoolean() ? 8 : 16);
                case 2 -> query.maxPrice(BigDecimal.valueOf(100L * (2 + random.nextInt(5))));
                case 3 -> query.kinds(Set.of("REFURBISHED"));
                case 4 -> query.manufacturers(Set.of(random.nextBoolean() ? "Dell" : "HP", "Lenovo"));
                default -> query.availableBefore(today.plusDays(30));
            }
        }
        Commune around = COMMUNES.get(random.nextInt(COMMUNES.size()));
        query.near(new GeoPoint(around.lat(), around.lon())).radiusKm((double) (5 + 5 * random.nextInt(3)));
        return query.build();
    }

    private static Product pickProduct(SplittableRandom random) {
        int target = random.nextInt(TOTAL_WEIGHT);
        for (Product product : PRODUCTS) {
            target -= product.weight();
            if (target < 0) {
                return product;
            }
        }
        throw new IllegalStateException();
    }

    private static String title(SplittableRandom random, Product p, int quantity, Integer ram, Integer storage, boolean upcoming) {
        String name = p.manufacturer() + " " + p.model();
        boolean lot = quantity > 1 && (upcoming || random.nextBoolean());
        String kind = p.cat() == Cat.SCREEN
                ? (lot ? "écrans" : "écran") + " " + inches(p.screen()) + " pouces"
                : lot ? p.cat().plural : p.cat().singular;
        StringBuilder title = new StringBuilder();
        if (lot && random.nextBoolean()) {
            title.append("Lot de ").append(quantity).append(' ').append(kind);
        } else {
            title.append(Character.toUpperCase(kind.charAt(0))).append(kind.substring(1));
        }
        title.append(' ').append(name);
        if (ram != null && p.cat() != Cat.SERVER && random.nextBoolean()) {
            title.append(" – ").append(ram).append(" Go");
            if (storage != null) {
                title.append(" / ").append(p.storageType().equals("HDD") ? "HDD " : "SSD ").append(storage).append(" Go");
            }
        } else if (!upcoming && random.nextInt(3) == 0) {
            title.append(lot ? " reconditionnés" : " reconditionné");
        }
        return title.toString();
    }

    private static String description(Product p, String grade, Integer ram, Integer storage, Integer battery,
                                      Integer warranty, boolean upcoming, LocalDate availableFrom) {
        StringBuilder d = new StringBuilder();
        if (upcoming) {
            d.append("Lot issu du renouvellement du parc informatique d'une entreprise du territoire, disponible à partir du ")
                    .append(availableFrom).append(". État à confirmer après inspection par l'atelier. ");
        } else {
            d.append(switch (grade) {
                case "A" -> "Très bon état, traces d'usage à peine visibles. ";
                case "B" -> "Bon état, quelques rayures légères sur le capot. ";
                default -> "État correct, marques d'usage visibles, parfaitement fonctionnel. ";
            });
        }
        if (p.cpu() != null) {
            d.append("Processeur ").append(p.cpu());
            if (p.cpu().startsWith("Intel Core")) {
                d.append(" de ").append(p.cpuGeneration()).append("e génération");
            }
            d.append(". ");
        }
        if (ram != null) {
            d.append(ram).append(" Go de mémoire vive. ");
        }
        if (storage != null) {
            d.append("Stockage ").append(p.storageType()).append(' ').append(storage).append(" Go. ");
        }
        if (p.screen() > 0) {
            d.append("Écran de ").append(inches(p.screen())).append(" pouces. ");
        }
        if (battery != null) {
            d.append("Batterie à ").append(battery).append(" % de sa capacité d'origine. ");
        }
        if (!upcoming) {
            d.append("Données effacées et certificat d'effacement fourni. Garantie ").append(warranty).append(" mois.");
        }
        return d.toString().strip();
    }

    private static BigDecimal price(SplittableRandom random, Product p, String grade, boolean upcoming) {
        if (random.nextInt(100) < 8) {
            return null; // a donation, for associations
        }
        double factor = upcoming ? 0.15 : switch (grade) {
            case "A" -> 0.45;
            case "B" -> 0.35;
            default -> 0.25;
        };
        double euros = p.newPrice() * factor * (0.85 + random.nextDouble() * 0.3);
        // Shop prices: whole euros ending in 9, or .90 below 20 €.
        if (euros < 20) {
            return BigDecimal.valueOf(Math.max(1, Math.round(euros)) - 0.10).setScale(2, RoundingMode.HALF_UP);
        }
        long rounded = Math.max(19, Math.round(euros / 10.0) * 10 - 1);
        return BigDecimal.valueOf(rounded).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String typo(SplittableRandom random, String text) {
        int at = 1 + random.nextInt(Math.max(1, text.length() - 2));
        if (at >= text.length() - 1 || text.charAt(at) == ' ' || text.charAt(at + 1) == ' ') {
            return text;
        }
        // Swap two neighbouring letters: the commonest typo, one edit for the fuzzy match.
        return text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
    }

    private static String inches(double inches) {
        return inches == Math.rint(inches) ? Integer.toString((int) inches) : Double.toString(inches).replace('.', ',');
    }

    private static String pick(SplittableRandom random, int bound, int[] weights, String... values) {
        int target = random.nextInt(bound);
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static double clamp(double value, double centre) {
        return Math.max(centre - MAX_OFFSET_DEGREES, Math.min(centre + MAX_OFFSET_DEGREES, value));
    }

    private static UUID uuid(long bits) {
        long most = mix(bits);
        long least = mix(bits + 0x632BE59BD9B4E019L);
        // Version 4, IETF variant: it looks like any other listing id.
        return new UUID((most & ~0xF000L) | 0x4000L, (least & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** SplitMix64's finaliser: spreads consecutive numbers over the whole long range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
