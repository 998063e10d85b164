package org.boucle.marketplace.quota;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The flat values donations received count for (arrêté of 29 February 2024 fixing the grid, published on 7 March
 * 2024), per unit of a Boucle category from a date on. Coordinators add values; a value is never changed, a later one
 * replaces it from its date.
 */
@Service
public class DonationValues {

    private static final BigDecimal MAX_VALUE = new BigDecimal("100000");
    private static final int MAX_SOURCE = 500;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    DonationValues(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** @param unitValue euros per unit donated */
    public record DonationValue(String category, LocalDate validFrom, BigDecimal unitValue, String source,
            Instant createdAt, String createdBy) {
    }

    public record NewDonationValue(String category, LocalDate validFrom, BigDecimal unitValue, String source) {
    }

    /** The grid, per category, the latest value first. */
    public List<DonationValue> values() {
        return jdbc.sql("""
                select boucle_category, valid_from, unit_value, source, created_at, created_by_name
                  from quota_donation_value order by boucle_category, valid_from desc""")
                .query((rs, n) -> new DonationValue(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    public DonationValue create(Actor actor, NewDonationValue request) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only coordinators set the donation values");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.category() == null
                || Arrays.stream(Category.values()).noneMatch(category -> category.name().equals(request.category()))) {
            problems.add(problem("category", "quota.error.boucleCategory"));
        }
        if (request.validFrom() == null) {
            problems.add(problem("validFrom", "quota.error.required"));
        } else if (request.category() != null && jdbc.sql("""
                select count(*) from quota_donation_value where boucle_category = ? and valid_from = ?""")
                .params(request.category(), Date.valueOf(request.validFrom())).query(Long.class).single() > 0) {
            problems.add(problem("validFrom", "quota.error.valueSameDay"));
        }
        BigDecimal value = request.unitValue();
        if (value == null) {
            problems.add(problem("unitValue", "quota.error.required"));
        } else if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0 || value.stripTrailingZeros().scale() > 2) {
            problems.add(problem("unitValue", "quota.error.unitValue"));
        }
        if (request.source() == null || request.source().isBlank()) {
            problems.add(problem("source", "quota.error.required"));
        } else if (request.source().strip().length() > MAX_SOURCE) {
            problems.add(problem("source", "quota.error.tooLong", MAX_SOURCE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuotaRequestException(problems);
        }
        jdbc.sql("""
                insert into quota_donation_value (boucle_category, valid_from, unit_value, source, created_at,
                                                  created_by_id, created_by_name)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(request.category(), Date.valueOf(request.validFrom()), value, request.source().strip(),
                        Timestamp.from(clock.instant()), actor.userId(),
                        actor.displayName() == null ? actor.email() : actor.displayName())
                .update();
        return values().stream()
                .filter(v -> v.category().equals(request.category()) && v.validFrom().equals(request.validFrom()))
                .findFirst().orElseThrow();
    }

    private FieldProblem problem(String field, String key, Object... arguments) {
        return new FieldProblem(field, messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }
}
