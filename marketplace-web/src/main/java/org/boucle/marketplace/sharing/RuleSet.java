package org.boucle.marketplace.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A version of the sharing rules for a listing kind, and optionally one category (null: every category of the kind).
 * Immutable: a change is a new version.
 *
 * @param category null: every category of the kind (written as null, not left out: it means something)
 * @param createdBy the name of who created it
 * @param rules at most one line per role, never SELLER, in share order
 */
public record RuleSet(UUID id, String listingKind, @JsonInclude(JsonInclude.Include.ALWAYS) String category, int version,
        Instant effectiveFrom, @JsonInclude(JsonInclude.Include.ALWAYS) String note, Instant createdAt, String createdBy,
        List<ShareRule> rules) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The seller last: it takes what the others leave. */
    private static final List<ShareRole> SHARE_ORDER = List.of(ShareRole.WORKSHOP, ShareRole.COLLECTOR, ShareRole.DONOR,
            ShareRole.PLATFORM, ShareRole.SOLIDARITY_FUND, ShareRole.SELLER);

    public RuleSet {
        rules = rules.stream().sorted(Comparator.comparing(ShareRule::role)).toList();
    }

    /**
     * Shares amountCents, all in integer cents: a percent is rounded down, a per-kg fee half up, and the seller takes
     * the rest. When the fees exceed the amount, the seller gets nothing and the difference is the subsidy.
     *
     * @param unitWeightKg the standard weight of one unit of the sale's category
     */
    Split split(long amountCents, int quantity, BigDecimal unitWeightKg) {
        if (amountCents < 0 || quantity < 1) {
            throw new IllegalArgumentException("A sale has an amount of at least 0 and a quantity of at least 1");
        }
        Map<ShareRole, Long> amounts = new EnumMap<>(ShareRole.class);
        long fees = 0;
        for (ShareRule rule : rules) {
            long cents = cents(rule, amountCents, quantity, unitWeightKg);
            amounts.put(rule.role(), cents);
            fees = Math.addExact(fees, cents);
        }
        long residual = amountCents - fees;
        amounts.put(ShareRole.SELLER, Math.max(residual, 0));
        List<Share> shares = new ArrayList<>();
        for (ShareRole role : SHARE_ORDER) {
            long cents = amounts.getOrDefault(role, 0L);
            if (cents > 0) {
                shares.add(new Share(role, cents));
            }
        }
        return new Split(id, version, shares, Math.max(-residual, 0));
    }

    private static long cents(ShareRule rule, long amountCents, int quantity, BigDecimal unitWeightKg) {
        BigDecimal units = BigDecimal.valueOf(quantity);
        BigDecimal cents = switch (rule.basis()) {
            case PERCENT -> BigDecimal.valueOf(amountCents).multiply(rule.value()).divide(HUNDRED, 0, RoundingMode.FLOOR);
            case PER_UNIT -> rule.value().movePointRight(2).multiply(units).setScale(0, RoundingMode.HALF_UP);
            case PER_KG -> rule.value().movePointRight(2).multiply(unitWeightKg).multiply(units)
                    .setScale(0, RoundingMode.HALF_UP);
        };
        return cents.longValueExact();
    }
}
