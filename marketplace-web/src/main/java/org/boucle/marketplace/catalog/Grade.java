package org.boucle.marketplace.catalog;

import java.util.Set;
import org.boucle.marketplace.inventory.source.Category;

/**
 * The territory's shared grading scale for refurbished equipment, so that "grade B" means the same thing whoever
 * sells it (published at /catalog/grading):
 * <ul>
 * <li>A, "comme neuf": no visible marks, battery health at least 85 %;</li>
 * <li>B, "bon état": light wear, battery health at least 75 %;</li>
 * <li>C, "état correct": visible wear, fully working, battery health at least 60 %.</li>
 * </ul>
 * Every grade means fully working and data wiped; the grade says how it looks and how long its battery lasts.
 */
public enum Grade {
    A(85),
    B(75),
    C(60);

    /** Devices whose battery is part of what is sold: their listings must state its health. */
    private static final Set<Category> BATTERY_POWERED = Set.of(Category.LAPTOP, Category.SMARTPHONE, Category.TABLET);

    private final int minBatteryHealthPercent;

    Grade(int minBatteryHealthPercent) {
        this.minBatteryHealthPercent = minBatteryHealthPercent;
    }

    /** The least battery health, as a percentage of the design capacity, a device of this grade may have. */
    public int minBatteryHealthPercent() {
        return minBatteryHealthPercent;
    }

    public static boolean needsBatteryHealth(Category category) {
        return category != null && BATTERY_POWERED.contains(category);
    }
}
