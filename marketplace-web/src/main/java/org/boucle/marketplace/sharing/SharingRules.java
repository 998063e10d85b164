package org.boucle.marketplace.sharing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.catalog.ListingKind;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The value-sharing rules, versioned in the database, and the split of a sale under the version that was in force
 * when it was reserved. Coordinators add versions; nobody changes or removes one.
 */
@Service
public class SharingRules {

    /** What numeric(10,2) holds, rounded down to a sensible ceiling for a fee. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_NOTE = 1000;
    private static final int MAX_PREVIEW_QUANTITY = 100_000;
    /** Beyond this many rule sets, reading every line is simpler than listing their ids. */
    private static final int MAX_ID_PARAMETERS = 500;

    private static final String SELECT = """
            select s.id, s.listing_kind, s.category, s.version, s.effective_from, s.note, s.created_at, s.created_by_name
              from sharing_rule_set s""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Clock clock;

    SharingRules(JdbcClient jdbc, TransactionTemplate transactions, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    /** A preview of a split: what the listing page and the coordinators' page show of where the money goes. */
    public record SplitPreview(UUID ruleSetId, int ruleVersion, long amountCents, long subsidyCents, List<Share> shares) {
    }

    /**
     * Shares a sale under the rule set in force when it was reserved: the one for its category if any, else the
     * kind-wide one; the latest effective, the highest version on a tie.
     *
     * @throws IllegalArgumentException for a sale that makes no sense (unknown kind or category, no unit, negative amount)
     * @throws IllegalStateException when no rule set was in force then
     */
    public Split split(Sale sale) {
        if (sale.listingKind() == null || !isKind(sale.listingKind())) {
            throw new IllegalArgumentException("Unknown listing kind " + sale.listingKind());
        }
        if (sale.category() == null || !isCategory(sale.category())) {
            throw new IllegalArgumentException("Unknown category " + sale.category());
        }
        if (sale.reservedAt() == null || sale.amountCents() < 0 || sale.quantity() < 1) {
            throw new IllegalArgumentException("A sale has a reservation time, an amount of at least 0 and a quantity of"
                    + " at least 1: " + sale);
        }
        RuleSet rules = select(sale.listingKind(), sale.category(), sale.reservedAt())
                .orElseThrow(() -> new IllegalStateException("No sharing rule set in force on " + sale.reservedAt()
                        + " for " + sale.listingKind() + " " + sale.category()
                        + ": V9 seeds kind-wide defaults from 2024-01-01, were they removed?"));
        return rules.split(sale.amountCents(), sale.quantity(), unitWeightKg(sale.category()));
    }

    /** Every rule set, the most recently created first. */
    public List<RuleSet> ruleSets() {
        return withRules(jdbc.sql(SELECT + " order by s.created_at desc, s.version desc").query(SharingRules::header).list());
    }

    /** The set {@link #split} would use for a sale of this kind and category (null: kind-wide only) reserved at {@code at}. */
    public Optional<RuleSet> inForce(String listingKind, String category, Instant at) {
        List<FieldProblem> problems = new ArrayList<>();
        checkKind(listingKind, problems);
        checkCategory(category, problems);
        reject(problems);
        return select(listingKind, blankToNull(category), at == null ? clock.instant() : at);
    }

    /** The sets in force now, one per kind and per category that has its own, kind-wide ones first. */
    public List<RuleSet> inForceNow() {
        return withRules(jdbc.sql("""
                select * from (
                    select distinct on (s.listing_kind, coalesce(s.category, ''))
                           s.id, s.listing_kind, s.category, s.version, s.effective_from, s.note, s.created_at,
                           s.created_by_name
                      from sharing_rule_set s
                     where s.effective_from <= ?
                     order by s.listing_kind, coalesce(s.category, ''), s.effective_from desc, s.version desc) s
                 order by s.listing_kind desc, s.category nulls first""")
                .param(Timestamp.from(clock.instant()))
                .query(SharingRules::header).list());
    }

    /** Adds a version (coordinators only): the previous version of the same kind and category, plus one. */
    public RuleSet create(Actor actor, NewRuleSet request) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators change the sharing rules");
        }
        Instant now = clock.instant();
        reject(problems(request, now));
        String category = blankToNull(request.category());
        String note = blankToNull(request.note());
        Instant effectiveFrom = request.effectiveFrom() == null ? now : request.effectiveFrom();
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            // One writer per (kind, category) at a time, so that versions follow each other without gaps or clashes.
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('sharing_rule_set'), hashtext(?))) l")
                    .param(request.listingKind() + ":" + (category == null ? "" : category))
                    .query(Integer.class).single();
            int version = jdbc.sql("""
                    select coalesce(max(version), 0) + 1 from sharing_rule_set
                     where listing_kind = ? and category is not distinct from cast(? as varchar)""")
                    .params(request.listingKind(), category)
                    .query(Integer.class).single();
            jdbc.sql("""
                    insert into sharing_rule_set (id, listing_kind, category, version, effective_from, note, created_at,
                                                  created_by_id, created_by_name)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, request.listingKind(), category, version, Timestamp.from(effectiveFrom), note,
                            Timestamp.from(now), actor.userId(),
                            actor.displayName() == null ? actor.email() : actor.displayName())
                    .update();
            for (NewRuleSet.Line line : request.rules()) {
                jdbc.sql("insert into sharing_rule (rule_set_id, role, basis, value) values (?, ?, ?, ?)")
                        .params(id, line.role(), line.basis(), line.value())
                        .update();
            }
        });
        return find(id).orElseThrow();
    }

    /**
     * What a sale of {@code quantity} units at {@code unitPrice} euros (incl. VAT; null or 0 for a donation) would
     * give each role under the rules in force now.
     */
    public SplitPreview preview(String listingKind, String category, BigDecimal unitPrice, Integer quantity) {
        List<FieldProblem> problems = new ArrayList<>();
        checkKind(listingKind, problems);
        if (blankToNull(category) == null) {
            problems.add(problem("category", "sharing.error.categoryRequired"));
        } else {
            checkCategory(category, problems);
        }
        if (unitPrice != null && (unitPrice.signum() < 0 || unitPrice.compareTo(MAX_AMOUNT) > 0
                || unitPrice.stripTrailingZeros().scale() > 2)) {
            problems.add(problem("unitPrice", "sharing.error.unitPrice"));
        }
        if (quantity == null || quantity < 1 || quantity > MAX_PREVIEW_QUANTITY) {
            problems.add(problem("quantity", "sharing.error.quantity", MAX_PREVIEW_QUANTITY));
        }
        reject(problems);
        long unitCents = unitPrice == null ? 0 : unitPrice.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        long amountCents = Math.multiplyExact(unitCents, quantity);
        Split split = split(new Sale(listingKind, category, clock.instant(), amountCents, quantity));
        return new SplitPreview(split.ruleSetId(), split.ruleVersion(), amountCents, split.subsidyCents(), split.shares());
    }

    Optional<RuleSet> find(UUID id) {
        return withRules(jdbc.sql(SELECT + " where s.id = ?").param(id).query(SharingRules::header).list())
                .stream().findFirst();
    }

    private Optional<RuleSet> select(String listingKind, String category, Instant at) {
        // A set for the category beats a kind-wide one, however recent; then the latest effective, then the last version.
        return withRules(jdbc.sql(SELECT + "\n" + """
                 where s.listing_kind = ? and (s.category = cast(? as varchar) or s.category is null)
                   and s.effective_from <= ?
                 order by s.category is null, s.effective_from desc, s.version desc
                 limit 1""")
                .params(listingKind, category, Timestamp.from(at))
                .query(SharingRules::header).list())
                .stream().findFirst();
    }

    private BigDecimal unitWeightKg(String category) {
        return jdbc.sql("select weight_kg from category_standard where category = ?").param(category)
                .query(BigDecimal.class).optional()
                .orElseThrow(() -> new IllegalStateException("No standard weight for category " + category));
    }

    private List<FieldProblem> problems(NewRuleSet request, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        checkKind(request.listingKind(), problems);
        checkCategory(request.category(), problems);
        if (request.effectiveFrom() != null && request.effectiveFrom().isBefore(now)) {
            problems.add(problem("effectiveFrom", "sharing.error.effectiveFromPast"));
        }
        if (request.note() != null && request.note().strip().length() > MAX_NOTE) {
            problems.add(problem("note", "sharing.error.note", MAX_NOTE));
        }
        if (request.rules() == null) {
            problems.add(problem("rules", "sharing.error.rulesRequired"));
            return problems;
        }
        Set<ShareRole> seen = EnumSet.noneOf(ShareRole.class);
        BigDecimal percents = BigDecimal.ZERO;
        for (int i = 0; i < request.rules().size(); i++) {
            NewRuleSet.Line line = request.rules().get(i);
            String field = "rules[" + i + "]";
            if (line == null) {
                problems.add(problem(field, "sharing.error.lineRequired"));
                continue;
            }
            ShareRole role = parse(ShareRole.class, line.role());
            if (role == null) {
                problems.add(problem(field + ".role", "sharing.error.role"));
            } else if (role == ShareRole.SELLER) {
                problems.add(problem(field + ".role", "sharing.error.roleSeller"));
            } else if (!seen.add(role)) {
                problems.add(problem(field + ".role", "sharing.error.roleTwice"));
            }
            ShareBasis basis = parse(ShareBasis.class, line.basis());
            if (basis == null) {
                problems.add(problem(field + ".basis", "sharing.error.basis"));
            }
            BigDecimal value = line.value();
            if (value == null) {
                problems.add(problem(field + ".value", "sharing.error.valueRequired"));
            } else if (value.signum() < 0) {
                problems.add(problem(field + ".value", "sharing.error.valueNegative"));
            } else if (value.stripTrailingZeros().scale() > 2) {
                problems.add(problem(field + ".value", "sharing.error.valueDecimals"));
            } else if (basis == ShareBasis.PERCENT && value.compareTo(HUNDRED) > 0) {
                problems.add(problem(field + ".value", "sharing.error.percentMax"));
            } else if (basis != ShareBasis.PERCENT && value.compareTo(MAX_AMOUNT) > 0) {
                problems.add(problem(field + ".value", "sharing.error.amountMax"));
            } else if (basis == ShareBasis.PERCENT) {
                percents = percents.add(value);
            }
        }
        if (percents.compareTo(HUNDRED) > 0) {
            problems.add(problem("rules", "sharing.error.percentSum", percents.stripTrailingZeros().toPlainString()));
        }
        return problems;
    }

    private void checkKind(String listingKind, List<FieldProblem> problems) {
        if (listingKind == null || !isKind(listingKind)) {
            problems.add(problem("listingKind", "sharing.error.listingKind"));
        }
    }

    private void checkCategory(String category, List<FieldProblem> problems) {
        if (blankToNull(category) != null && !isCategory(category)) {
            problems.add(problem("category", "sharing.error.category"));
        }
    }

    private static boolean isKind(String value) {
        return Arrays.stream(ListingKind.values()).anyMatch(kind -> kind.name().equals(value));
    }

    private static boolean isCategory(String value) {
        return Arrays.stream(Category.values()).anyMatch(category -> category.name().equals(value));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElse(null);
    }

    private static void reject(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRuleSetException(problems);
        }
    }

    private FieldProblem problem(String field, String key, Object... arguments) {
        return new FieldProblem(field, messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Attaches their lines to rule sets read without them, keeping their order. */
    private List<RuleSet> withRules(List<RuleSet> headers) {
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, List<ShareRule>> lines = new HashMap<>();
        headers.forEach(header -> lines.put(header.id(), new ArrayList<>()));
        RowCallbackHandler collect = rs -> {
            List<ShareRule> set = lines.get(rs.getObject(1, UUID.class));
            if (set != null) {
                set.add(new ShareRule(ShareRole.valueOf(rs.getString(2)), ShareBasis.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4)));
            }
        };
        String select = "select rule_set_id, role, basis, value from sharing_rule";
        if (headers.size() > MAX_ID_PARAMETERS) {
            jdbc.sql(select).query(collect);
        } else {
            jdbc.sql(select + " where rule_set_id in (:ids)").param("ids", List.copyOf(lines.keySet())).query(collect);
        }
        return headers.stream().map(h -> new RuleSet(h.id(), h.listingKind(), h.category(), h.version(),
                h.effectiveFrom(), h.note(), h.createdAt(), h.createdBy(), lines.get(h.id()))).toList();
    }

    private static RuleSet header(ResultSet rs, int row) throws SQLException {
        return new RuleSet(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), List.of());
    }
}
