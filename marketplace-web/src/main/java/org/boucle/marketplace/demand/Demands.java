package org.boucle.marketplace.demand;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs posted by buyers and associations, the coordinators' weighing of associations' needs, and what accepted
 * allocation plans gave them.
 */
@Service
public class Demands {

    // The ranges of V13's checks, so that bad input is reported by field rather than as a constraint violation.
    static final int MAX_QUANTITY = 100_000;
    static final int MAX_RAM_GB = 4096;
    static final int MAX_STORAGE_GB = 1_000_000;
    static final int MAX_CPU_GENERATION = 99;
    static final BigDecimal MAX_SCREEN_INCHES = BigDecimal.valueOf(150);
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000");
    static final int MAX_POPULATION = 10_000_000;
    static final int MAX_NOTE = 1000;
    static final int MIN_PRIORITY = 1;
    static final int MAX_PRIORITY = 10;
    private static final Set<String> GRADES = Set.of("A", "B", "C");
    private static final Set<String> STATUSES = Set.of("OPEN", "FULFILLED", "WITHDRAWN");

    private static final String SELECT = """
            select d.id, d.organization_id, o.name, d.kind, d.category, d.quantity, d.quantity_allocated, d.min_ram_gb,
                   d.min_storage_gb, d.min_cpu_generation, d.min_screen_inches, d.min_grade, d.latest_date,
                   d.delivery_site_id, s.name, d.max_unit_price, d.population_served, d.note, d.social_priority,
                   d.priority_criteria, d.priority_note, d.priority_set_by_name, d.priority_set_at, d.status,
                   d.created_at, d.updated_at
              from demand d
              join organization o on o.id = d.organization_id
              join site s on s.id = d.delivery_site_id""";

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    Demands(JdbcClient jdbc, MessageSource messages, Clock clock, DemandProperties properties) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** A site of the actor's organization a need can be delivered to. */
    public record SiteOption(UUID id, String name) {
    }

    /** Open needs with units left to serve whose latest date is {@code today} or later, oldest first. */
    public List<OpenDemand> open(LocalDate today) {
        return jdbc.sql("""
                select d.id, d.organization_id, o.name, d.kind, d.category, d.quantity - d.quantity_allocated,
                       d.min_ram_gb, d.min_storage_gb, d.min_cpu_generation, d.min_screen_inches, d.min_grade,
                       d.latest_date, d.delivery_site_id, s.latitude, s.longitude, round(d.max_unit_price * 100),
                       d.population_served, case d.kind when 'ASSOCIATION' then coalesce(d.social_priority, 1) else 0 end
                  from demand d
                  join organization o on o.id = d.organization_id
                  join site s on s.id = d.delivery_site_id
                 where d.status = 'OPEN' and d.quantity > d.quantity_allocated and d.latest_date >= ?
                 order by d.created_at, d.id""")
                .param(Date.valueOf(today))
                .query((rs, n) -> new OpenDemand(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getInt(9), rs.getDouble(10), rs.getString(11), rs.getDate(12).toLocalDate(),
                        rs.getObject(13, UUID.class), rs.getDouble(14), rs.getDouble(15), rs.getLong(16), rs.getInt(17),
                        rs.getInt(18)))
                .list();
    }

    /**
     * Gives back units an accepted plan had counted for a need, when their hold ended without a checkout: the need is
     * open again for them (unless it was withdrawn meanwhile).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseAllocated(UUID demandId, int units) {
        jdbc.sql("""
                update demand set quantity_allocated = greatest(0, quantity_allocated - :units), updated_at = :now,
                                  status = case when status = 'FULFILLED' then 'OPEN' else status end
                 where id = :id""")
                .param("units", units).param("id", demandId).param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** Units still to serve for an open need (0 if it is no longer open), locked until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int lockRemaining(UUID demandId) {
        return jdbc.sql("select quantity - quantity_allocated from demand where id = ? and status = 'OPEN' for update")
                .param(demandId).query(Integer.class).optional().orElse(0);
    }

    /**
     * Counts units an accepted plan reserved for a need; the need is fulfilled once nothing is left to serve.
     *
     * @return false when the need has fewer units left than that (it changed since the plan was made)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordAllocated(UUID demandId, int units) {
        return jdbc.sql("""
                update demand set quantity_allocated = quantity_allocated + :units, updated_at = :now,
                                  status = case when quantity_allocated + :units = quantity then 'FULFILLED' else status end
                 where id = :id and status = 'OPEN' and quantity - quantity_allocated >= :units""")
                .param("units", units).param("id", demandId).param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** The kinds of need the actor may post: BUYER for public and private buyers, ASSOCIATION for associations. */
    public List<DemandKind> kindsFor(Actor actor) {
        List<DemandKind> kinds = new ArrayList<>();
        if (actor.hasRole(OrganizationRole.PUBLIC_BUYER) || actor.hasRole(OrganizationRole.PRIVATE_BUYER)) {
            kinds.add(DemandKind.BUYER);
        }
        if (actor.hasRole(OrganizationRole.ASSOCIATION)) {
            kinds.add(DemandKind.ASSOCIATION);
        }
        return kinds;
    }

