package org.boucle.marketplace.collection;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Drivers' route sheets: a vehicle's day of pickups in order, from its depot to the workshops it unloads at. */
@Service
public class RouteSheets {

    private final Pickups pickups;
    private final Fleet fleet;
    private final JdbcClient jdbc;

    RouteSheets(Pickups pickups, Fleet fleet, JdbcClient jdbc) {
        this.pickups = pickups;
        this.fleet = fleet;
        this.jdbc = jdbc;
    }

    /**
     * A vehicle's day: it leaves its depot at the start of its shift, collects the stops in order, then unloads at the
     * workshops (in the order the stops name them).
     */
    public record RouteSheet(UUID vehicleId, String vehicleName, UUID collectorId, String collectorName, LocalDate day,
            Pickup.Place depot, LocalTime shiftStart, LocalTime shiftEnd, List<Pickup> stops,
            List<Pickup.Place> workshops, int devices) {
    }

    /** A vehicle's day with pickups, as the list of routes shows it. */
    public record VehicleDay(UUID vehicleId, String vehicleName, String collectorName, LocalDate day, int stops,
            int collected, int devices, LocalDateTime start, LocalDateTime end) {
    }

    /** The vehicle-days with pickups from today on: the collector's vehicles, every one for coordinators. */
    public List<VehicleDay> upcoming(Actor actor) {
        requireDriver(actor);
        return jdbc.sql("""
                select p.vehicle_id, v.name, o.name, p.day, count(*), count(*) filter (where p.status = 'COLLECTED'),
                       sum(p.devices), min(p.arrival), max(p.departure)
                  from collection_pickup p
                  join collection_vehicle v on v.id = p.vehicle_id
                  join organization o on o.id = v.organization_id
                 where p.status in ('SCHEDULED', 'COLLECTED') and p.day >= :today
                   and (:coordinator or v.organization_id = :org)
                 group by p.vehicle_id, v.name, o.name, p.day
                 order by p.day, o.name, v.name""")
                .param("today", pickups.today()).param("coordinator", actor.isCoordinator())
                .param("org", actor.organizationId())
                .query((rs, n) -> new VehicleDay(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        rs.getObject(8, LocalDateTime.class), rs.getObject(9, LocalDateTime.class)))
                .list();
    }

    /** The sheet of one of the actor's vehicles (any vehicle for coordinators); 404 for another collector's. */
    public RouteSheet sheet(Actor actor, UUID vehicleId, LocalDate day) {
        requireDriver(actor);
        Vehicle vehicle = fleet.vehicle(actor, vehicleId);
        List<Pickup> stops = jdbc.sql(Pickups.SELECT + """
                 where p.vehicle_id = :vehicle and p.day = :day and p.status in ('SCHEDULED', 'COLLECTED')
                 order by p.position, p.arrival""")
                .param("vehicle", vehicleId).param("day", day).query(pickups::map).list();
        Set<UUID> workshopIds = new LinkedHashSet<>();
        stops.forEach(stop -> workshopIds.add(stop.workshopId()));
        List<Pickup.Place> workshops = new ArrayList<>();
        workshopIds.forEach(id -> workshops.add(workshop(id)));
        return new RouteSheet(vehicle.id(), vehicle.name(), vehicle.organizationId(), vehicle.organizationName(), day,
                place(vehicle.depotSiteId()), vehicle.shiftStart(), vehicle.shiftEnd(), stops, workshops,
                stops.stream().mapToInt(Pickup::devices).sum());
    }

    private static final String PLACE = """
            select s.id, s.name site_name, s.street, s.postal_code, c.name commune, s.latitude, s.longitude
              from site s left join commune c on c.insee_code = s.commune_code""";

    private Pickup.Place place(UUID siteId) {
        return jdbc.sql(PLACE + " where s.id = ?").param(siteId).query(RouteSheets::place).single();
    }

    /** Where a workshop receives: its first site, as the plans place it; named after the workshop. */
    private Pickup.Place workshop(UUID organizationId) {
        return jdbc.sql("select o.name, x.* from organization o left join lateral (" + PLACE
                        + " where s.organization_id = o.id order by s.created_at, s.id limit 1) x on true where o.id = ?")
                .param(organizationId)
                .query((rs, n) -> new Pickup.Place(organizationId, rs.getString(1),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getDouble(8)))
                .single();
    }

    private static Pickup.Place place(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Pickup.Place(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getDouble(6), rs.getDouble(7));
    }

    private static void requireDriver(Actor actor) {
        if (!actor.isCoordinator() && !actor.hasRole(OrganizationRole.COLLECTOR)) {
            throw new AccessDeniedException("Route sheets are for collectors and coordinators");
        }
    }
}
