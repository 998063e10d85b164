package org.boucle.marketplace.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.boucle.marketplace.demand.Demand;
import org.boucle.marketplace.demand.Demands;
import org.boucle.marketplace.demand.NewDemand;
import org.boucle.marketplace.demand.PriorityRequest;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The territory's needs, posted as their buyers and associations would, and weighed by the coordinator: what an
 * allocation run on the demo serves. Sized against the demo catalogue (about 500 refurbished laptops, of which about
 * 180 with 16 GB and a 10th-generation processor or later in grade A or B; upcoming lots without specs or grade):
 * <ul>
 * <li>fully servable: everyday laptops, screens, smartphones, tablets and printers, well within the stock;</li>
 * <li>competing: 16 GB laptops of the 10th generation or later in grade A or B, about 230 asked for about 180 in
 * stock, by two associations of different priorities and two buyers who pay for them;</li>
 * <li>impossible: laptops with 32 GB of memory, which nobody offers.</li>
 * </ul>
 */
@Component
class DemoDemandSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoDemandSeeder.class);
    private static final String COORDINATOR = "coordinator@demo.boucle";
    /** Only this seeder posts for it (it has no login): its needs say the demo's needs are posted. */
    private static final String MARKER = "Étudiants Solidaires Alpes";

    /** Who posts: the organization, and its demo login if it has one (else its staff, without a login). */
    private record Poster(String organization, String login, OrganizationRole role) {
    }

    private static final Poster LIEN = new Poster("Le Lien Numérique", "association@demo.boucle", OrganizationRole.ASSOCIATION);
    private static final Poster STUDENTS = new Poster(MARKER, null, OrganizationRole.ASSOCIATION);
    private static final Poster REFUGEES = new Poster("Accueil Réfugiés Isère", null, OrganizationRole.ASSOCIATION);
    private static final Poster SENIORS = new Poster("Seniors Connectés Sud-Isère", null, OrganizationRole.ASSOCIATION);
    private static final Poster COWORKING = new Poster("Espace Coworking Bastille", "buyer@demo.boucle", OrganizationRole.PRIVATE_BUYER);
    private static final Poster CITY = new Poster("Ville de Grenoble", "publicbuyer@demo.boucle", OrganizationRole.PUBLIC_BUYER);
    private static final Poster SCHOOL = new Poster("École Montessori du Vercors", null, OrganizationRole.PRIVATE_BUYER);

    /**
     * A need: minimum specs (0: none), latest date in days from today, price (buyers: the most they pay; associations:
     * their contribution), people served, and the coordinator's weighing (0: not weighed yet).
     */
    private record Need(Poster poster, String category, int quantity, int ramGb, int storageGb, int cpuGeneration,
            String screenInches, String grade, int days, String price, int people, String note, int priority,
            String priorityNote, List<String> criteria) {
    }

    private static final List<Need> NEEDS = List.of(
            // The competed-for pool: recent 16 GB laptops in good condition.
            new Need(STUDENTS, "LAPTOP", 120, 16, 256, 10, "0", "B", 45, "30", 150,
                    "Prêts d’ordinateurs aux étudiants boursiers pour le second semestre", 6,
                    "Rentrée du second semestre dans six semaines ; 150 étudiants sans ordinateur recensés",
                    List.of("PEOPLE_SERVED", "URGENCY")),
            new Need(REFUGEES, "LAPTOP", 30, 16, 256, 10, "0", "B", 60, "0", 60,
                    "Cours de français en ligne et démarches administratives", 7,
                    "Public réfugié sans autre source d’équipement",
                    List.of("VULNERABLE_PUBLIC", "NO_OTHER_SOURCE")),
            new Need(CITY, "LAPTOP", 60, 16, 256, 10, "14", "B", 60, "420", 0,
                    "Renouvellement des postes des services techniques", 0, null, List.of()),
            new Need(COWORKING, "LAPTOP", 20, 16, 512, 10, "0", "A", 45, "480", 0,
                    "Postes en location pour les résidents", 0, null, List.of()),
            // Well within the stock.
            new Need(LIEN, "LAPTOP", 40, 8, 0, 0, "0", "C", 60, "20", 80,
                    "Ateliers numériques France Services du quartier Chorier-Berriat", 8,
                    "Programme France Services ; 80 personnes accompagnées chaque semaine",
                    List.of("PEOPLE_SERVED", "DIGITAL_INCLUSION_PROGRAMME")),
            new Need(LIEN, "SCREEN", 15, 0, 0, 0, "22", "C", 90, "0", 80,
                    "Postes en libre accès de la salle informatique", 5,
                    "Complète les postes des ateliers France Services", List.of("DIGITAL_INCLUSION_PROGRAMME")),
            new Need(REFUGEES, "SMARTPHONE", 30, 0, 64, 0, "0", "C", 30, "0", 60,
                    "Téléphones pour les familles arrivées ce mois-ci", 9,
                    "Familles sans téléphone pour leurs rendez-vous de préfecture",
                    List.of("URGENCY", "VULNERABLE_PUBLIC", "NO_OTHER_SOURCE")),
            new Need(SENIORS, "TABLET", 25, 0, 0, 0, "10", "B", 75, "10", 40,
                    "Tablettes pour les ateliers « premiers pas numériques »", 4,
                    "Seniors isolés du Sud-Isère", List.of("VULNERABLE_PUBLIC")),
            new Need(SENIORS, "DESKTOP", 10, 8, 0, 0, "0", "C", 120, "0", 40,
                    "Postes fixes pour l’espace associatif de Vizille", 0, null, List.of()),
            new Need(COWORKING, "SCREEN", 12, 0, 0, 0, "27", "B", 30, "110", 0,
                    "Écrans 27 pouces pour les bureaux partagés", 0, null, List.of()),
            new Need(SCHOOL, "PRINTER", 2, 0, 0, 0, "0", "B", 60, "120", 0,
                    "Imprimantes des classes", 0, null, List.of()),
            // Nobody offers laptops with 32 GB: this one stays unserved, and the explanation says why.
            new Need(SCHOOL, "LAPTOP", 8, 32, 512, 12, "0", "A", 90, "650", 0,
                    "Postes de montage vidéo de l’atelier cinéma", 0, null, List.of()));

    private final Demands demands;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoDemandSeeder(Demands demands, Accounts accounts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.demands = demands;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    void seed() {
        long posted = jdbc.sql("select count(*) from demand d join organization o on o.id = d.organization_id where o.name = ?")
                .param(MARKER).query(Long.class).single();
        if (posted > 0) {
            log.info("The demo's needs are already posted; nothing to do");
            return;
        }
        Actor coordinator = accounts.actor(COORDINATOR).orElseThrow(() -> new IllegalStateException("No demo coordinator"));
        LocalDate today = demands.today();
        // All or nothing: the marker's needs are among them.
        transaction.executeWithoutResult(status -> {
            for (Need need : NEEDS) {
                Actor poster = poster(need.poster());
                boolean association = need.poster().role() == OrganizationRole.ASSOCIATION;
                Demand demand = demands.create(poster, new NewDemand(null, need.category(), need.quantity(),
                        need.ramGb(), need.storageGb(), need.cpuGeneration(), new BigDecimal(need.screenInches()),
                        need.grade(), today.plusDays(need.days()), site(poster), new BigDecimal(need.price()),
                        association ? need.people() : null, need.note(), null, null));
                if (need.priority() > 0) {
                    demands.setPriority(coordinator, demand.id(),
                            new PriorityRequest(need.priority(), need.criteria(), need.priorityNote()));
                }
            }
        });
        log.info("Posted the demo's needs: {}", NEEDS.size());
    }

    /** The organization's demo login, or its staff acting for it without one. */
    private Actor poster(Poster poster) {
        if (poster.login() != null) {
            return accounts.actor(poster.login())
                    .orElseThrow(() -> new IllegalStateException("No demo login " + poster.login()));
        }
        UUID organization = jdbc.sql("select id from organization where name = ? and demo").param(poster.organization())
                .query(UUID.class).optional()
                .orElseThrow(() -> new IllegalStateException("No demo organization " + poster.organization()));
        Set<OrganizationRole> roles = EnumSet.of(poster.role());
        return new Actor(null, null, poster.organization(), organization, poster.organization(), roles);
    }

    /** The organization's first site by name: where its needs are delivered. */
    private UUID site(Actor poster) {
        return demands.sites(poster).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No site for " + poster.organizationName()))
                .id();
    }
}
