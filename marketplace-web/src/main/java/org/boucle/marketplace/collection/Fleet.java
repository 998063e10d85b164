package org.boucle.marketplace.collection;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.NotFoundException;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The collectors' vehicles. A collector manages its own fleet; coordinators see and manage every collector's. A vehicle
 * taken out of service is deactivated, never deleted: plans that used it still name it.
 */
@Service
public class Fleet {

    // V16's checks, so that bad input is reported by field rather than as a constraint violation.
    private static final BigDecimal MAX_M3 = BigDecimal.valueOf(100);
    private static final int MAX_KG = 40_000;
    private static final int MAX_GROSS_KG = 44_000;
    private static final BigDecimal MAX_COST = new BigDecimal("100000");
    private static final BigDecimal MAX_CO2E_PER_KM = BigDecimal.valueOf(100);
    private static final int MAX_NAME = 100;

    private static final String SELECT = """
            select v.id, v.organization_id, o.name, v.name, v.depot_site_id, s.name, s.latitude, s.longitude,
                   v.capacity_m3, v.capacity_kg, v.gross_weight_kg, v.shift_start, v.shift_end, v.cost_per_km,
                   v.cost_per_hour, v.kg_co2e_per_km, v.allowed_days, v.active
              from collection_vehicle v
              join organization o on o.id = v.organization_id
              join site s on s.id = v.depot_site_id""";

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Clock clock;

