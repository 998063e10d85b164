package org.boucle.marketplace.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.inventory.ImportMode;
import org.boucle.marketplace.inventory.ImportReport;
import org.boucle.marketplace.inventory.Inventories;
import org.boucle.marketplace.inventory.NewMapping;
import org.boucle.marketplace.inventory.source.SourceFormat;
import org.boucle.marketplace.inventory.source.SyntheticExports;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.DirectoryEntry;
import org.boucle.marketplace.organization.DirectoryQuery;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo donors' inventories (about 20,000 assets), written as the exports their tools really produce and
 * imported through the same importers as any donor's file.
 */
@Component
class DemoInventorySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoInventorySeeder.class);
    private static final long SEED = 2026;
    private static final int YEARS = 9;

    /** Which tool each demo donor exports from, and how big its park is. */
    private record Park(String donor, SourceFormat format, int assets, String importedBy) {
    }

    private static final List<Park> PARKS = List.of(
            new Park("Grenoble-Alpes Métropole", SourceFormat.GLPI_CSV, 3000, "coordinator"),
            new Park("CHU Grenoble Alpes", SourceFormat.GLPI_JSON, 4500, "donor"),
            new Park("Université Grenoble Alpes", SourceFormat.SNIPEIT_JSON, 4000, "coordinator"),
            new Park("Ville de Grenoble", SourceFormat.GLPI_CSV, 2500, "coordinator"),
            new Park("Département de l'Isère", SourceFormat.GLPI_JSON, 2000, "coordinator"),
            new Park("Ville d'Échirolles", SourceFormat.SNIPEIT_CSV, 800, "coordinator"),
            new Park("Dauphiné Assurances Mutuelles", SourceFormat.CSV, 1200, "coordinator"),
            new Park("Vercors Logiciels", SourceFormat.XLSX, 500, "coordinator"),
            new Park("Chartreuse Énergie", SourceFormat.SNIPEIT_JSON, 600, "coordinator"),
            new Park("Belledonne Transports", SourceFormat.CSV, 500, "coordinator"),
            new Park("Clinique mutualiste du Drac", SourceFormat.GLPI_CSV, 400, "coordinator"));

    private final Inventories inventories;
    private final Organizations organizations;
    private final Accounts accounts;
    private final JdbcTemplate jdbc;

    DemoInventorySeeder(Inventories inventories, Organizations organizations, Accounts accounts, JdbcTemplate jdbc) {
        this.inventories = inventories;
        this.organizations = organizations;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    void seed() {
        Long existing = jdbc.queryForObject(
                "select count(*) from asset a join organization o on o.id = a.organization_id where o.demo", Long.class);
        if (existing != null && existing > 0) {
            log.info("Demo inventories already imported ({} assets); nothing to do", existing);
            return;
        }
        Actor coordinator = demoActor("coordinator");
        List<DirectoryEntry> donors = organizations.directory(
                new DirectoryQuery(OrganizationRole.DONOR, null, null, null, null), coordinator);
        SyntheticExports exports = new SyntheticExports(SEED);
        long total = 0;
        for (Park park : PARKS) {
            DirectoryEntry donor = donors.stream().filter(d -> d.name().equals(park.donor())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No demo donor " + park.donor()));
            Actor actor = demoActor(park.importedBy());
            UUID mapping = park.format().needsMapping()
                    ? inventories.saveMapping(actor, donor.id(), new NewMapping("Export du tableur",
                            exports.mappingFor(park.format()).columns())).id()
                    : null;
            ImportReport report = importPark(exports, park, donor, actor, mapping);
            if (report.status() != ImportReport.ImportStatus.COMPLETED) {
                throw new IllegalStateException("The demo inventory of " + park.donor() + " did not import: "
                        + report.failure() + " " + report.rejected());
            }
            total += report.created();
        }
        log.info("Imported the demo inventories: {} assets from {} donors", total, PARKS.size());
    }

    private ImportReport importPark(SyntheticExports exports, Park park, DirectoryEntry donor, Actor actor, UUID mapping) {
        List<String> locations = donor.sites().stream().map(DirectoryEntry.SiteView::name).toList();
        Path file = null;
        try {
            file = Files.createTempFile("boucle-demo-", "." + park.format().code());
            try (OutputStream out = Files.newOutputStream(file)) {
                exports.write(park.format(), park.donor(), park.assets(), locations, YEARS, out);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return inventories.importNow(actor, new Inventories.ImportRequest(donor.id(), park.format(),
                        ImportMode.ALL_OR_NOTHING, mapping, "export-" + park.format().code() + extension(park.format())), in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static String extension(SourceFormat format) {
        return switch (format) {
            case GLPI_JSON, SNIPEIT_JSON -> ".json";
            case XLSX -> ".xlsx";
            default -> ".csv";
        };
    }

    private Actor demoActor(String login) {
        return accounts.actor(login + "@demo.boucle")
                .orElseThrow(() -> new IllegalStateException("No demo login " + login));
    }
}