    /** Posts a need for the actor's organization; every invalid field is reported at once. */
    @Transactional
    public Demand create(Actor actor, NewDemand request) {
        Checked checked = check(actor, request);
        reject(checked.problems());
        DemandKind kind = checked.kind();
        BigDecimal screen = request.minScreenInches();
        BigDecimal price = request.maxUnitPrice();
        String note = blank(request.note()) ? null : request.note().strip();
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into demand (id, organization_id, kind, category, quantity, min_ram_gb, min_storage_gb,
                                    min_cpu_generation, min_screen_inches, min_grade, latest_date, delivery_site_id,
                                    max_unit_price, population_served, note, status, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(id, actor.organizationId(), kind.name(), request.category(), request.quantity(),
                        zeroIfNull(request.minRamGb()), zeroIfNull(request.minStorageGb()),
                        zeroIfNull(request.minCpuGeneration()), screen == null ? BigDecimal.ZERO : screen,
                        request.minGrade(), Date.valueOf(request.latestDate()), request.deliverySiteId(),
                        price == null ? BigDecimal.ZERO : price, zeroIfNull(request.populationServed()), note,
                        actor.userId(), now, now)
                .update();
        return read(id).orElseThrow();
    }

    /** What is wrong with a need the actor would post, every field at once; nothing when it can be posted. */
    List<FieldProblem> problems(Actor actor, NewDemand request) {
        return check(actor, request).problems();
    }

    private record Checked(DemandKind kind, List<FieldProblem> problems) {
    }

    private Checked check(Actor actor, NewDemand request) {
        List<DemandKind> kinds = kindsFor(actor);
        if (kinds.isEmpty()) {
            throw new AccessDeniedException("Only buyers and associations post needs");
        }
        boolean weighs = request.socialPriority() != null
                || (request.priorityCriteria() != null && !request.priorityCriteria().isEmpty());
        if (weighs && !actor.isCoordinator()) {
            throw new AccessDeniedException("The social priority of a need is set by the territory's coordinators from "
                    + "documented criteria, never by the organization that posts it: leave socialPriority and "
                    + "priorityCriteria out");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (weighs) {
            problems.add(problem("socialPriority", "demand.error.priorityOnCreate"));
        }
        DemandKind kind = kind(request.kind(), kinds, problems);
        if (blank(request.category())) {
            problems.add(problem("category", "demand.error.categoryRequired"));
        } else if (!categories().contains(request.category())) {
            problems.add(problem("category", "demand.error.category"));
        }
        if (request.quantity() == null || request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
            problems.add(problem("quantity", "demand.error.quantity", MAX_QUANTITY));
        }
        range(problems, "minRamGb", request.minRamGb(), MAX_RAM_GB);
        range(problems, "minStorageGb", request.minStorageGb(), MAX_STORAGE_GB);
        range(problems, "minCpuGeneration", request.minCpuGeneration(), MAX_CPU_GENERATION);
        BigDecimal screen = request.minScreenInches();
        if (screen != null && (screen.signum() < 0 || screen.compareTo(MAX_SCREEN_INCHES) > 0
                || screen.stripTrailingZeros().scale() > 1)) {
            problems.add(problem("minScreenInches", "demand.error.screen", MAX_SCREEN_INCHES));
        }
        if (request.minGrade() == null || !GRADES.contains(request.minGrade())) {
            problems.add(problem("minGrade", "demand.error.grade"));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (request.latestDate() == null) {
            problems.add(problem("latestDate", "demand.error.dateRequired"));
        } else if (request.latestDate().isBefore(today)) {
            problems.add(problem("latestDate", "demand.error.datePast"));
        }
        if (request.deliverySiteId() == null) {
            problems.add(problem("deliverySiteId", "demand.error.siteRequired"));
        } else if (sites(actor).stream().noneMatch(site -> site.id().equals(request.deliverySiteId()))) {
            problems.add(problem("deliverySiteId", "demand.error.site"));
        }
        BigDecimal price = request.maxUnitPrice();
        if (price != null && (price.signum() < 0 || price.compareTo(MAX_UNIT_PRICE) > 0
                || price.stripTrailingZeros().scale() > 2)) {
            problems.add(problem("maxUnitPrice", "demand.error.price"));
        } else if (kind == DemandKind.BUYER && (price == null || price.signum() == 0)) {
            problems.add(problem("maxUnitPrice", "demand.error.buyerPrice"));
        }
        Integer population = request.populationServed();
        if (population != null && (population < 0 || population > MAX_POPULATION)) {
            problems.add(problem("populationServed", "demand.error.population", MAX_POPULATION));
        } else if (kind == DemandKind.BUYER && population != null && population > 0) {
            problems.add(problem("populationServed", "demand.error.populationBuyer"));
        }
        if (!blank(request.note()) && request.note().strip().length() > MAX_NOTE) {
            problems.add(problem("note", "demand.error.note", MAX_NOTE));
        }
        return new Checked(kind, problems);
    }

    /**
     * The actor's organization's needs, or every organization's for a coordinator, the most recent first.
     *
     * @param status OPEN, FULFILLED or WITHDRAWN; null for all
     * @param kind BUYER or ASSOCIATION; null for both
     */
    public List<Demand> list(Actor actor, String status, String kind) {
        List<FieldProblem> problems = new ArrayList<>();
        if (status != null && !STATUSES.contains(status)) {
            problems.add(problem("status", "demand.error.status"));
        }
        if (kind != null && parse(kind) == null) {
            problems.add(problem("kind", "demand.error.kindFilter"));
        }
        reject(problems);
        return jdbc.sql(SELECT + """

                 where (cast(:organization as uuid) is null or d.organization_id = :organization)
                   and (cast(:status as varchar) is null or d.status = :status)
                   and (cast(:kind as varchar) is null or d.kind = :kind)
                 order by d.created_at desc, d.id""")
                .param("organization", actor.isCoordinator() ? null : actor.organizationId())
                .param("status", status).param("kind", kind)
                .query(Demands::demand).list();
    }

    /** One need: its organization's members and coordinators see it, nobody else learns it exists. */
    public Demand find(Actor actor, UUID id) {
        return read(id).filter(demand -> actor.mayAccess(demand.organizationId()))
                .orElseThrow(() -> new NotFoundException("demand", id));
    }

    /** Withdraws an open need (its organization or a coordinator): the optimiser no longer serves it. */
    @Transactional
    public Demand withdraw(Actor actor, UUID id) {
        Demand demand = find(actor, id);
        int updated = jdbc.sql("update demand set status = 'WITHDRAWN', updated_at = ? where id = ? and status = 'OPEN'")
                .params(Timestamp.from(clock.instant()), id).update();
        if (updated == 0) {
            throw new DemandNotOpenException(read(id).map(Demand::status).orElse(demand.status()));
        }
        return read(id).orElseThrow();
    }

    /** Weighs an open association's need (coordinators only), recording the criteria applied, who and when. */
    @Transactional
    public Demand setPriority(Actor actor, UUID id, PriorityRequest request) {
        if (!actor.isCoordinator()) {
            throw new AccessDeniedException("Only the territory's coordinators set the social priority of a need");
        }
        Demand demand = find(actor, id);
        List<FieldProblem> problems = new ArrayList<>();
        if (demand.kind() != DemandKind.ASSOCIATION) {
            problems.add(problem("socialPriority", "demand.error.priorityBuyer"));
        }
        if (request.socialPriority() == null || request.socialPriority() < MIN_PRIORITY
                || request.socialPriority() > MAX_PRIORITY) {
            problems.add(problem("socialPriority", "demand.error.priority", MIN_PRIORITY, MAX_PRIORITY));
        }
        List<String> criteria = request.criteria() == null ? List.of()
                : request.criteria().stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
        if (criteria.isEmpty()) {
            problems.add(problem("criteria", "demand.error.criteriaRequired"));
        } else if (criteria.stream().anyMatch(criterion -> criterion(criterion) == null)) {
            problems.add(problem("criteria", "demand.error.criteria",
                    String.join(", ", Arrays.stream(PriorityCriterion.values()).map(Enum::name).toList())));
        }
        String note = blank(request.note()) ? null : request.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(problem("note", "demand.error.note", MAX_NOTE));
        }
        reject(problems);
        // In the enum's order, whatever the order sent: the same weighing always reads the same.
        String[] ordered = Arrays.stream(PriorityCriterion.values()).map(Enum::name).filter(criteria::contains)
                .toArray(String[]::new);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                update demand set social_priority = ?, priority_criteria = ?, priority_note = ?, priority_set_by = ?,
                                  priority_set_by_name = ?, priority_set_at = ?, updated_at = ?
                 where id = ? and status = 'OPEN'""")
                .params(request.socialPriority(), ordered, note, actor.userId(),
                        actor.displayName() == null ? actor.email() : actor.displayName(),
                        now, now, id)
                .update();
        if (updated == 0) {
            throw new DemandNotOpenException(demand.status());
        }
        return read(id).orElseThrow();
    }

    /** The sites of the actor's organization, by name. */
    public List<SiteOption> sites(Actor actor) {
        return jdbc.sql("select id, name from site where organization_id = ? order by name, id")
                .param(actor.organizationId())
                .query((rs, n) -> new SiteOption(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** The categories a need can ask for: those with a standard weight and volume. */
    public List<String> categories() {
        return jdbc.sql("select category from category_standard order by category").query(String.class).list();
    }

    /** Today where the territory is: the first day a need can still be served. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private Optional<Demand> read(UUID id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(Demands::demand).optional();
    }

    private DemandKind kind(String requested, List<DemandKind> allowed, List<FieldProblem> problems) {
        if (blank(requested)) {
            if (allowed.size() == 1) {
                return allowed.get(0);
            }
            problems.add(problem("kind", "demand.error.kindChoose"));
            return null;
        }
        DemandKind kind = parse(requested);
        if (kind == null || !allowed.contains(kind)) {
            problems.add(problem("kind", "demand.error.kind", String.join(" or ",
                    allowed.stream().map(Enum::name).toList())));
            return null;
        }
        return kind;
    }

    private void range(List<FieldProblem> problems, String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            problems.add(problem(field, "demand.error.range", max));
        }
    }

    private static DemandKind parse(String kind) {
        return Arrays.stream(DemandKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
    }

    private static PriorityCriterion criterion(String name) {
        return Arrays.stream(PriorityCriterion.values()).filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static void reject(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidDemandException(problems);
        }
    }

    private FieldProblem problem(String field, String key, Object... arguments) {
        return new FieldProblem(field, messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }

    private static Demand demand(ResultSet rs, int row) throws SQLException {
        Demand.Priority priority = null;
        int weight = rs.getInt(19);
        if (!rs.wasNull()) {
            Array array = rs.getArray(20);
            List<PriorityCriterion> criteria = Arrays.stream((String[]) array.getArray()).map(PriorityCriterion::valueOf)
                    .toList();
            Timestamp setAt = rs.getTimestamp(23);
            priority = new Demand.Priority(weight, criteria, rs.getString(21), rs.getString(22),
                    setAt == null ? null : setAt.toInstant());
        }
        int quantity = rs.getInt(6);
        int allocated = rs.getInt(7);
        return new Demand(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                DemandKind.valueOf(rs.getString(4)), rs.getString(5), quantity, allocated, quantity - allocated,
                rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getBigDecimal(11), rs.getString(12),
                rs.getDate(13).toLocalDate(), rs.getObject(14, UUID.class), rs.getString(15), rs.getBigDecimal(16),
                rs.getInt(17), rs.getString(18), priority, rs.getString(24), rs.getTimestamp(25).toInstant(),
                rs.getTimestamp(26).toInstant());
    }
}
