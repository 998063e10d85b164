package org.boucle.marketplace.catalog;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.boucle.marketplace.inventory.source.Category;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What reusing a device avoids: kg CO2e per unit by category, from {@code impact_factor}. Read at every use, never
 * cached, since a coordinator may correct a factor in the table without a release.
 */
@Component
public class ImpactFactors {

    private final JdbcClient jdbc;

    ImpactFactors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every known factor; a category without one is absent. */
    public Map<Category, BigDecimal> all() {
        Map<Category, BigDecimal> factors = new EnumMap<>(Category.class);
        jdbc.sql("select category, kg_co2e from impact_factor").query((RowCallbackHandler) rs -> {
            try {
                factors.put(Category.valueOf(rs.getString(1)), rs.getBigDecimal(2));
            } catch (IllegalArgumentException e) {
                // A factor for a category the application does not know yet: no listing can refer to it.
            }
        });
        return factors;
    }

    /** kg CO2e avoided by reusing one unit of this category, or null when there is no factor for it. */
    public BigDecimal perUnit(Category category) {
        return jdbc.sql("select kg_co2e from impact_factor where category = ?").param(category.name())
                .query(BigDecimal.class).optional().orElse(null);
    }

    /** kg CO2e avoided by reusing {@code quantity} units, or null when there is no factor. */
    static BigDecimal total(BigDecimal perUnit, int quantity) {
        return perUnit == null ? null : perUnit.multiply(BigDecimal.valueOf(quantity));
    }
}
