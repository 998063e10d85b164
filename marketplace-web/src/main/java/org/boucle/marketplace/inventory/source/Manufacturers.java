package org.boucle.marketplace.inventory.source;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One name per manufacturer, whatever the inventory tool or the BIOS wrote: "Hewlett-Packard", "HP Inc." and
 * "HEWLETT PACKARD" are "HP", while Hewlett Packard Enterprise, a separate company since 2015, is "HPE".
 * Unknown makers keep their name, title-cased and without the legal form ("ACME COMPUTERS S.A." is
 * "Acme Computers").
 */
final class Manufacturers {

    private record Alias(String key, String name) {
    }

    /** Matched on the whole key or its leading words; longer keys first where one extends another. */
    private static final List<Alias> ALIASES = List.of(
            new Alias("hewlett packard enterprise", "HPE"), new Alias("hpe", "HPE"),
            new Alias("hp enterprise", "HPE"), new Alias("hewlett packard", "HP"), new Alias("hewlett", "HP"),
            new Alias("hp", "HP"), new Alias("dell", "Dell"), new Alias("lenovo", "Lenovo"),
            new Alias("apple", "Apple"), new Alias("samsung", "Samsung"), new Alias("microsoft", "Microsoft"),
            new Alias("fujitsu", "Fujitsu"), new Alias("acer", "Acer"), new Alias("asustek", "Asus"),
            new Alias("asus", "Asus"), new Alias("cisco", "Cisco"), new Alias("brother", "Brother"),
            new Alias("canon", "Canon"), new Alias("seiko epson", "Epson"), new Alias("epson", "Epson"),
            new Alias("fuji xerox", "Xerox"), new Alias("xerox", "Xerox"), new Alias("ricoh", "Ricoh"),
            new Alias("toshiba", "Toshiba"), new Alias("dynabook", "Dynabook"), new Alias("huawei", "Huawei"),
            new Alias("xiaomi", "Xiaomi"), new Alias("iiyama", "Iiyama"), new Alias("lg", "LG"),
            new Alias("philips", "Philips"), new Alias("mmd philips", "Philips"), new Alias("benq", "BenQ"),
            new Alias("viewsonic", "ViewSonic"), new Alias("eizo", "Eizo"), new Alias("panasonic", "Panasonic"),
            new Alias("zebra", "Zebra"), new Alias("netgear", "Netgear"), new Alias("micro star", "MSI"),
            new Alias("msi", "MSI"), new Alias("google", "Google"), new Alias("motorola", "Motorola"),
            new Alias("oneplus", "OnePlus"), new Alias("aoc", "AOC"), new Alias("lexmark", "Lexmark"),
            new Alias("kyocera", "Kyocera"), new Alias("konica minolta", "Konica Minolta"),
            new Alias("oki", "OKI"), new Alias("d link", "D-Link"), new Alias("tp link", "TP-Link"),
            new Alias("ubiquiti", "Ubiquiti"), new Alias("juniper", "Juniper"), new Alias("fortinet", "Fortinet"),
            new Alias("super micro", "Supermicro"), new Alias("supermicro", "Supermicro"),
            new Alias("vmware", "VMware"), new Alias("crosscall", "Crosscall"), new Alias("fairphone", "Fairphone"));

    /** Legal forms and filler words dropped from unknown names. */
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "corp", "corporation", "co",
            "company", "ltd", "limited", "llc", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "plc", "kk", "spa");

    private Manufacturers() {
    }

    static String normalize(String raw) {
        String name = Text.clean(raw);
        if (name == null) {
            return null;
        }
        String key = Text.key(name);
        for (Alias alias : ALIASES) {
            if (key.equals(alias.key()) || key.startsWith(alias.key() + ' ')) {
                if (alias.name().equals("HP") && (key.contains(" enterprise") || key.contains(" aruba"))) {
                    return "HPE";
                }
                return alias.name();
            }
        }
        return unknown(name);
    }

    private static String unknown(String name) {
        String[] words = name.split(" ");
        int kept = words.length;
        while (kept > 1 && LEGAL_FORMS.contains(Text.key(words[kept - 1]).replace(" ", ""))) {
            kept--;
        }
        String shown = String.join(" ", Arrays.copyOf(words, kept)).replaceAll("[,.]+$", "");
        return Text.titleCase(shown.isEmpty() ? name : shown);
    }
}
