package org.boucle.marketplace.organization;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

/** Directory filters; each one is optional, all of them combine with AND. */
final class DirectorySpecifications {

    private DirectorySpecifications() {
    }

    static Specification<Organization> matching(DirectoryQuery query) {
        Specification<Organization> spec = Specification.where(null);
        if (query.role() != null) {
            spec = spec.and((o, q, cb) -> cb.isMember(query.role(), o.<java.util.Collection<OrganizationRole>>get("roles")));
        }
        if (query.offering() != null) {
            spec = spec.and((o, q, cb) -> cb.isMember(query.offering(), o.<java.util.Collection<Offering>>get("offerings")));
        }
        if (query.minCapacity() != null) {
            spec = spec.and((o, q, cb) -> cb.greaterThanOrEqualTo(o.get("capacityUnitsPerMonth"), query.minCapacity()));
        }
        if (query.commune() != null) {
            spec = spec.and((o, q, cb) -> {
                Subquery<Site> sites = q.subquery(Site.class);
                var site = sites.from(Site.class);
                Join<Site, Commune> commune = site.join("commune");
                sites.select(site).where(cb.equal(site.get("organization"), o), cb.equal(commune.get("inseeCode"), query.commune()));
                return cb.exists(sites);
            });
        }
        if (query.text() != null) {
            String pattern = "%" + query.text().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((o, q, cb) -> cb.or(cb.like(cb.lower(o.get("name")), pattern, '\\'),
                    cb.like(cb.lower(o.get("description")), pattern, '\\')));
        }
        return spec;
    }
}
