package org.boucle.marketplace.demo;

import java.util.List;
import java.util.Set;
import org.boucle.marketplace.organization.Offering;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Population;

/** The demo territory as {@code demo/territory.json} describes it. */
record DemoTerritory(List<DemoOrganization> organizations) {

    record DemoOrganization(String name, String siret, Set<OrganizationRole> roles, String description,
            String website, String email, String phone, Integer capacity, Set<Offering> offerings,
            Set<Population> populations, List<DemoSite> sites, List<DemoMember> members) {
    }

    record DemoSite(String name, String street, String postalCode, String commune, double lat, double lon, String hours,
            String access) {
    }

    record DemoMember(String email, String name, Set<OrganizationRole> roles) {
    }
}
