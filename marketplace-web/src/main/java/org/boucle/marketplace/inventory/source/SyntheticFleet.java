package org.boucle.marketplace.inventory.source;

import static org.boucle.marketplace.inventory.source.Category.DESKTOP;
import static org.boucle.marketplace.inventory.source.Category.LAPTOP;
import static org.boucle.marketplace.inventory.source.Category.NETWORK;
import static org.boucle.marketplace.inventory.source.Category.PRINTER;
import static org.boucle.marketplace.inventory.source.Category.SCREEN;
import static org.boucle.marketplace.inventory.source.Category.SERVER;
import static org.boucle.marketplace.inventory.source.Category.SMARTPHONE;
import static org.boucle.marketplace.inventory.source.Category.TABLET;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A donor's park as its inventory tool would list it, generated one asset at a time from a seed: the same seed,
 * donor and reference date always give the same assets.
 */
final class SyntheticFleet {

    /** One catalogue model, with the specs it ships with and its list price excluding VAT. */
    record Model(Category category, String brand, String name, int year, String cpu, int ramGb, int storageGb,
            String storageType, String screen, int price, String type, String serialPrefix, int serialLength) {

        boolean isComputer() {
            return category == LAPTOP || category == DESKTOP || category == SERVER;
        }
    }

    /** One generated asset. */
    record Asset(int index, long glpiId, Model model, String maker, String name, String serial, String assetTag,
            String site, String building, LocalDate purchaseDate, int warrantyMonths, LocalDate decommission,
            BigDecimal price, State state, boolean deleted) {

        LocalDate warrantyEnd() {
            return purchaseDate.plusMonths(warrantyMonths);
        }

        /** The screen size for monitors, the only assets whose size every tool records. */
        BigDecimal screenInches() {
            return model.category() == SCREEN && model.screen() != null ? new BigDecimal(model.screen()) : null;
        }
    }

    /** Life-cycle states, named as each tool names them. */
    enum State {
        IN_USE("En service", "Déployé", "deployed"),
        IN_STOCK("En stock", "Prêt à déployer", "deployable"),
        IN_REPAIR("En réparation", "En réparation", "undeployable"),
        TO_RETIRE("À réformer", "En attente", "pending"),
        RETIRED("Rebut", "Archivé", "archived");

        final String glpi;
        final String snipeIt;
        final String snipeItMeta;

        State(String glpi, String snipeIt, String snipeItMeta) {
            this.glpi = glpi;
            this.snipeIt = snipeIt;
            this.snipeItMeta = snipeItMeta;
        }
    }

    /** How often each category occurs in an office, hospital or university park, in percent. */
    private static final Category[] MIX = mix(LAPTOP, 45, DESKTOP, 20, SCREEN, 20, SMARTPHONE, 8, TABLET, 3,
            PRINTER, 2, SERVER, 1, NETWORK, 1);

