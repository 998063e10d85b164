package org.boucle.marketplace.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.boucle.marketplace.identity.Accounts;
import org.boucle.marketplace.identity.NewMember;
import org.boucle.marketplace.organization.NewOrganization;
import org.boucle.marketplace.organization.NewSite;
import org.boucle.marketplace.organization.Organization;
import org.boucle.marketplace.organization.OrganizationProfile;
import org.boucle.marketplace.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo territory (Grenoble-Alpes Métropole's actors and one login per role) when asked to.
 * Demo logins share a published password, so the seed refuses any database that holds non-demo organizations.
 */
@Component
public class DemoTerritorySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoTerritorySeeder.class);

    private final DemoProperties properties;
    private final Organizations organizations;
    private final Accounts accounts;
    private final ObjectMapper json;

    DemoTerritorySeeder(DemoProperties properties, Organizations organizations, Accounts accounts, ObjectMapper json) {
        this.properties = properties;
        this.organizations = organizations;
        this.accounts = accounts;
        this.json = json;
    }

    /** Seeds once; a second call sees the demo data and does nothing. */
    @Transactional
    public Outcome seed() {
        Organizations.Census census = organizations.census();
        if (census.demo() > 0) {
            log.info("Demo territory already seeded ({} organizations); nothing to do", census.demo());
            return Outcome.ALREADY_SEEDED;
        }
        if (census.other() > 0) {
            throw new IllegalStateException("Refusing to seed the demo territory: this database holds " + census.other()
                    + " organization(s) that are not demo data. Point the demo at its own database.");
        }
        DemoTerritory territory = load();
        for (DemoTerritory.DemoOrganization o : territory.organizations()) {
            Organization organization = organizations.register(new NewOrganization(o.name(), o.roles(),
                    new OrganizationProfile(o.siret(), o.description(), o.website(), o.email(), o.phone(), o.capacity(),
                            o.offerings(), o.populations())), true);
            for (DemoTerritory.DemoSite s : o.sites()) {
                organizations.addSite(organization, new NewSite(s.name(), s.street(), s.postalCode(), s.commune(), s.lat(),
                        s.lon(), s.access(), s.hours()));
            }
            for (DemoTerritory.DemoMember m : o.members()) {
                accounts.register(organization, new NewMember(m.email(), m.name(), properties.password(), "fr", m.roles()));
            }
        }
        log.info("Seeded the demo territory: {} organizations", territory.organizations().size());
        return Outcome.SEEDED;
    }

    public enum Outcome { SEEDED, ALREADY_SEEDED }

    private DemoTerritory load() {
        try (InputStream in = new ClassPathResource("demo/territory.json").getInputStream()) {
            return json.readValue(in, DemoTerritory.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo territory data is missing or malformed", e);
        }
    }
}
