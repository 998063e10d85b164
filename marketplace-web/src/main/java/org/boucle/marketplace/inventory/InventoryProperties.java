package org.boucle.marketplace.inventory;

import java.util.EnumMap;
import java.util.Map;
import org.boucle.marketplace.inventory.source.Category;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param defaultLifetimeMonths how long donors keep each category before renewing it, unless their own policy says otherwise
 * @param maxUpload the largest export accepted
 * @param reportedErrors how many row errors an import's answer lists (all of them stay downloadable)
 */
@ConfigurationProperties("boucle.inventory")
public record InventoryProperties(
        Map<Category, Integer> defaultLifetimeMonths,
        @DefaultValue("200MB") DataSize maxUpload,
        @DefaultValue("1000") int reportedErrors) {

    private static final Map<Category, Integer> LIFETIMES = Map.of(
            Category.LAPTOP, 60, Category.DESKTOP, 72, Category.SCREEN, 96, Category.SMARTPHONE, 36,
            Category.TABLET, 48, Category.PRINTER, 84, Category.SERVER, 72, Category.NETWORK, 96, Category.OTHER, 72);

    public InventoryProperties {
        Map<Category, Integer> lifetimes = new EnumMap<>(LIFETIMES);
        if (defaultLifetimeMonths != null) {
            lifetimes.putAll(defaultLifetimeMonths);
        }
        defaultLifetimeMonths = Map.copyOf(lifetimes);
    }
}