    static final List<Model> CATALOG = List.of(
            new Model(LAPTOP, "Dell", "Latitude E5470", 2016, "Intel Core i5-6300U", 8, 256, "SSD", "14", 980, "Portable", "", 7),
            new Model(LAPTOP, "Dell", "Latitude 5490", 2018, "Intel Core i5-8350U", 8, 256, "SSD", "14", 920, "Portable", "", 7),
            new Model(LAPTOP, "Dell", "Latitude 5420", 2021, "Intel Core i5-1145G7", 16, 256, "SSD", "14", 1050, "Portable", "", 7),
            new Model(LAPTOP, "Dell", "Latitude 5520", 2021, "Intel Core i5-1145G7", 16, 512, "SSD", "15.6", 1120, "Portable", "", 7),
            new Model(LAPTOP, "Dell", "Latitude 7420", 2021, "Intel Core i7-1185G7", 16, 512, "SSD", "14", 1480, "Ordinateur portable", "", 7),
            new Model(LAPTOP, "HP", "EliteBook 840 G3", 2016, "Intel Core i5-6300U", 8, 256, "SSD", "14", 1010, "Portable", "5CG", 10),
            new Model(LAPTOP, "HP", "EliteBook 840 G7", 2020, "Intel Core i5-10310U", 16, 256, "SSD", "14", 1150, "Portable", "5CG", 10),
            new Model(LAPTOP, "HP", "EliteBook 840 G8", 2021, "Intel Core i5-1145G7", 16, 512, "SSD", "14", 1250, "Portable", "5CG", 10),
            new Model(LAPTOP, "HP", "ProBook 450 G8", 2021, "Intel Core i5-1135G7", 8, 256, "SSD", "15.6", 780, "Portable", "5CD", 10),
            new Model(LAPTOP, "Lenovo", "ThinkPad T460", 2016, "Intel Core i5-6200U", 8, 256, "SSD", "14", 990, "Portable", "PC", 8),
            new Model(LAPTOP, "Lenovo", "ThinkPad T490s", 2019, "Intel Core i5-8265U", 8, 256, "SSD", "14", 1020, "Portable", "PF", 8),
            new Model(LAPTOP, "Lenovo", "ThinkPad T14 Gen 2", 2021, "Intel Core i5-1135G7", 16, 512, "SSD", "14", 1090, "Portable", "PF", 8),
            new Model(LAPTOP, "Lenovo", "ThinkPad E15 Gen 2", 2021, "Intel Core i5-1135G7", 8, 256, "SSD", "15.6", 690, "Portable", "PF", 8),
            new Model(LAPTOP, "Apple", "MacBook Air M1", 2020, "Apple M1", 8, 256, "SSD", "13.3", 1129, "Portable", "C02", 12),
            new Model(LAPTOP, "Apple", "MacBook Pro 14", 2021, "Apple M1 Pro", 16, 512, "SSD", "14.2", 2249, "Portable", "C02", 12),
            new Model(DESKTOP, "Dell", "OptiPlex 7050", 2017, "Intel Core i5-7500", 8, 500, "HDD", null, 760, "Tour", "", 7),
            new Model(DESKTOP, "Dell", "OptiPlex 3070", 2019, "Intel Core i5-9500", 8, 1000, "HDD", null, 620, "Tour", "", 7),
            new Model(DESKTOP, "Dell", "OptiPlex 7080", 2020, "Intel Core i5-10500", 16, 512, "SSD", null, 890, "Mini tour", "", 7),
            new Model(DESKTOP, "HP", "EliteDesk 800 G3", 2017, "Intel Core i5-7500", 8, 256, "SSD", null, 790, "Poste fixe", "CZC", 10),
            new Model(DESKTOP, "HP", "EliteDesk 800 G6", 2020, "Intel Core i5-10500", 16, 256, "SSD", null, 870, "Poste fixe", "CZC", 10),
            new Model(DESKTOP, "HP", "ProDesk 400 G7", 2020, "Intel Core i5-10500", 8, 256, "SSD", null, 640, "Tour", "CZC", 10),
            new Model(DESKTOP, "Lenovo", "ThinkCentre M710q", 2017, "Intel Core i5-7500T", 8, 256, "SSD", null, 540, "Mini PC", "MJ", 8),
            new Model(DESKTOP, "Lenovo", "ThinkCentre M720q", 2018, "Intel Core i5-8400T", 8, 256, "SSD", null, 560, "Mini PC", "MJ", 8),
            new Model(DESKTOP, "Lenovo", "ThinkCentre M70q", 2020, "Intel Core i5-10400T", 8, 256, "SSD", null, 590, "Mini PC", "MJ", 8),
            new Model(DESKTOP, "Apple", "iMac 24", 2021, "Apple M1", 8, 256, "SSD", "24", 1499, "Tout-en-un", "C02", 12),
            new Model(SCREEN, "Iiyama", "ProLite E2483HS", 2015, null, 0, 0, null, "24", 130, "Écran", "11", 13),
            new Model(SCREEN, "Dell", "P2417H", 2016, null, 0, 0, null, "23.8", 180, "Écran", "CN0", 20),
            new Model(SCREEN, "Dell", "P2422H", 2021, null, 0, 0, null, "23.8", 190, "Écran", "CN0", 20),
            new Model(SCREEN, "Dell", "P2722H", 2021, null, 0, 0, null, "27", 260, "Écran", "CN0", 20),
            new Model(SCREEN, "HP", "E24 G4", 2020, null, 0, 0, null, "23.8", 180, "Moniteur", "CN4", 10),
            new Model(SCREEN, "Iiyama", "ProLite XUB2492HSU-B1", 2019, null, 0, 0, null, "23.8", 170, "Écran", "11", 13),
            new Model(SCREEN, "Iiyama", "ProLite X2483HSU-B5", 2020, null, 0, 0, null, "23.8", 140, "Écran", "11", 13),
            new Model(SCREEN, "Lenovo", "ThinkVision T24i-20", 2020, null, 0, 0, null, "23.8", 185, "Moniteur", "V", 8),
            new Model(SCREEN, "Philips", "243V7QDAB", 2018, null, 0, 0, null, "23.8", 120, "Écran", "UK0", 14),
            new Model(SCREEN, "Samsung", "S24R650", 2019, null, 0, 0, null, "24", 170, "Écran", "H4Z", 15),
            new Model(SMARTPHONE, "Apple", "iPhone 8", 2017, null, 0, 0, null, null, 589, "Smartphone", "F", 12),
            new Model(SMARTPHONE, "Apple", "iPhone SE (2020)", 2020, null, 0, 0, null, null, 489, "Smartphone", "F", 12),
            new Model(SMARTPHONE, "Apple", "iPhone 12", 2020, null, 0, 0, null, null, 689, "Smartphone", "F", 12),
            new Model(SMARTPHONE, "Samsung", "Galaxy A5 (2017)", 2017, null, 0, 0, null, null, 329, "Smartphone", "R58", 11),
            new Model(SMARTPHONE, "Samsung", "Galaxy A52", 2021, null, 0, 0, null, null, 349, "Smartphone", "R58", 11),
            new Model(SMARTPHONE, "Samsung", "Galaxy XCover 5", 2021, null, 0, 0, null, null, 279, "Téléphone mobile", "R58", 11),
            new Model(TABLET, "Apple", "iPad (6e génération)", 2018, null, 0, 0, null, "9.7", 359, "Tablette", "DMP", 12),
            new Model(TABLET, "Apple", "iPad 9", 2021, null, 0, 0, null, "10.2", 389, "Tablette", "DMP", 12),
            new Model(TABLET, "Samsung", "Galaxy Tab A8", 2022, null, 0, 0, null, "10.5", 229, "Tablette", "R9", 11),
            new Model(PRINTER, "HP", "LaserJet Pro M402dn", 2016, null, 0, 0, null, null, 279, "Imprimante laser", "PHB", 10),
            new Model(PRINTER, "HP", "LaserJet Pro M404dn", 2019, null, 0, 0, null, null, 289, "Imprimante laser", "PHB", 10),
            new Model(PRINTER, "Brother", "HL-L5100DN", 2016, null, 0, 0, null, null, 259, "Imprimante laser", "E7", 15),
            new Model(PRINTER, "Brother", "MFC-L2710DW", 2018, null, 0, 0, null, null, 219, "Multifonction", "E7", 15),
            new Model(PRINTER, "Canon", "i-SENSYS MF445dw", 2019, null, 0, 0, null, null, 399, "Multifonction", "WVE", 11),
            new Model(PRINTER, "Xerox", "VersaLink C405", 2017, null, 0, 0, null, null, 699, "Multifonction", "3", 10),
            new Model(SERVER, "Dell", "PowerEdge R630", 2015, "Intel Xeon E5-2620 v4", 64, 1200, "HDD", null, 5200, "Serveur", "", 7),
            new Model(SERVER, "Dell", "PowerEdge R640", 2018, "Intel Xeon Silver 4214", 64, 1200, "HDD", null, 5900, "Serveur", "", 7),
            new Model(SERVER, "HPE", "ProLiant DL380 Gen10", 2018, "Intel Xeon Silver 4210", 64, 960, "SSD", null, 6400, "Serveur", "CZJ", 10),
            new Model(SERVER, "Lenovo", "ThinkSystem SR650", 2018, "Intel Xeon Silver 4210R", 64, 2400, "HDD", null, 6100, "Serveur", "J30", 8),
            new Model(NETWORK, "Cisco", "Catalyst 2960-X 48FPD-L", 2014, null, 0, 0, null, null, 2900, "Commutateur", "FOC", 11),
            new Model(NETWORK, "Cisco", "Catalyst 9200L 24P", 2019, null, 0, 0, null, null, 2100, "Commutateur", "JAE", 11),
            new Model(NETWORK, "HPE", "Aruba 2930F 48G", 2017, null, 0, 0, null, null, 2600, "Switch", "SG", 10),
            new Model(NETWORK, "Netgear", "GS724T", 2016, null, 0, 0, null, null, 240, "Switch", "4", 13));

