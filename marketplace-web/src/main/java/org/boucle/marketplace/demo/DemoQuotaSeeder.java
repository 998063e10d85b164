package org.boucle.marketplace.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.order.OrderView;
import org.boucle.marketplace.order.Orders;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.quota.PurchaseImports;
import org.boucle.marketplace.quota.QuotaProperties;
import org.boucle.marketplace.reservation.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo public buyer's year (Ville de Grenoble, login publicbuyer): its finance exports of purchases made
 * elsewhere, imported as a buyer would, and orders of refurbished equipment placed and paid on Boucle. Its dashboard
 * shows IT equipment over its 20 % minimum, thanks to the Boucle orders, and textiles under both of theirs.
 */
@Component
class DemoQuotaSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoQuotaSeeder.class);
    private static final String BUYER = "publicbuyer@demo.boucle";
    private static final String COORDINATOR = "coordinator@demo.boucle";
    /** What the city spends on Boucle this year, excluding VAT: enough to carry IT equipment over its minimum. */
    private static final BigDecimal BOUCLE_SPEND = new BigDecimal("14000");
    private static final int UNITS_PER_ORDER = 4;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * A purchase of the finance exports, dated by the share of the year elapsed so far: the figures are the same
     * whatever the day the demo starts, only their dates spread over the months already gone.
     */
    private record Line(double when, String category, String description, String supplier, String amount,
            String origin) {
    }

    // IT: 100,000 € new and 17,000 € from reuse or preparation for reuse, 14.5 % of 117,000 €: under the 20 % minimum
    // until the Boucle orders (14,000 € or a little more) bring it to 31,000 / 131,000 = 23.7 %. Textiles: 44,700 €, of
    // which 1,200 € reused (2.7 % < 8 %) and 5,500 € with recycled content (12.3 % < 20 %).
    private static final List<Line> FIRST_HALF = List.of(
            new Line(0.02, "IT_TELEPHONY", "Ordinateurs portables (renouvellement écoles)", "UGAP", "24 600,00", "new"),
            new Line(0.06, "TEXTILES", "Tenues de travail des services techniques", "Manutan Collectivités", "9 800,00", "new"),
            new Line(0.10, "IT_TELEPHONY", "Écrans 24 pouces", "UGAP", "6 450,00", "new"),
            new Line(0.14, "IT_TELEPHONY", "Smartphones reconditionnés (astreintes)", "Recyclea", "4 200,00", "reuse"),
            new Line(0.19, "TEXTILES", "Vêtements haute visibilité en polyester recyclé", "Würth", "2 750,00", "recycled_content"),
            new Line(0.24, "IT_TELEPHONY", "Serveur de fichiers", "Dell Technologies", "11 900,00", "new"),
            new Line(0.30, "IT_TELEPHONY", "Ordinateurs fixes reconditionnés (médiathèques)", "Ateliers du Bocage", "5 300,00", "reuse"),
            new Line(0.35, "TEXTILES", "Uniformes de la police municipale", "Sentinel", "12 400,00", "new"),
            new Line(0.42, "IT_TELEPHONY", "Téléphones fixes", "Orange Business", "3 850,00", "new"),
            new Line(0.47, "IT_TELEPHONY", "Vidéoprojecteurs des salles de réunion", "UGAP", "4 200,00", "new"));
    private static final List<Line> SECOND_HALF = List.of(
            new Line(0.53, "IT_TELEPHONY", "Tablettes pour les agents de terrain", "UGAP", "9 600,00", "new"),
            new Line(0.58, "TEXTILES", "Linge des crèches municipales", "Initial", "7 050,00", "new"),
            new Line(0.63, "IT_TELEPHONY", "Écrans reconditionnés", "Envie Dauphiné", "3 500,00", "reutilisation"),
            new Line(0.69, "TEXTILES", "Blouses réemployées des ateliers", "Le Relais", "1 200,00", "reuse"),
            new Line(0.74, "IT_TELEPHONY", "Ordinateurs portables (élus et direction)", "UGAP", "22 800,00", "new"),
            new Line(0.80, "TEXTILES", "Sacs et cabas en coton recyclé", "Handicap Services Alpes", "2 750,00", "recycled_content"),
            new Line(0.86, "IT_TELEPHONY", "Stations d’accueil et écrans", "LDLC Pro", "7 400,00", "new"),
            new Line(0.91, "IT_TELEPHONY", "Ordinateurs portables reconditionnés (CCAS)", "Ateliers du Bocage", "4 000,00", "reuse"),
            new Line(0.95, "IT_TELEPHONY", "Téléphones mobiles", "Bouygues Telecom Entreprises", "9 200,00", "new"),
            new Line(0.98, "TEXTILES", "Rideaux ignifugés des écoles", "Manutan Collectivités", "8 750,00", "new"));

    private final Accounts accounts;
    private final PurchaseImports imports;
    private final Reservations reservations;
    private final Orders orders;
    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    DemoQuotaSeeder(Accounts accounts, PurchaseImports imports, Reservations reservations, Orders orders, JdbcClient jdbc,
            QuotaProperties properties, Clock clock) {
        this.accounts = accounts;
        this.imports = imports;
        this.reservations = reservations;
        this.orders = orders;
        this.jdbc = jdbc;
        this.zone = properties.zone();
        this.clock = clock;
    }

    void seed() {
        Actor buyer = accounts.actor(BUYER).orElseThrow(() -> new IllegalStateException("No demo public buyer"));
        if (!imports.imports(buyer, null).isEmpty()) {
            log.info("The demo public buyer's purchases are already seeded; nothing to do");
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // The imports last: they are what says the year is seeded.
        int placed = orderOnBoucle(buyer, today);
        try {
            imports.importFile(buyer, null, "export-finances-janvier-juin.csv", csv(FIRST_HALF, today));
            imports.importFile(buyer, null, "export-finances-juillet-decembre.csv", csv(SECOND_HALF, today));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Seeded the demo public buyer's year: {} imported purchases and {} orders paid on Boucle",
                FIRST_HALF.size() + SECOND_HALF.size(), placed);
    }

    /** The export as the city's finance software writes it: ';', day-first dates, decimal commas. */
    private static ByteArrayInputStream csv(List<Line> lines, LocalDate today) {
        StringBuilder csv = new StringBuilder("date;category;description;supplier;amount_excl_vat;origin\r\n");
        for (Line line : lines) {
            csv.append(FRENCH_DATE.format(dayOfYear(today, line.when()))).append(';').append(line.category()).append(';')
                    .append(line.description()).append(';').append(line.supplier()).append(';').append(line.amount())
                    .append(" €;").append(line.origin()).append("\r\n");
        }
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Refurbished laptops, desktops and screens ordered on invoice and paid by bank transfer, the cheapest offers
     * first, until the year's Boucle spend is reached; then dated over the months gone by, as if placed then.
     */
    private int orderOnBoucle(Actor buyer, LocalDate today) {
        Actor coordinator = accounts.actor(COORDINATOR).orElseThrow(() -> new IllegalStateException("No demo coordinator"));
        List<UUID> offers = jdbc.sql("""
                select id from listing
                 where kind = 'REFURBISHED' and status = 'ACTIVE' and unit_price >= 250
                   and category in ('LAPTOP', 'DESKTOP', 'SCREEN') and quantity_available >= ?
                 order by unit_price, title, id""")
                .param(UNITS_PER_ORDER).query(UUID.class).list();
        BigDecimal spent = BigDecimal.ZERO;
        List<UUID> placed = new ArrayList<>();
        for (UUID listing : offers) {
            if (spent.compareTo(BOUCLE_SPEND) >= 0) {
                break;
            }
            int n = placed.size() + 1;
            UUID reservation = reservations.reserve(buyer, listing, UNITS_PER_ORDER, null).reservation().id();
            OrderView order = orders.checkout(buyer, reservation,
                    new Orders.CheckoutRequest("invoice", "DSI-VILLE", "EJ-DEMO-" + n)).order();
            orders.recordBankTransfer(coordinator, order.id(), "VIR-DEMO-" + n);
            spent = spent.add(order.totalExclVat());
            placed.add(order.id());
        }
        for (int i = 0; i < placed.size(); i++) {
            // The history of a year: the n-th order was placed and paid that far into the months gone by.
            LocalDate day = dayOfYear(today, (i + 1.0) / (placed.size() + 1));
            Timestamp when = Timestamp.from(day.atTime(10, 0).atZone(zone).toInstant());
            jdbc.sql("update customer_order set created_at = ?, paid_at = ? where id = ?")
                    .params(when, when, placed.get(i)).update();
        }
        return placed.size();
    }

    private static LocalDate dayOfYear(LocalDate today, double fraction) {
        LocalDate first = today.withDayOfYear(1);
        return first.plusDays(Math.round(fraction * ChronoUnit.DAYS.between(first, today)));
    }
}
