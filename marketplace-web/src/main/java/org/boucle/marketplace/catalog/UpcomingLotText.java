package org.boucle.marketplace.catalog;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.boucle.marketplace.inventory.UpcomingLot;
import org.boucle.marketplace.inventory.source.Category;

/**
 * The words an upcoming-lot listing is published with. They are stored data, read by everyone in the territory,
 * so they are written in French whatever the publisher's interface language.
 */
final class UpcomingLotText {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", FRENCH);
    private static final int TITLE_LENGTH = 200;

    /** Singular and plural, lower case, as they follow a number. */
    private static final Map<Category, String[]> UNITS = Map.of(
            Category.LAPTOP, new String[] {"ordinateur portable", "ordinateurs portables"},
            Category.DESKTOP, new String[] {"ordinateur fixe", "ordinateurs fixes"},
            Category.SCREEN, new String[] {"écran", "écrans"},
            Category.SMARTPHONE, new String[] {"smartphone", "smartphones"},
            Category.TABLET, new String[] {"tablette", "tablettes"},
            Category.PRINTER, new String[] {"imprimante", "imprimantes"},
            Category.SERVER, new String[] {"serveur", "serveurs"},
            Category.NETWORK, new String[] {"équipement réseau", "équipements réseau"},
            Category.OTHER, new String[] {"autre équipement", "autres équipements"});

    /** Makers whose name is more than one word; any other maker is the first word of a typical model. */
    private static final List<String> LONG_MAKER_NAMES = List.of("Konica Minolta");

    private UpcomingLotText() {
    }

    /** "12 ordinateurs portables — Lenovo ThinkPad T14 (lot à venir, mars 2027)". */
    static String title(UpcomingLot lot) {
        String suffix = " (lot à venir, " + MONTH.format(YearMonth.parse(lot.month())) + ")";
        String head = units(Category.valueOf(lot.category()), lot.quantity());
        if (lot.typicalModel() != null) {
            String withModel = head + " — " + lot.typicalModel();
            int room = TITLE_LENGTH - suffix.length();
            head = withModel.length() <= room ? withModel : withModel.substring(0, room - 1).strip() + "…";
        }
        return head + suffix;
    }

    /** What a buyer needs to know before anyone has inspected the devices. */
    static String description(UpcomingLot lot) {
        StringBuilder text = new StringBuilder("Lot de ").append(units(Category.valueOf(lot.category()), lot.quantity()))
                .append(" que ").append(lot.donor()).append(" prévoit de réformer en ")
                .append(MONTH.format(YearMonth.parse(lot.month())));
        if (lot.site() != null) {
            text.append(", sur son site ").append(lot.site());
            if (lot.commune() != null) {
                text.append(" (").append(lot.commune()).append(')');
            }
        }
        text.append('.');
        if (lot.typicalModel() != null) {
            text.append(" Modèle le plus courant : ").append(lot.typicalModel()).append('.');
        }
        if (lot.medianAgeYears() != null) {
            text.append(" Âge médian : ").append(String.format(FRENCH, "%.1f", lot.medianAgeYears())).append(" ans.");
        }
        text.append(" Matériel non encore inspecté : pas de note ni de garantie avant son passage en atelier.");
        return text.toString();
    }

    static String units(Category category, long quantity) {
        String[] words = UNITS.get(category);
        return quantity + " " + (quantity == 1 ? words[0] : words[1]);
    }

    /** The maker in a typical model ("Lenovo ThinkPad T14"), or null when it names no model. */
    static String manufacturer(String typicalModel) {
        if (typicalModel == null || typicalModel.isBlank()) {
            return null;
        }
        for (String maker : LONG_MAKER_NAMES) {
            if (typicalModel.startsWith(maker + " ") || typicalModel.equals(maker)) {
                return maker;
            }
        }
        int space = typicalModel.indexOf(' ');
        return space < 0 ? typicalModel : typicalModel.substring(0, space);
    }

    /** The model in a typical model, after its maker; null when only a maker is known. */
    static String model(String typicalModel) {
        String maker = manufacturer(typicalModel);
        if (maker == null || maker.length() >= typicalModel.length()) {
            return null;
        }
        return typicalModel.substring(maker.length()).strip();
    }
}