    /** How each tool's users spell the makers: the readers must bring them back to one name. */
    private static final List<List<String>> SPELLINGS = List.of(
            List.of("Dell", "Dell Inc.", "DELL"), List.of("HP", "HP", "Hewlett-Packard", "HP Inc."),
            List.of("Lenovo", "LENOVO", "Lenovo"), List.of("Apple", "Apple Inc.", "Apple"),
            List.of("Samsung", "SAMSUNG ELECTRONICS CO., LTD.", "Samsung"), List.of("Iiyama", "iiyama"),
            List.of("Philips", "Philips", "PHILIPS"), List.of("HPE", "Hewlett Packard Enterprise", "HPE"),
            List.of("Cisco", "Cisco Systems, Inc.", "Cisco"), List.of("Brother", "Brother Industries, Ltd.", "Brother"),
            List.of("Canon", "Canon", "CANON INC."), List.of("Xerox", "Xerox Corporation", "Xerox"),
            List.of("Netgear", "NETGEAR", "Netgear"));

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String[] BUILDINGS = {"Bâtiment A", "Bâtiment B", "Bâtiment C", "Accueil", "Étage 1",
            "Étage 2", "Direction", "Service informatique"};

    private final SplittableRandom random;
    private final List<String> sites;
    private final int years;
    private final LocalDate asOf;
    private final String donorCode;
    private final String initials;
    private final long firstGlpiId;
    private int index;

