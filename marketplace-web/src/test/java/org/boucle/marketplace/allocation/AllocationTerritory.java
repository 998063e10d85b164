package org.boucle.marketplace.allocation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.catalog.TestSeller;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The territory an allocation test runs on. A run takes every open need and every active listing of the (shared) test
 * database, so a test first closes the needs other tests left open and makes its listings and needs recognisable:
 * laptops with a CPU generation no real catalogue has ({@link #GENERATION}), so that no other listing can serve its
 * needs.
 */
public record AllocationTerritory(int port, JdbcClient jdbc) {

    public static final int GENERATION = 77;

    /**
     * Closes every open need, withdraws the recognisable listings earlier tests left, ends any run left over, and makes
     * sure the solidarity fund holds at least 1,000 €.
     */
    public void clear() {
        jdbc.sql("update demand set status = 'WITHDRAWN' where status = 'OPEN'").update();
        jdbc.sql("""
                with withdrawn as (
                    update listing set status = 'WITHDRAWN', version = version + 1, updated_at = now()
                     where cpu_generation >= ? and status = 'ACTIVE' returning id)
                insert into search_outbox (listing_id) select id from withdrawn""").param(GENERATION).update();
        jdbc.sql("update allocation_run set status = 'FAILED', failure = 'left over by an earlier test'"
                + " where status = 'RUNNING'").update();
        ApiClient.Response fund = ApiClient.demo(port, "coordinator").post("/api/v1/ledger/solidarity-fund/contributions",
                """
                {"amount": 1000, "reference": "tests d'attribution"}""");
        if (fund.status() != 201) {
            throw new IllegalStateException(fund.body());
        }
    }

    /** The organization and first site of a demo login. */
    public record Member(UUID organizationId, UUID siteId) {
    }

    public Member member(String demoLogin) {
        UUID organization = UUID.fromString(ApiClient.demo(port, demoLogin).get("/api/v1/me").json()
                .get("organization").get("id").asText());
        UUID site = jdbc.sql("select id from site where organization_id = ? order by created_at, id limit 1")
                .param(organization).query(UUID.class).single();
        return new Member(organization, site);
    }

    /** An open need for laptops of generation {@link #GENERATION}, as its organization would post it. */
    public UUID need(Member member, String kind, int quantity, String minGrade, BigDecimal maxUnitPrice, Integer priority) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into demand (id, organization_id, kind, category, quantity, min_cpu_generation, min_grade,
                                    latest_date, delivery_site_id, max_unit_price, population_served, social_priority,
                                    status, created_at, updated_at)
                values (?, ?, ?, 'LAPTOP', ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, member.organizationId(), kind, quantity, GENERATION, minGrade,
                        Date.valueOf(LocalDate.now().plusMonths(2)), member.siteId(), maxUnitPrice,
                        "ASSOCIATION".equals(kind) ? 120 : 0, priority, now, now)
                .update();
        return id;
    }

    /** A listing of {@code quantity} recognisable laptops at the seller's site; a null price makes it a donation. */
    public String laptops(TestSeller seller, int quantity, String grade, BigDecimal price) {
        ObjectNode listing = seller.laptop();
        listing.put("quantityAvailable", quantity);
        listing.put("grade", grade);
        listing.put("batteryHealthPercent", 90);
        ((ObjectNode) listing.get("specs")).put("cpuGeneration", GENERATION);
        if (price == null) {
            listing.putNull("unitPrice");
        } else {
            listing.put("unitPrice", price);
        }
        return seller.create(listing).get("id").asText();
    }
}
