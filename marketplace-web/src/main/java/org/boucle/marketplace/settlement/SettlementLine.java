package org.boucle.marketplace.settlement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One share of an order: who gets it, for which role, from the buyer's payment or from the solidarity fund, under
 * which version of the sharing rules, and where the money is (pending, credited, transferred, reversed…).
 */
public record SettlementLine(UUID id, UUID organizationId, String organizationName, String role, String source,
        BigDecimal amount, long amountCents, String currency, UUID ruleSetId, int ruleVersion, String transferId,
        String status) {

    static final String SELECT = """
            select s.id, s.organization_id, o.name, s.role, s.source, s.amount_cents, s.currency, s.rule_set_id,
                   s.rule_version, s.transfer_id, s.status
              from settlement_line s left join organization o on o.id = s.organization_id""";

    static SettlementLine map(ResultSet rs, int row) throws SQLException {
        long cents = rs.getLong(6);
        return new SettlementLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), BigDecimal.valueOf(cents, 2), cents, rs.getString(7),
                rs.getObject(8, UUID.class), rs.getInt(9), rs.getString(10), rs.getString(11));
    }
}