    SyntheticFleet(long seed, String donorKey, List<String> sites, int years, LocalDate asOf) {
        long donorHash = donorKey.hashCode() & 0xFFFFFFFFL;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ donorHash * 0xC2B2AE3D27D4EB4FL);
        this.sites = List.copyOf(sites);
        this.years = years;
        this.asOf = asOf;
        this.donorCode = "" + ALPHANUMERIC.charAt((int) (donorHash % 34)) + ALPHANUMERIC.charAt((int) (donorHash / 34 % 34));
        this.initials = initials(donorKey);
        this.firstGlpiId = 1 + donorHash % 40 * 1000;
    }

    private static String initials(String donorKey) {
        StringBuilder initials = new StringBuilder();
        for (String word : Text.key(donorKey).split(" ")) {
            if (!word.isEmpty() && word.length() > 2 && initials.length() < 4) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return initials.length() == 0 ? "ORG" : initials.toString();
    }

    private static Category[] mix(Object... weights) {
        List<Category> mix = new ArrayList<>();
        for (int i = 0; i < weights.length; i += 2) {
            for (int n = 0; n < (Integer) weights[i + 1]; n++) {
                mix.add((Category) weights[i]);
            }
        }
        return mix.toArray(Category[]::new);
    }

    Asset next() {
        int number = index++;
        Category category = MIX[random.nextInt(MIX.length)];
        LocalDate purchased = asOf.minusDays(1 + random.nextInt(Math.max(1, years * 365)));
        Model model = model(category, purchased.getYear());
        String maker = spelling(model.brand());
        String site = sites.isEmpty() ? null : sites.get(random.nextInt(sites.size()));
        String building = BUILDINGS[random.nextInt(BUILDINGS.length)];
        int warrantyMonths = switch (category) {
            case SMARTPHONE, TABLET -> 24;
            case SERVER, NETWORK -> 60;
            default -> 36;
        };
        LocalDate decommission = random.nextInt(100) < 40 ? purchased.plusYears(lifetime(category)) : null;
        BigDecimal price = BigDecimal.valueOf(model.price() * (90 + random.nextInt(21)), 2).setScale(2, RoundingMode.HALF_UP);
        State state = state(purchased);
        boolean deleted = random.nextInt(100) < 2;
        String serial = model.serialPrefix() + donorCode + base36(number, 4)
                + randomChars(Math.max(0, model.serialLength() - model.serialPrefix().length() - 6));
        String name = String.format(Locale.ROOT, "%s-%s-%05d", initials, namePart(category), number + 1);
        String assetTag = String.format(Locale.ROOT, "%s-%d-%05d", initials, purchased.getYear(), number + 1);
        return new Asset(number, firstGlpiId + number, model, maker, name, serial, assetTag, site, building, purchased,
                warrantyMonths, decommission, price, state, deleted);
    }

    /** Among the models on sale at the purchase, else the oldest of the category. */
    private Model model(Category category, int year) {
        List<Model> onSale = CATALOG.stream().filter(m -> m.category() == category && m.year() <= year).toList();
        if (onSale.isEmpty()) {
            onSale = CATALOG.stream().filter(m -> m.category() == category).limit(1).toList();
        }
        return onSale.get(random.nextInt(onSale.size()));
    }

    private String spelling(String brand) {
        for (List<String> spellings : SPELLINGS) {
            if (spellings.get(0).equals(brand)) {
                return spellings.get(1 + random.nextInt(spellings.size() - 1));
            }
        }
        return brand;
    }

    private State state(LocalDate purchased) {
        int roll = random.nextInt(100);
        boolean old = purchased.isBefore(asOf.minusYears(5));
        if (old) {
            return roll < 45 ? State.IN_USE : roll < 60 ? State.IN_STOCK : roll < 85 ? State.TO_RETIRE : State.RETIRED;
        }
        return roll < 80 ? State.IN_USE : roll < 95 ? State.IN_STOCK : State.IN_REPAIR;
    }

    private static int lifetime(Category category) {
        return switch (category) {
            case SMARTPHONE -> 3;
            case TABLET -> 4;
            case LAPTOP -> 5;
            case DESKTOP, PRINTER -> 6;
            case SERVER -> 7;
            default -> 8;
        };
    }

    private static String namePart(Category category) {
        return switch (category) {
            case LAPTOP -> "PO";
            case DESKTOP -> "PF";
            case SCREEN -> "ECR";
            case SMARTPHONE -> "TEL";
            case TABLET -> "TAB";
            case PRINTER -> "IMP";
            case SERVER -> "SRV";
            case NETWORK -> "SW";
            case OTHER -> "DIV";
        };
    }

    private static String base36(int number, int width) {
        String digits = Integer.toString(number, 36).toUpperCase(Locale.ROOT);
        char[] padding = new char[Math.max(0, width - digits.length())];
        Arrays.fill(padding, '0');
        return new String(padding) + digits;
    }

    private String randomChars(int count) {
        StringBuilder chars = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            chars.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return chars.toString();
    }

    /** The memory modules an inventory agent lists: one line per module. */
    static List<String> memoryModules(Model model) {
        String kind = model.category() == LAPTOP ? "DDR4 SODIMM" : model.category() == SERVER ? "DDR4 RDIMM" : "DDR4 DIMM";
        if (model.brand().equals("Apple")) {
            return List.of("LPDDR4X " + model.ramGb() + " Go");
        }
        int modules = model.ramGb() >= 64 ? 4 : model.ramGb() >= 16 ? 2 : 1;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < modules; i++) {
            lines.add(kind + " " + model.ramGb() / modules + " Go");
        }
        return lines;
    }

    /** The disk as an agent names it, e.g. "SSD NVMe 256 Go" or "HDD SATA 1 To". */
    static String disk(Model model) {
        String size = model.storageGb() >= 1000 && model.storageGb() % 1000 == 0 ? model.storageGb() / 1000 + " To"
                : model.storageGb() + " Go";
        return model.storageType().equals("SSD") ? "SSD NVMe " + size : "HDD SATA " + size;
    }
}
