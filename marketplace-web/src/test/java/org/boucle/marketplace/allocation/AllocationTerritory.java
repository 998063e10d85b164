package org.boucle.marketplace.allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
public final class AllocationTerritory {

    public static final int GENERATION = 77;

    private final int port;
    private final JdbcClient jdbc;
    /** Needs of other tests (and the demo's) closed for this one, reopened by {@link #restore}. */
    private final List<UUID> closed = new ArrayList<>();
    private final List<UUID> posted = new ArrayList<>();

    public AllocationTerritory(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /**
     * Closes every open need (until {@link #restore}), withdraws the recognisable listings earlier tests left, ends any run left over, and makes
     * sure the solidarity fund holds at least 1,000 €.
     */
    public void clear() {
        closed.addAll(jdbc.sql("update demand set status = 'WITHDRAWN' where status = 'OPEN' returning id")
                .query(UUID.class).list());
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

    /** Leaves the database as the test found it: its own needs closed, the others' open again. */
    public void restore() {
        jdbc.sql("update demand set status = 'WITHDRAWN' where status = 'OPEN' and id in (:ids)")
                .param("ids", posted.isEmpty() ? List.of(new UUID(0, 0)) : posted).update();
        closed.removeAll(posted);
        if (!closed.isEmpty()) {
            jdbc.sql("update demand set status = 'OPEN' where id in (:ids)").param("ids", closed).update();
        }
        closed.clear();
        posted.clear();
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

    /**
     * An open need for laptops of generation {@link #GENERATION}, posted through the API by the demo login, and for an
     * association weighed by the coordinator.
     */
    public UUID need(String demoLogin, int quantity, String minGrade, BigDecimal maxUnitPrice, Integer priority) {
        Member member = member(demoLogin);
        ApiClient.Response posted = ApiClient.demo(port, demoLogin).post("/api/v1/demands", """
                {"category": "LAPTOP", "quantity": %d, "minCpuGeneration": %d, "minGrade": "%s", "latestDate": "%s",
                 "deliverySiteId": "%s", "maxUnitPrice": %s, "populationServed": %d}"""
                .formatted(quantity, GENERATION, minGrade, LocalDate.now().plusMonths(2), member.siteId(),
                        maxUnitPrice, priority == null ? 0 : 120));
        if (posted.status() != 201) {
            throw new IllegalStateException(posted.status() + " " + posted.body());
        }
        UUID id = UUID.fromString(posted.json().get("id").asText());
        this.posted.add(id);
        if (priority != null) {
            ApiClient.Response weighed = ApiClient.demo(port, "coordinator").put("/api/v1/demands/" + id + "/priority", """
                    {"socialPriority": %d, "criteria": ["PEOPLE_SERVED"], "note": "test d'attribution"}"""
                    .formatted(priority));
            if (weighed.status() != 200) {
                throw new IllegalStateException(weighed.status() + " " + weighed.body());
            }
        }
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
