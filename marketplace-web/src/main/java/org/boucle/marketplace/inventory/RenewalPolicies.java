package org.boucle.marketplace.inventory;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How long each donor keeps each category of equipment: its own policy over the territory's defaults. */
@Component
class RenewalPolicies {

    private final JdbcTemplate jdbc;
    private final InventoryProperties properties;

    RenewalPolicies(JdbcTemplate jdbc, InventoryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    Map<Category, Integer> lifetimes(UUID organization) {
        Map<Category, Integer> lifetimes = new EnumMap<>(properties.defaultLifetimeMonths());
        jdbc.query("select category, lifetime_months from renewal_policy where organization_id = ?",
                rs -> {
                    lifetimes.put(Category.valueOf(rs.getString(1)), rs.getInt(2));
                }, organization);
        return lifetimes;
    }

    Map<Category, Integer> defaults() {
        return new EnumMap<>(properties.defaultLifetimeMonths());
    }

    void save(UUID organization, Map<Category, Integer> lifetimes) {
        jdbc.update("delete from renewal_policy where organization_id = ?", organization);
        lifetimes.forEach((category, months) -> {
            if (!months.equals(properties.defaultLifetimeMonths().get(category))) {
                jdbc.update("insert into renewal_policy (organization_id, category, lifetime_months) values (?, ?, ?)",
                        organization, category.name(), months);
            }
        });
    }
}
