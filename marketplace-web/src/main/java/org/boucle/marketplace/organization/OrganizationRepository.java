package org.boucle.marketplace.organization;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface OrganizationRepository extends JpaRepository<Organization, UUID>, JpaSpecificationExecutor<Organization> {

    boolean existsByNameIgnoreCase(String name);

    @Query("select count(o) from Organization o where o.demo = false")
    long countNonDemo();

    @Query("select count(o) from Organization o where o.demo = true")
    long countDemo();

    @Query("select r, count(o) from Organization o join o.roles r group by r")
    List<Object[]> countByRole();

    @Query("select c.name, count(distinct s.organization), count(s) from Site s join s.commune c group by c.name order by count(s) desc, c.name")
    List<Object[]> countSitesByCommune();
}
