package org.boucle.marketplace.quota;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quota rules, versioned in the database: coordinators add a rule set when a text changes, nobody changes or
 * removes one, and the set that applies to a year is the one that came into force last by that year's end.
 */
@Service
public class QuotaRules {

    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 9999;
    private static final int MAX_NAME = 200;
    private static final int MAX_REFERENCE = 500;
    private static final int MAX_NOTE = 2000;
    private static final int MAX_CATEGORY_NAME = 300;
    private static final String CODE = "[A-Z][A-Z0-9_]{0,39}";

    private static final String SELECT = """
            select s.id, s.name, s.legal_reference, s.in_force_from, s.note, s.created_at, s.created_by_name
              from quota_rule_set s""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Clock clock;

    QuotaRules(JdbcClient jdbc, TransactionTemplate transactions, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    /** Every rule set, the latest in force first. */
    public List<QuotaRuleSet> ruleSets() {
        return jdbc.sql(SELECT + " order by s.in_force_from desc").query(this::header).list().stream()
                .map(this::withLines).toList();
    }

    public Optional<QuotaRuleSet> find(UUID id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(this::header).optional().map(this::withLines);
    }

    /** The set that applies to a calendar year: the one that came into force last on or before its 31 December. */
    public Optional<QuotaRuleSet> forYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where s.in_force_from <= ? order by s.in_force_from desc limit 1")
                .param(Date.valueOf(LocalDate.of(year, 12, 31)))
                .query(this::header).optional().map(this::withLines);
    }

    /** Stores a new rule set (coordinators), checked whole: every problem is reported with its field. */
    public QuotaRuleSet create(Actor actor, NewQuotaRuleSet request) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators add quota rules");
        }
        List<FieldProblem> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new InvalidQuotaRequestException(problems);
        }
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into quota_rule_set (id, name, legal_reference, in_force_from, note, created_at, created_by_id,
                                                created_by_name)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, request.name().strip(), request.legalReference().strip(),
                            Date.valueOf(request.inForceFrom()), blankToNull(request.note()),
                            Timestamp.from(clock.instant()), actor.userId(),
                            actor.displayName() == null ? actor.email() : actor.displayName())
                    .update();
            for (NewQuotaRuleSet.Category category : request.categories()) {
                jdbc.sql("insert into quota_rule_category (rule_set_id, code, name) values (?, ?, ?)")
                        .params(id, category.code(), category.name().strip()).update();
            }
            for (NewQuotaRuleSet.Rule rule : request.rules()) {
                jdbc.sql("""
                        insert into quota_rule (rule_set_id, category, from_year, to_year, minimum_share, origins)
                        values (?, ?, ?, ?, ?, cast(? as varchar(20)[]))""")
                        .params(id, rule.category(), rule.fromYear(), rule.toYear(), rule.minimumShare(),
                                rule.origins().stream().map(code -> Origin.of(code).orElseThrow().code())
                                        .toArray(String[]::new))
                        .update();
            }
            if (request.boucleCategories() != null) {
                request.boucleCategories().forEach((boucle, annex) -> jdbc.sql("""
                        insert into quota_category_mapping (rule_set_id, boucle_category, category) values (?, ?, ?)""")
                        .params(id, boucle, annex).update());
            }
        });
        return find(id).orElseThrow();
    }

    private List<FieldProblem> problems(NewQuotaRuleSet request) {
        List<FieldProblem> problems = new ArrayList<>();
        text(request.name(), "name", MAX_NAME, problems);
        text(request.legalReference(), "legalReference", MAX_REFERENCE, problems);
        if (request.note() != null && request.note().strip().length() > MAX_NOTE) {
            problems.add(problem("note", "quota.error.tooLong", MAX_NOTE));
        }
        if (request.name() != null && jdbc.sql("select count(*) from quota_rule_set where name = ?")
                .param(request.name().strip()).query(Long.class).single() > 0) {
            problems.add(problem("name", "quota.error.nameTaken"));
        }
        if (request.inForceFrom() == null) {
            problems.add(problem("inForceFrom", "quota.error.required"));
        } else if (request.inForceFrom().getYear() < MIN_YEAR || request.inForceFrom().getYear() > MAX_YEAR) {
            problems.add(problem("inForceFrom", "quota.error.year", MIN_YEAR, MAX_YEAR));
        } else if (jdbc.sql("select count(*) from quota_rule_set where in_force_from = ?")
                .param(Date.valueOf(request.inForceFrom())).query(Long.class).single() > 0) {
            problems.add(problem("inForceFrom", "quota.error.sameDay"));
        }
        Set<String> codes = categories(request.categories(), problems);
        rules(request, codes, problems);
        if (request.boucleCategories() != null) {
            request.boucleCategories().forEach((boucle, annex) -> {
                String field = "boucleCategories." + boucle;
                if (Arrays.stream(Category.values()).noneMatch(category -> category.name().equals(boucle))) {
                    problems.add(problem(field, "quota.error.boucleCategory"));
                } else if (annex == null || !codes.contains(annex)) {
                    problems.add(problem(field, "quota.error.undeclaredCategory"));
                }
            });
        }
        return problems;
    }

    private Set<String> categories(List<NewQuotaRuleSet.Category> categories, List<FieldProblem> problems) {
        Set<String> codes = new HashSet<>();
        if (categories == null || categories.isEmpty()) {
            problems.add(problem("categories", "quota.error.categoriesRequired"));
            return codes;
        }
        for (int i = 0; i < categories.size(); i++) {
            NewQuotaRuleSet.Category category = categories.get(i);
            String field = "categories[" + i + "]";
            if (category == null) {
                problems.add(problem(field, "quota.error.required"));
                continue;
            }
            if (category.code() == null || !category.code().matches(CODE)) {
                problems.add(problem(field + ".code", "quota.error.code"));
            } else if (!codes.add(category.code())) {
                problems.add(problem(field + ".code", "quota.error.codeTwice"));
            }
            text(category.name(), field + ".name", MAX_CATEGORY_NAME, problems);
        }
        return codes;
    }

    private void rules(NewQuotaRuleSet request, Set<String> codes, List<FieldProblem> problems) {
        List<NewQuotaRuleSet.Rule> rules = request.rules();
        if (rules == null || rules.isEmpty()) {
            problems.add(problem("rules", "quota.error.rulesRequired"));
            return;
        }
        int firstYear = request.inForceFrom() == null ? MIN_YEAR : request.inForceFrom().getYear();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            NewQuotaRuleSet.Rule rule = rules.get(i);
            String field = "rules[" + i + "]";
            if (rule == null) {
                problems.add(problem(field, "quota.error.required"));
                continue;
            }
            int before = problems.size();
            if (rule.category() == null || !codes.contains(rule.category())) {
                problems.add(problem(field + ".category", "quota.error.undeclaredCategory"));
            }
            if (rule.fromYear() == null) {
                problems.add(problem(field + ".fromYear", "quota.error.required"));
            } else if (rule.fromYear() < firstYear || rule.fromYear() > MAX_YEAR) {
                problems.add(problem(field + ".fromYear", "quota.error.fromYear", firstYear, MAX_YEAR));
            }
            if (rule.toYear() != null && (rule.toYear() > MAX_YEAR
                    || rule.fromYear() != null && rule.toYear() < rule.fromYear())) {
                problems.add(problem(field + ".toYear", "quota.error.toYear"));
            }
            BigDecimal share = rule.minimumShare();
            if (share == null) {
                problems.add(problem(field + ".minimumShare", "quota.error.required"));
            } else if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0
                    || share.stripTrailingZeros().scale() > 4) {
                problems.add(problem(field + ".minimumShare", "quota.error.share"));
            }
            Set<Origin> origins = EnumSet.noneOf(Origin.class);
            if (rule.origins() == null || rule.origins().isEmpty()) {
                problems.add(problem(field + ".origins", "quota.error.originsRequired"));
            } else {
                for (String code : rule.origins()) {
                    Optional<Origin> origin = Origin.of(code);
                    if (origin.isEmpty() || origin.get() == Origin.NEW) {
                        problems.add(problem(field + ".origins", "quota.error.origin"));
                    } else if (!origins.add(origin.get())) {
                        problems.add(problem(field + ".origins", "quota.error.originTwice"));
                    }
                }
            }
            if (problems.size() > before) {
                continue;
            }
            Checked line = new Checked(field, rule.category(), rule.fromYear(),
                    rule.toYear() == null ? MAX_YEAR : rule.toYear(), origins);
            // Two minimums over the same origins and years would make the category's status ambiguous.
            if (checked.stream().anyMatch(other -> other.overlaps(line))) {
                problems.add(problem(field, "quota.error.overlap"));
            }
            checked.add(line);
        }
    }

    private record Checked(String field, String category, int from, int to, Set<Origin> origins) {

        boolean overlaps(Checked other) {
            return category.equals(other.category) && from <= other.to && other.from <= to
                    && origins.stream().anyMatch(other.origins::contains);
        }
    }

    private void text(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "quota.error.required"));
        } else if (value.strip().length() > max) {
            problems.add(problem(field, "quota.error.tooLong", max));
        }
    }

    private FieldProblem problem(String field, String key, Object... arguments) {
        return new FieldProblem(field, messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private QuotaRuleSet header(ResultSet rs, int row) throws SQLException {
        return new QuotaRuleSet(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getDate(4).toLocalDate(), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), List.of(),
                List.of(), Map.of());
    }

    private QuotaRuleSet withLines(QuotaRuleSet header) {
        List<QuotaRuleSet.AnnexCategory> categories = jdbc.sql("""
                select code, name from quota_rule_category where rule_set_id = ? order by code""")
                .param(header.id())
                .query((rs, n) -> new QuotaRuleSet.AnnexCategory(rs.getString(1), rs.getString(2))).list();
        List<QuotaRule> rules = jdbc.sql("""
                select category, from_year, to_year, minimum_share, origins from quota_rule
                 where rule_set_id = ? order by category, from_year, origins""")
                .param(header.id())
                .query((rs, n) -> new QuotaRule(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3),
                        rs.getBigDecimal(4), origins(rs.getArray(5))))
                .list();
        Map<String, String> mapping = new HashMap<>();
        jdbc.sql("select boucle_category, category from quota_category_mapping where rule_set_id = ?")
                .param(header.id())
                .query(rs -> {
                    mapping.put(rs.getString(1), rs.getString(2));
                });
        return new QuotaRuleSet(header.id(), header.name(), header.legalReference(), header.inForceFrom(), header.note(),
                header.createdAt(), header.createdBy(), categories, rules, mapping);
    }

    private static List<Origin> origins(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(code -> Origin.of(code).orElseThrow()).toList();
    }
}
