package org.boucle.marketplace.sharing;

import java.math.BigDecimal;

/**
 * One line of a rule set.
 *
 * @param value euros per unit (PER_UNIT), euros per kg (PER_KG) or percent (PERCENT), at most 2 decimals
 */
public record ShareRule(ShareRole role, ShareBasis basis, BigDecimal value) {
}
