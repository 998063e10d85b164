package org.boucle.marketplace.inventory.source;

import static org.boucle.marketplace.inventory.source.Category.DESKTOP;
import static org.boucle.marketplace.inventory.source.Category.LAPTOP;
import static org.boucle.marketplace.inventory.source.Category.NETWORK;
import static org.boucle.marketplace.inventory.source.Category.OTHER;
import static org.boucle.marketplace.inventory.source.Category.PRINTER;
import static org.boucle.marketplace.inventory.source.Category.SCREEN;
import static org.boucle.marketplace.inventory.source.Category.SERVER;
import static org.boucle.marketplace.inventory.source.Category.SMARTPHONE;
import static org.boucle.marketplace.inventory.source.Category.TABLET;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Infers a category from a type, category, model or name text, in French or English, by whole words.
 *
 * <p>Rules are tried in order and the first that matches wins, so the specific ones come first: accessories
 * ("station d'accueil pour portable" is not a laptop), desk phones, "téléphone portable" (a phone, not a laptop),
 * tablets, printers ("imprimante réseau" is not network gear), servers ("serveur tour" is not a desktop), network
 * equipment, screens, phones, laptops, desktops. No rule matching means the text does not say.
 */
final class Categories {

    /** Single words are looked up, phrases searched for. */
    private record Rule(Set<String> words, List<String> phrases, Category category) {

        boolean matches(String paddedKey, String[] keyWords) {
            for (String word : keyWords) {
                if (words.contains(word)) {
                    return true;
                }
            }
            for (String phrase : phrases) {
                if (paddedKey.contains(phrase)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Rule> RULES = List.of(
            rule(OTHER, "station d accueil", "docking", "dock", "replicateur de ports", "port replicator", "clavier",
                    "keyboard", "souris", "mouse", "casque", "headset", "webcam", "chargeur", "charger", "sacoche",
                    "adaptateur", "adapter", "cable", "onduleur", "ups", "videoprojecteur", "projecteur",
                    "projector", "scanner", "machine virtuelle", "virtual machine", "telephone fixe", "telephone ip",
                    "ip phone", "desk phone", "poste telephonique", "voip", "dect", "autre", "autres", "other",
                    "divers"),
            rule(SMARTPHONE, "telephone portable", "telephones portables", "telephone mobile", "telephones mobiles",
                    "telephonie mobile", "mobile phone", "mobile phones", "smartphone", "smartphones"),
            rule(LAPTOP, "station de travail mobile", "station de travail portable", "mobile workstation"),
            rule(DESKTOP, "tout en un", "all in one", "aio"),
            rule(TABLET, "tablette", "tablettes", "tablet", "tablets", "ipad", "galaxy tab", "tab", "mediapad",
                    "surface go"),
            rule(PRINTER, "imprimante", "imprimantes", "printer", "printers", "multifonction", "multifonctions",
                    "mfp", "copieur", "photocopieur", "copier", "laserjet", "officejet", "deskjet", "designjet",
                    "ecosys", "workcentre", "versalink", "imagerunner", "i sensys", "mfc", "traceur", "plotter",
                    "pixma", "workforce"),
            rule(SERVER, "serveur", "serveurs", "server", "servers", "proliant", "poweredge", "thinksystem",
                    "primergy"),
            rule(NETWORK, "switch", "switches", "commutateur", "commutateurs", "routeur", "router", "borne wifi",
                    "borne wi fi", "point d acces", "access point", "firewall", "pare feu", "catalyst", "networking",
                    "network", "reseau", "modem", "meraki", "unifi", "wifi", "wi fi"),
            rule(SCREEN, "ecran", "ecrans", "moniteur", "moniteurs", "monitor", "monitors", "display", "displays",
                    "screen", "screens", "prolite", "ultrasharp", "thinkvision", "lcd", "tft"),
            rule(SMARTPHONE, "mobile", "mobiles", "iphone", "galaxy", "xcover", "pixel"),
            rule(LAPTOP, "portable", "portables", "pc portable", "ordinateur portable", "laptop", "laptops",
                    "notebook", "notebooks", "ultrabook", "chromebook", "latitude", "thinkpad", "elitebook",
                    "probook", "zbook", "macbook", "travelmate", "expertbook", "lifebook", "dynabook", "tecra",
                    "portege", "ideapad", "thinkbook", "vivobook", "zenbook", "surface laptop", "surface pro",
                    "surface book"),
            rule(DESKTOP, "desktop", "desktops", "poste fixe", "postes fixes", "ordinateur fixe", "pc fixe",
                    "unite centrale", "tour", "mini tour", "minitour", "mini pc", "optiplex", "thinkcentre",
                    "elitedesk", "prodesk", "esprimo", "veriton", "imac", "mac mini", "workstation",
                    "station de travail", "client leger", "thin client", "sff", "usff"));

    private Categories() {
    }

    private static Rule rule(Category category, String... words) {
        Set<String> singles = Arrays.stream(words).filter(word -> !word.contains(" ")).collect(Collectors.toSet());
        List<String> phrases = Arrays.stream(words).filter(word -> word.contains(" ")).map(word -> " " + word + " ")
                .toList();
        return new Rule(Set.copyOf(singles), phrases, category);
    }

    /** The category a text names, or null when it names none. */
    static Category fromText(String text) {
        if (text == null) {
            return null;
        }
        String key = Text.key(text);
        if (key.isEmpty()) {
            return null;
        }
        Category named = byName(key);
        if (named != null) {
            return named;
        }
        String paddedKey = " " + key + " ";
        String[] keyWords = key.split(" ");
        for (Rule rule : RULES) {
            if (rule.matches(paddedKey, keyWords)) {
                return rule.category();
            }
        }
        return null;
    }

    /** Boucle's own names and UNSPSC codes, as a generic file exported from Boucle would have them. */
    private static Category byName(String key) {
        for (Category category : Category.values()) {
            if (key.equals(Text.lower(category.name())) || key.equals(category.unspsc())) {
                return category;
            }
        }
        return null;
    }

    /** The first of these texts that names a category, if any. */
    static Category first(String... texts) {
        for (String text : texts) {
            Category category = fromText(text);
            if (category != null) {
                return category;
            }
        }
        return null;
    }
}
