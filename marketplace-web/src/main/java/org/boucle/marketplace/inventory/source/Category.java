package org.boucle.marketplace.inventory.source;

/**
 * Boucle's equipment taxonomy, with the codes that public procurement and the WEEE take-back schemes use.
 *
 * <p>UNSPSC (v26): commodities where one fits, otherwise the class (printers, network equipment) or the family
 * (other computer equipment, 43210000) so that no code claims more precision than the category has.
 *
 * <p>WEEE: directive 2012/19/EU annex III as applied since 15 August 2018. 2 is "screens, monitors and equipment
 * containing screens having a surface greater than 100 cm²": monitors, laptops and tablets. 4 is "large equipment"
 * (an external dimension over 50 cm): rack servers. 6 is "small IT and telecommunication equipment" (no dimension
 * over 50 cm): desktop units, office printers, switches, and phones, whose screens stay near or under 100 cm² and
 * which the French eco-organisations collect in that stream. Large floor-standing copiers are category 4, but an
 * export cannot tell them from desk printers, so PRINTER keeps the common case.
 */
public enum Category {
    LAPTOP("43211503", 2),      // Notebook computers
    DESKTOP("43211507", 6),     // Desktop computers
    SCREEN("43211902", 2),      // Liquid crystal display LCD panels or monitors
    SMARTPHONE("43191501", 6),  // Mobile phones
    TABLET("43211509", 2),      // Tablet computers
    PRINTER("43212100", 6),     // Computer printers (class)
    SERVER("43211501", 4),      // Computer servers
    NETWORK("43222600", 6),     // Network service equipment (class: switches, routers, access points)
    OTHER("43210000", 6);       // Computer Equipment and Accessories (family)

    private final String unspsc;
    private final int weeeCategory;

    Category(String unspsc, int weeeCategory) {
        this.unspsc = unspsc;
        this.weeeCategory = weeeCategory;
    }

    public String unspsc() {
        return unspsc;
    }

    public int weeeCategory() {
        return weeeCategory;
    }
}
