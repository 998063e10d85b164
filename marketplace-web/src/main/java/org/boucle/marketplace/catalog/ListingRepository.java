package org.boucle.marketplace.catalog;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ListingRepository extends JpaRepository<Listing, UUID> {

    Optional<Listing> findBySellerIdAndSourceLotId(UUID sellerId, String sourceLotId);
}
