package org.boucle.marketplace.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boucle.marketplace.quota.QuotaFixtures.category;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo public buyer's current year: IT equipment met thanks to its Boucle orders, textiles missed. Other tests
 * may add paid Boucle orders to this buyer, which only adds réemploi to IT: the imported figures are exact.
 */
@BoucleTest
class DemoQuotaTest {

    @LocalServerPort
    int port;

    @Test
    void theDemoBuyerMeetsItsItMinimumAndMissesItsTextileOnes() {
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        JsonNode quota = QuotaFixtures.quota(publicBuyer, year);
        assertThat(quota.get("organizationName").asText()).isEqualTo("Ville de Grenoble");
        assertThat(publicBuyer.get("/api/v1/quota/purchases").json()).hasSize(2);

        // Imported: 100,000 new, 13,500 reuse, 3,500 reutilisation; the Boucle orders add at least 14,000 of reuse:
        // at least 31,000 / 131,000 = 23.7 % ≥ 20 %.
        JsonNode it = category(quota, "IT_TELEPHONY", "reuse", "reutilisation");
        assertThat(it.at("/spendByOrigin/new").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(it.at("/spendByOrigin/reutilisation").decimalValue()).isEqualByComparingTo("3500.00");
        assertThat(it.at("/spendByOrigin/reuse").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("27500.00"));
        assertThat(it.get("met").asBoolean()).isTrue();

        // Textiles: 44,700 of which 1,200 reused (2.68 % < 8 %) and 5,500 recycled (12.30 % < 20 %).
        JsonNode reuse = category(quota, "TEXTILES", "reuse", "reutilisation");
        assertThat(reuse.get("totalSpend").decimalValue()).isEqualByComparingTo("44700.00");
        assertThat(reuse.get("share").decimalValue()).isEqualByComparingTo("0.0268");
        assertThat(reuse.get("met").asBoolean()).isFalse();
        JsonNode recycled = category(quota, "TEXTILES", "recycled_content");
        assertThat(recycled.get("share").decimalValue()).isEqualByComparingTo("0.1230");
        assertThat(recycled.get("met").asBoolean()).isFalse();
    }
}
