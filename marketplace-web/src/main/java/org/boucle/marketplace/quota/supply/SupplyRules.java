package org.boucle.marketplace.quota.supply;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The objectives of décret n° 2023-266 and its successors, read from the {@code quota_supply_rule} table. */
@Component
class SupplyRules {

    private final JdbcClient jdbc;

    SupplyRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SupplyRule> all() {
        return jdbc.sql("""
                select rule_set, legal_reference, year_from, year_to, minimum_share, max_age_years, categories
                  from quota_supply_rule order by year_from""")
                .query(SupplyRules::map).list();
    }

    Optional<SupplyRule> forYear(int year) {
        return all().stream().filter(rule -> rule.covers(year)).findFirst();
    }

    private static SupplyRule map(ResultSet rs, int row) throws SQLException {
        Array categories = rs.getArray("categories");
        return new SupplyRule(rs.getString("rule_set"), rs.getString("legal_reference"), rs.getInt("year_from"),
                rs.getObject("year_to", Integer.class), rs.getBigDecimal("minimum_share"), rs.getInt("max_age_years"),
                List.of((String[]) categories.getArray()));
    }
}
