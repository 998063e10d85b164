package org.boucle.marketplace.organization;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommuneRepository extends JpaRepository<Commune, String> {

    List<Commune> findAllByOrderByNameAsc();
}
