package org.boucle.marketplace.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.traceability.CustodyChain.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.boucle.marketplace.traceability.CustodyChain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A donor's six laptops through one workshop: two sold, one given to an association, one given anonymously, one
 * dismantled, one recycled. Each scope's figures follow from those outcomes and the factors in the database.
 */
@BoucleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CustodyChain chain;
    private CustodyChain.Donation donation;
    private TestSeller association;
    private BigDecimal weight;
    private BigDecimal factor;
    private int year;

    @BeforeAll
    void sixLaptopsLeaveTheChain() {
        chain = new CustodyChain(port, jdbc);
        association = TestSeller.onboard(port, "ASSOCIATION");
        donation = chain.donor(6);
        ApiClient workshop = chain.workshop().client();
        chain.readyForSale(donation, donation.serials().subList(0, 5));
        chain.toWorkshop(donation, List.of(donation.serial(5)));
        recorded(workshop, "SOLD", List.of(donation.serial(0), donation.serial(1)), null);
        recorded(workshop, "DONATED", List.of(donation.serial(2)),
                "{\"recipientOrganizationId\": \"" + association.id() + "\"}");
        recorded(workshop, "DONATED", List.of(donation.serial(3)), null);
        recorded(workshop, "DISMANTLED", List.of(donation.serial(4)), null);
        recorded(workshop, "RECYCLED", List.of(donation.serial(5)), "{\"weeeChannel\": \"ecosystem\"}");
        weight = jdbc.sql("select weight_kg from category_standard where category = 'LAPTOP'").query(BigDecimal.class).single();
        factor = jdbc.sql("select kg_co2e from impact_factor where category = 'LAPTOP'").query(BigDecimal.class).single();
        year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
    }

    @Test
    void aDonorSeesWhatItsDevicesBecame() {
        JsonNode impact = ok(donation.donor().client().get("/api/v1/impact"));

        assertThat(impact.get("scope").asText()).isEqualTo("donor");
        assertThat(impact.get("year").asInt()).isEqualTo(year);
        assertThat(impact.get("organizationId").asText()).isEqualTo(donation.donor().id());
        JsonNode total = impact.get("total");
        assertThat(total.get("organizationName").asText()).isEqualTo(donation.donor().name());
        assertThat(total.get("reused").asLong()).isEqualTo(4);
        assertThat(total.get("sold").asLong()).isEqualTo(2);
        assertThat(total.get("donated").asLong()).isEqualTo(2);
        assertThat(total.get("recycled").asLong()).isEqualTo(2);
        assertThat(total.get("recycledWeee").asLong()).isEqualTo(1);
        assertThat(total.get("dismantled").asLong()).isEqualTo(1);
        assertThat(total.get("reuseShare").decimalValue()).isEqualByComparingTo("0.6666");
        assertThat(total.get("kgDiverted").decimalValue()).isEqualByComparingTo(weight.multiply(BigDecimal.valueOf(4)));
        assertThat(total.get("kgRecycled").decimalValue()).isEqualByComparingTo(weight.multiply(BigDecimal.valueOf(2)));
        assertThat(total.get("kgCo2eAvoided").decimalValue()).isEqualByComparingTo(factor.multiply(BigDecimal.valueOf(4)));
        assertThat(total.get("reusedWithoutFactor").asLong()).isZero();
        // A private company: the decree does not bind it.
        assertThat(total.has("publicReuse")).isFalse();
        assertThat(impact.get("organizations")).hasSize(1);
        assertThat(impact.get("categories")).hasSize(1);
        assertThat(impact.get("categories").get(0).get("category").asText()).isEqualTo("LAPTOP");
        String month = String.format("%d-%02d", year, LocalDate.now(ZoneId.of("Europe/Paris")).getMonthValue());
        JsonNode thisMonth = StreamSupport.stream(impact.get("months").spliterator(), false)
                .filter(m -> m.get("month").asText().equals(month)).findFirst().orElseThrow();
        assertThat(thisMonth.get("reused").asLong()).isEqualTo(4);
        assertThat(thisMonth.get("recycled").asLong()).isEqualTo(2);
        assertThat(impact.get("months")).hasSize(12);
    }

    @Test
    void theWorkshopCountsWhatItReceivedAndTheAssociationWhatItWasGiven() {
        JsonNode workshop = ok(chain.workshop().client().get("/api/v1/impact?scope=workshop")).get("total");
        assertThat(workshop.get("organizationName").asText()).isEqualTo(chain.workshop().name());
        assertThat(workshop.get("reused").asLong()).isEqualTo(4);
        assertThat(workshop.get("recycled").asLong()).isEqualTo(2);

        JsonNode given = ok(association.client().get("/api/v1/impact")).get("total");
        assertThat(given.get("reused").asLong()).isEqualTo(1);
        assertThat(given.get("donated").asLong()).isEqualTo(1);
        assertThat(given.get("recycled").asLong()).isZero();
        assertThat(given.get("kgCo2eAvoided").decimalValue()).isEqualByComparingTo(factor);
    }

    @Test
    void aYearIsMeasuredOnItsOwn() {
        JsonNode lastYear = ok(donation.donor().client().get("/api/v1/impact?year=" + (year - 1))).get("total");
        assertThat(lastYear.get("reused").asLong()).isZero();
        assertThat(lastYear.get("recycled").asLong()).isZero();
        assertThat(lastYear.has("reuseShare")).isFalse();
        assertThat(donation.donor().client().get("/api/v1/impact?year=" + (year + 1)).status()).isEqualTo(400);
    }

    @Test
    void anOrganizationSeesOnlyItsOwnScopes() {
        ApiClient donor = donation.donor().client();
        ApiClient.Response territory = donor.get("/api/v1/impact?scope=territory");
        assertThat(territory.status()).isEqualTo(403);
        assertThat(territory.contentType()).startsWith("application/problem+json");
        // Another organization's impact is not found, as an unknown one.
        assertThat(donor.get("/api/v1/impact?scope=association&organizationId=" + association.id()).status())
                .isEqualTo(404);
        assertThat(donor.get("/api/v1/impact?scope=workshop").status()).isEqualTo(400);
        ApiClient.Response bad = donor.get("/api/v1/impact?scope=everyone");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("scope");
        assertThat(ApiClient.demo(port, "buyer").get("/api/v1/impact").status()).isEqualTo(403);
    }

    @Test
    void theCoordinatorSeesEveryDonorAndTheTerritoryIsTheirSum() {
        ApiClient coordinator = ApiClient.demo(port, "coordinator");
        JsonNode donors = ok(coordinator.get("/api/v1/impact?scope=donor"));
        JsonNode ours = StreamSupport.stream(donors.get("organizations").spliterator(), false)
                .filter(o -> o.get("organizationId").asText().equals(donation.donor().id())).findFirst().orElseThrow();
        assertThat(ours.get("reused").asLong()).isEqualTo(4);
        assertThat(ours.get("recycled").asLong()).isEqualTo(2);

        JsonNode territory = ok(coordinator.get("/api/v1/impact")).get("total");
        // Every device has a donor: the donors' rows add up to the territory.
        for (String figure : List.of("reused", "sold", "donated", "recycled", "dismantled")) {
            long sum = StreamSupport.stream(donors.get("organizations").spliterator(), false)
                    .mapToLong(o -> o.get(figure).asLong()).sum();
            assertThat(territory.get(figure).asLong()).as(figure).isEqualTo(sum).isEqualTo(donors.get("total").get(figure).asLong());
        }
        assertThat(territory.get("kgCo2eAvoided").decimalValue())
                .isEqualByComparingTo(donors.get("total").get("kgCo2eAvoided").decimalValue());
        // The territory's public bodies together, against the decree.
        assertThat(territory.get("publicReuse").get("retired").asLong()).isPositive();
    }

    @Test
    void aPublicDonorSeesTheDecreesShareAsItsReusePageStatesIt() {
        ApiClient chu = ApiClient.demo(port, "donor");
        JsonNode impact = ok(chu.get("/api/v1/impact"));
        JsonNode supply = ok(chu.get("/api/v1/quota/supply"));
        JsonNode decree = impact.get("total").get("publicReuse");
        assertThat(decree.get("retired").asLong()).isEqualTo(supply.get("retired").asLong()).isPositive();
        assertThat(decree.get("retiredToReuse").asLong()).isEqualTo(supply.get("retiredToReuse").asLong());
        assertThat(decree.get("share").decimalValue()).isEqualByComparingTo(supply.get("share").decimalValue());
        // The demo's CHU devices: some sold or given, some recycled.
        assertThat(impact.get("total").get("reused").asLong()).isPositive();
        assertThat(impact.get("total").get("recycled").asLong()).isPositive();
    }

    @Test
    void theCsvHasEachOrganizationsRow() {
        ApiClient.Response csv = donation.donor().client().get("/api/v1/impact.csv?scope=donor&year=" + year);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFperimetre;organisation_id;organisation;annee;reemployes;");
        assertThat(lines).hasSize(2);
        String co2 = factor.multiply(BigDecimal.valueOf(4)).stripTrailingZeros().toPlainString();
        assertThat(lines.get(1)).isEqualTo(String.join(";", "donor", donation.donor().id(), donation.donor().name(),
                String.valueOf(year), "4", "2", "2", "2", "1", "1",
                "0.6666",
                weight.multiply(BigDecimal.valueOf(4)).stripTrailingZeros().toPlainString(),
                weight.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().toPlainString(), co2, "0", "", "", ""));
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