    Fleet(JdbcClient jdbc, Organizations organizations, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Active vehicles the actor manages: its own collector's, or every one for coordinators. */
    public List<Vehicle> vehicles(Actor actor) {
        requireFleetManager(actor);
        return actor.isCoordinator()
                ? jdbc.sql(SELECT + " where v.active order by o.name, v.name").query(Fleet::map).list()
                : jdbc.sql(SELECT + " where v.active and v.organization_id = ? order by v.name")
                        .param(actor.organizationId()).query(Fleet::map).list();
    }

    /** Every active vehicle of the territory, for planning. */
    public List<Vehicle> territory() {
        return jdbc.sql(SELECT + " where v.active order by o.name, v.name").query(Fleet::map).list();
    }

    public Vehicle vehicle(Actor actor, UUID id) {
        requireFleetManager(actor);
        return jdbc.sql(SELECT + " where v.id = ?").param(id).query(Fleet::map).optional()
                .filter(vehicle -> actor.mayAccess(vehicle.organizationId()))
                .orElseThrow(() -> new NotFoundException("vehicle", id));
    }

    /** @throws InvalidVehicleException listing every field at fault */
    public Vehicle add(Actor actor, NewVehicle request) {
        requireFleetManager(actor);
        UUID organization = request.organizationId() == null ? actor.organizationId() : request.organizationId();
        List<FieldProblem> problems = new ArrayList<>();
        if (!actor.mayAccess(organization)) {
            problems.add(new FieldProblem("organizationId", "only coordinators declare another organization's vehicles"));
        } else if (!organizations.summary(organization).roles().contains(OrganizationRole.COLLECTOR)) {
            problems.add(new FieldProblem("organizationId", "the organization is not a collector"));
        }
        check(request, organization, problems);
        if (!problems.isEmpty()) {
            throw new InvalidVehicleException(problems);
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into collection_vehicle (id, organization_id, name, depot_site_id, capacity_m3, capacity_kg,
                                                gross_weight_kg, shift_start, shift_end, cost_per_km, cost_per_hour,
                                                kg_co2e_per_km, allowed_days, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organization, request.name().strip(), request.depotSiteId(), request.capacityM3(),
                        request.capacityKg(), request.grossWeightKg(), Time.valueOf(request.shiftStart()),
                        Time.valueOf(request.shiftEnd()), request.costPerKm(), request.costPerHour(),
                        request.kgCo2ePerKm(),
                        request.allowedDays().stream().distinct().sorted().map(day -> (short) day.getValue())
                                .toArray(Short[]::new),
                        now, now)
                .update();
        return vehicle(actor, id);
    }

    /** Takes a vehicle out of service: later plans no longer use it. */
    public void deactivate(Actor actor, UUID id) {
        Vehicle vehicle = vehicle(actor, id);
        jdbc.sql("update collection_vehicle set active = false, updated_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), vehicle.id()).update();
    }

    private void check(NewVehicle request, UUID organization, List<FieldProblem> problems) {
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "required, at most " + MAX_NAME + " characters"));
        }
        if (request.depotSiteId() == null || jdbc.sql("select count(*) from site where id = ? and organization_id = ?")
                .params(request.depotSiteId(), organization).query(Long.class).single() == 0) {
            problems.add(new FieldProblem("depotSiteId", "one of the collector's own sites"));
        }
        if (request.capacityM3() == null || request.capacityM3().signum() <= 0 || request.capacityM3().compareTo(MAX_M3) > 0
                || request.capacityM3().stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("capacityM3", "above 0 and at most " + MAX_M3 + " m³, 2 decimals at most"));
        }
        if (request.capacityKg() == null || request.capacityKg() <= 0 || request.capacityKg() > MAX_KG) {
            problems.add(new FieldProblem("capacityKg", "from 1 to " + MAX_KG + " kg"));
        }
        if (request.grossWeightKg() == null || request.grossWeightKg() <= 0 || request.grossWeightKg() > MAX_GROSS_KG) {
            problems.add(new FieldProblem("grossWeightKg", "from 1 to " + MAX_GROSS_KG + " kg"));
        } else if (request.capacityKg() != null && request.capacityKg() >= request.grossWeightKg()) {
            problems.add(new FieldProblem("grossWeightKg", "above the payload (capacityKg): it includes the vehicle"));
        }
        if (request.shiftStart() == null || request.shiftEnd() == null
                || !request.shiftStart().isBefore(request.shiftEnd())) {
            problems.add(new FieldProblem("shiftEnd", "the shift starts (shiftStart) before it ends (shiftEnd)"));
        }
        amount("costPerKm", request.costPerKm(), MAX_COST, problems);
        amount("costPerHour", request.costPerHour(), MAX_COST, problems);
        if (request.kgCo2ePerKm() == null || request.kgCo2ePerKm().signum() < 0
                || request.kgCo2ePerKm().compareTo(MAX_CO2E_PER_KM) > 0
                || request.kgCo2ePerKm().stripTrailingZeros().scale() > 3) {
            problems.add(new FieldProblem("kgCo2ePerKm", "from 0 to " + MAX_CO2E_PER_KM + ", 3 decimals at most"));
        }
        if (request.allowedDays() == null || request.allowedDays().isEmpty()
                || request.allowedDays().stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(new FieldProblem("allowedDays", "at least one day of the week (MONDAY ... SUNDAY)"));
        }
    }

    private static void amount(String field, BigDecimal value, BigDecimal max, List<FieldProblem> problems) {
        if (value == null || value.signum() < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(field, "euros from 0 to " + max + ", 2 decimals at most"));
        }
    }

    private static void requireFleetManager(Actor actor) {
        if (!actor.isCoordinator() && !actor.hasRole(OrganizationRole.COLLECTOR)) {
            throw new AccessDeniedException("Only collectors and coordinators manage vehicles");
        }
    }

    private static Vehicle map(ResultSet rs, int row) throws SQLException {
        Array days = rs.getArray(17);
        List<DayOfWeek> allowed = Arrays.stream((Object[]) days.getArray())
                .map(day -> DayOfWeek.of(((Number) day).intValue())).toList();
        return new Vehicle(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6), rs.getDouble(7), rs.getDouble(8), rs.getBigDecimal(9),
                rs.getInt(10), rs.getInt(11), rs.getTime(12).toLocalTime(), rs.getTime(13).toLocalTime(),
                rs.getBigDecimal(14), rs.getBigDecimal(15), rs.getBigDecimal(16), allowed, rs.getBoolean(18));
    }
}
