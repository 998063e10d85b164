package org.boucle.marketplace.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.inventory.ImportMode;
import org.boucle.marketplace.inventory.ImportReport;
import org.boucle.marketplace.inventory.Inventories;
import org.boucle.marketplace.inventory.NewMapping;
import org.boucle.marketplace.inventory.source.MappedField;
import org.boucle.marketplace.inventory.source.SourceFormat;
import org.boucle.marketplace.order.OrderView;
import org.boucle.marketplace.order.Orders;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.DirectoryEntry;
import org.boucle.marketplace.organization.DirectoryQuery;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.quota.supply.Dispositions;
import org.boucle.marketplace.reservation.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The CHU's year against décret n° 2023-266, told the way it would have happened: its storeroom of old devices,
 * tracked in a spreadsheet, imported next to its GLPI park; the devices its exports stopped listing month after month
 * since 1 January; two of its upcoming lots gone to reuse through Boucle (one transferred to the Ville de Grenoble,
 * one given to an association); and the destinations its IT department declared for part of the rest. The share
 * lands under the 50 % minimum (about 40 %), with devices left to declare.
 */
@Component
class DemoSupplySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSupplySeeder.class);
    private static final String BODY = "CHU Grenoble Alpes";
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Devices of the GLPI park, overdue for renewal, that left it since 1 January. */
    private static final int RETIRED = 380;
    /** Old devices of the storeroom, and how many of them left since 1 January. */
    private static final int STOREROOM = 120;
    private static final int STOREROOM_RETIRED = 60;
    /**
     * What the IT department declared, device after device in the order they left the GLPI park, one block after
     * the other (null: nothing declared): half went to reuse. It has not caught up with the last quarter of the year's
     * departures yet. The storeroom's devices that left were all recycled.
     */
    private static final List<String> DECLARED = List.of("transfer_public_body", "sale", "donation", "recycling",
            "take_back_reuse", "donation", "sale", "destruction", "transfer_public_body", "donation", "recycling", "sale",
            "take_back_reuse", "recycling");
    private static final double DECLARED_SHARE = 0.75;
    private static final String[][] STOREROOM_MODELS = {
            {"PC fixe", "Dell", "OptiPlex 7010", "2012"}, {"Portable", "HP", "EliteBook 8470p", "2012"},
            {"Écran", "Dell", "P2212H", "2013"}, {"PC fixe", "Lenovo", "ThinkCentre M93p", "2014"},
            {"Portable", "Lenovo", "ThinkPad T440", "2014"}, {"Écran", "HP", "EliteDisplay E231", "2015"},
            {"PC fixe", "HP", "ProDesk 600 G2", "2016"}, {"Écran", "Iiyama", "ProLite E2483HS", "2017"}};

    private final Organizations organizations;
    private final Accounts accounts;
    private final Inventories inventories;
    private final Reservations reservations;
    private final Orders orders;
    private final Dispositions dispositions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoSupplySeeder(Organizations organizations, Accounts accounts, Inventories inventories, Reservations reservations,
            Orders orders, Dispositions dispositions, JdbcTemplate jdbc, Clock clock) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.inventories = inventories;
        this.reservations = reservations;
        this.orders = orders;
        this.dispositions = dispositions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void seed() {
        Actor coordinator = demoActor("coordinator");
        UUID body = organizations.directory(new DirectoryQuery(OrganizationRole.DONOR, null, null, null, null), coordinator)
                .stream().filter(d -> d.name().equals(BODY)).map(DirectoryEntry::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo donor " + BODY));
        Long declared = jdbc.queryForObject("select count(*) from quota_supply_disposition where organization_id = ?",
                Long.class, body);
        if (declared != null && declared > 0) {
            log.info("The demo body's reuse year is already told ({} declared destinations); nothing to do", declared);
            return;
        }
        Actor itDepartment = demoActor("donor");
        importStoreroom(itDepartment, body);
        List<UUID> left = leaveThePark(body);
        sellTwoLots(coordinator, body);
        declare(itDepartment, body, left);
        log.info("Told the demo body's reuse year: {} devices left its park since 1 January", left.size());
    }

    /** The storeroom's spreadsheet: devices bought from 2012 to 2017, the oldest past ten years. */
    private void importStoreroom(Actor itDepartment, UUID body) {
        StringBuilder csv = new StringBuilder("Référence;Type;Marque;Modèle;N° de série;Acheté le;Site\n");
        for (int i = 0; i < STOREROOM; i++) {
            String[] model = STOREROOM_MODELS[i % STOREROOM_MODELS.length];
            LocalDate bought = LocalDate.of(Integer.parseInt(model[3]), 1 + i % 12, 1 + (i * 7) % 28);
            csv.append("RES-%04d;%s;%s;%s;RS%s%06d;%s;Site Sud — Échirolles\n".formatted(i + 1, model[0], model[1],
                    model[2], model[3], 7919 * (i + 1) % 1_000_000, bought.format(FRENCH_DATE)));
        }
        UUID mapping = inventories.saveMapping(itDepartment, body, new NewMapping("Inventaire de la réserve", Map.of(
                MappedField.ASSET_TAG, "Référence", MappedField.CATEGORY, "Type", MappedField.MANUFACTURER, "Marque",
                MappedField.MODEL, "Modèle", MappedField.SERIAL, "N° de série", MappedField.PURCHASE_DATE, "Acheté le",
                MappedField.LOCATION, "Site"))).id();
        ImportReport report = inventories.importNow(itDepartment, new Inventories.ImportRequest(body, SourceFormat.CSV,
                ImportMode.ALL_OR_NOTHING, mapping, "reserve.csv"),
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        if (report.status() != ImportReport.ImportStatus.COMPLETED) {
            throw new IllegalStateException("The demo storeroom did not import: " + report.failure() + " " + report.rejected());
        }
    }

    /**
     * What the year's exports flagged: the most overdue devices of the park and half the storeroom left it, spread
     * evenly from 1 January to today. Picked and dated by a fixed order, so that seeding again picks the same.
     */
    private List<UUID> leaveThePark(UUID body) {
        LocalDate today = LocalDate.now(clock.withZone(FRANCE));
        LocalDate january1 = today.withDayOfYear(1);
        List<UUID> left = jdbc.queryForList("""
                (select id from asset where organization_id = ? and source_system = 'GLPI' and purchase_date < ?
                    and forecast_date < ? order by forecast_date, id limit ?)
                union all
                (select id from asset where organization_id = ? and source_system = 'FILE' order by asset_tag limit ?)""",
                UUID.class, body, Date.valueOf(january1), Date.valueOf(today), RETIRED, body, STOREROOM_RETIRED);
        long days = ChronoUnit.DAYS.between(january1, today) + 1;
        for (int i = 0; i < left.size(); i++) {
            LocalDate day = january1.plusDays(i * days / left.size());
            jdbc.update("update asset set missing_since = coalesce(missing_since, ?) where id = ?",
                    Timestamp.from(day.atTime(LocalTime.of(9, 0)).atZone(FRANCE).toInstant()), left.get(i));
        }
        return left;
    }

    /** The Ville de Grenoble takes a priced lot on invoice and pays it; an association is given a donated one. */
    private void sellTwoLots(Actor coordinator, UUID body) {
        Long sold = jdbc.queryForObject("""
                select count(*) from customer_order o join listing l on l.id = o.listing_id
                 where l.seller_id = ? and l.kind = 'UPCOMING_LOT'""", Long.class, body);
        if (sold != null && sold > 0) {
            return;
        }
        lot(body, false).ifPresent(priced -> {
            Actor city = demoActor("publicbuyer");
            UUID reservation = reservations.reserve(city, priced, available(priced), "demo-supply-transfer").reservation().id();
            OrderView order = orders.checkout(city, reservation,
                    new Orders.CheckoutRequest("invoice", "DSI-REEMPLOI", "EJ-DEMO-0412")).order();
            // With Stripe on, the invoice went through Stripe and stays to be paid there.
            if (order.stripeInvoiceId() == null) {
                orders.recordBankTransfer(coordinator, order.id(), "VIR-DEMO-" + order.invoiceNumber());
            }
        });
        lot(body, true).ifPresent(donated -> {
            Actor association = demoActor("association");
            UUID gift = reservations.reserve(association, donated, available(donated), "demo-supply-donation")
                    .reservation().id();
            orders.checkout(association, gift, new Orders.CheckoutRequest("donation", null, null));
        });
    }

    /** The body's first listed lot of laptops or desktops, at a price or given away, of a size a buyer takes whole. */
    private Optional<UUID> lot(UUID body, boolean donation) {
        return jdbc.queryForList("""
                select id from listing where seller_id = ? and kind = 'UPCOMING_LOT' and status = 'ACTIVE'
                   and category in ('LAPTOP', 'DESKTOP') and (unit_price is null) = ? and quantity_available between 5 and 40
                 order by available_from, id limit 1""", UUID.class, body, donation).stream().findFirst();
    }

    private int available(UUID listing) {
        return jdbc.queryForObject("select quantity_available from listing where id = ?", Integer.class, listing);
    }

    /** The IT department's declarations: the first devices that left, one channel after the other. */
    private void declare(Actor itDepartment, UUID body, List<UUID> left) {
        Map<UUID, String[]> devices = new HashMap<>();
        jdbc.query("""
                select id, coalesce(serial, asset_tag), to_char(missing_since at time zone 'Europe/Paris', 'DD/MM/YYYY')
                  from asset where organization_id = ? and missing_since is not null""",
                rs -> {
                    devices.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
                }, body);
        StringBuilder csv = new StringBuilder("asset_tag_or_serial;date;channel\n");
        List<UUID> park = left.subList(0, left.size() - STOREROOM_RETIRED);
        for (int i = 0; i < park.size() * DECLARED_SHARE; i++) {
            // Every block of 20 departures: 14 declared, 10 of them to reuse; 6 the department could not trace.
            if (i % 20 < DECLARED.size()) {
                String[] device = devices.get(park.get(i));
                csv.append(device[0]).append(';').append(device[1]).append(';').append(DECLARED.get(i % 20)).append('\n');
            }
        }
        for (UUID storeroom : left.subList(park.size(), left.size())) {
            String[] device = devices.get(storeroom);
            csv.append(device[0]).append(';').append(device[1]).append(";recycling\n");
        }
        dispositions.declare(itDepartment, body, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Actor demoActor(String login) {
        return accounts.actor(login + "@demo.boucle")
                .orElseThrow(() -> new IllegalStateException("No demo login " + login));
    }
}
