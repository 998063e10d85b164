package org.boucle.marketplace.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boucle.marketplace.settlement.PrinterSales.lines;
import static org.boucle.marketplace.settlement.PrinterSales.reserve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.boucle.marketplace.ApiClient;
import org.boucle.marketplace.BoucleTest;
import org.boucle.marketplace.catalog.TestSeller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Value sharing without Stripe: invoices settled by bank transfer, donations subsidised, refunds and cancellations. */
@BoucleTest
class SettlementApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final ApiClient coordinator() {
        return ApiClient.demo(port, "coordinator");
    }

    private PrinterSales sales;
    private TestSeller seller;
    private int version;

    @BeforeEach
    void rules() {
        sales = new PrinterSales(port);
        version = sales.rulesInForce();
        seller = TestSeller.onboard(port, "WORKSHOP");
    }

    @Test
    void anInvoicePaidByBankTransferIsSharedToTheCentThenRefundedBack() {
        String printer = sales.printer(seller, 10, 100.00);
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        ApiClient.Response checkout = publicBuyer.post("/api/v1/reservations/" + reserve(publicBuyer, printer, 3)
                + "/checkout", """
                {"paymentMethod": "invoice", "serviceCode": " SERV-INFO ", "commitmentNumber": "EJ-2026-0042"}""");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        JsonNode order = checkout.json();
        String id = order.get("id").asText();
        assertThat(order.get("invoiceNumber").asText()).matches("BCL-\\d{4}-\\d{6}");
        assertThat(order.get("serviceCode").asText()).isEqualTo("SERV-INFO");
        assertThat(order.get("commitmentNumber").asText()).isEqualTo("EJ-2026-0042");

        // 3 × 100.00 € + 20 % VAT = 360.00 €: platform 3 % = 10.80, fund 5 % = 18.00, workshop 3 × 20 = 60.00,
        // collector 3 × 3 = 9.00, the seller the remaining 262.20.
        JsonNode settlement = publicBuyer.get("/api/v1/orders/" + id + "/settlement").json();
        assertThat(lines(settlement)).containsExactly("PLATFORM PAYMENT 1080 PENDING",
                "SOLIDARITY_FUND PAYMENT 1800 PENDING", "WORKSHOP PAYMENT 6000 PENDING",
                "COLLECTOR PAYMENT 900 PENDING", "SELLER PAYMENT 26220 PENDING");
        settlement.forEach(line -> assertThat(line.get("ruleVersion").asInt()).isEqualTo(version));
        assertThat(settlement.get(2).get("organizationId").asText()).isEqualTo(seller.id());
        assertThat(settlement.get(0).get("organizationId")).isNull();

        long fund = balance("SOLIDARITY_FUND", null);
        long platform = balance("PLATFORM", null);
        assertThat(publicBuyer.post("/api/v1/orders/" + id + "/bank-transfer", "{\"reference\": \"VIR-1\"}").status())
                .isEqualTo(403);
        assertThat(coordinator().post("/api/v1/orders/" + id + "/bank-transfer", "{\"reference\": \"\"}")
                .json().get("errors").findValuesAsText("field")).containsExactly("reference");
        JsonNode paid = coordinator().post("/api/v1/orders/" + id + "/bank-transfer",
                "{\"reference\": \"VIR DGFIP 2026-118\"}").json();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("paymentReference").asText()).isEqualTo("VIR DGFIP 2026-118");
        assertThat(coordinator().post("/api/v1/orders/" + id + "/bank-transfer", "{\"reference\": \"VIR-2\"}").status())
                .isEqualTo(409);
        assertThat(lines(publicBuyer.get("/api/v1/orders/" + id + "/settlement").json()))
                .allMatch(line -> line.endsWith("CREDITED"));
        assertThat(balance("ORGANIZATION", seller.id())).isEqualTo(6000 + 900 + 26220);
        assertThat(balance("SOLIDARITY_FUND", null) - fund).isEqualTo(1800);
        assertThat(balance("PLATFORM", null) - platform).isEqualTo(1080);
        // An organization sees its own balance and the fund's, not the others'.
        JsonNode own = seller.client().get("/api/v1/ledger/balances").json();
        assertThat(own.findValuesAsText("kind")).containsExactlyInAnyOrder("ORGANIZATION", "SOLIDARITY_FUND");

        assertThat(publicBuyer.post("/api/v1/orders/" + id + "/refund", "{}").status()).isEqualTo(403);
        JsonNode refunded = seller.client().post("/api/v1/orders/" + id + "/refund", "{}").json();
        assertThat(refunded.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(available(printer)).isEqualTo(10);
        assertThat(lines(publicBuyer.get("/api/v1/orders/" + id + "/settlement").json()))
                .allMatch(line -> line.endsWith("REVERSED"));
        assertThat(balance("ORGANIZATION", seller.id())).isZero();
        assertThat(balance("SOLIDARITY_FUND", null)).isEqualTo(fund);
        assertThat(balance("PLATFORM", null)).isEqualTo(platform);
        assertThat(seller.client().post("/api/v1/orders/" + id + "/refund", "{}").status()).isEqualTo(409);
        assertThat(ApiClient.demo(port, "association").get("/api/v1/orders/" + id + "/settlement").status())
                .isEqualTo(404);
    }

    @Test
    void anUnpaidOrderCancelledByItsBuyerGoesBackOnSale() {
        String printer = sales.printer(seller, 5, 80.00);
        ApiClient publicBuyer = ApiClient.demo(port, "publicbuyer");
        String id = publicBuyer.post("/api/v1/reservations/" + reserve(publicBuyer, printer, 2) + "/checkout",
                "{\"paymentMethod\": \"invoice\"}").json().get("id").asText();
        assertThat(available(printer)).isEqualTo(3);

        assertThat(ApiClient.demo(port, "association").post("/api/v1/orders/" + id + "/cancel", "{}").status())
                .isEqualTo(404);
        JsonNode cancelled = publicBuyer.post("/api/v1/orders/" + id + "/cancel", "{}").json();
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(available(printer)).isEqualTo(5);
        assertThat(lines(publicBuyer.get("/api/v1/orders/" + id + "/settlement").json()))
                .isNotEmpty().allMatch(line -> line.endsWith("CANCELLED"));
        assertThat(publicBuyer.post("/api/v1/orders/" + id + "/cancel", "{}").status()).isEqualTo(409);
        assertThat(available(printer)).isEqualTo(5);
    }

    @Test
    void aDonationsCostsAreSubsidisedByTheFundAndGivenBackWhenTakenBack() {
        assertThat(coordinator().post("/api/v1/ledger/solidarity-fund/contributions",
                "{\"amount\": 100.00, \"reference\": \"Subvention Métropole 2026\"}").status()).isEqualTo(201);
        assertThat(coordinator().post("/api/v1/ledger/solidarity-fund/contributions",
                "{\"amount\": -5, \"reference\": \"x\"}").json().get("errors").findValuesAsText("field"))
                .containsExactly("amount");
        assertThat(ApiClient.demo(port, "association").post("/api/v1/ledger/solidarity-fund/contributions",
                "{\"amount\": 5, \"reference\": \"x\"}").status()).isEqualTo(403);
        long fund = balance("SOLIDARITY_FUND", null);
        String donated = sales.printer(seller, 4, null);
        ApiClient association = ApiClient.demo(port, "association");
        String id = association.post("/api/v1/reservations/" + reserve(association, donated, 2) + "/checkout",
                "{\"paymentMethod\": \"donation\"}").json().get("id").asText();

        // Nobody pays: the workshop's 2 × 20.00 and the collector's 2 × 3.00 come from the fund.
        assertThat(lines(association.get("/api/v1/orders/" + id + "/settlement").json())).containsExactly(
                "WORKSHOP SOLIDARITY_FUND 4000 CREDITED", "COLLECTOR SOLIDARITY_FUND 600 CREDITED");
        assertThat(balance("SOLIDARITY_FUND", null)).isEqualTo(fund - 4600);
        assertThat(balance("ORGANIZATION", seller.id())).isEqualTo(4600);

        assertThat(association.post("/api/v1/orders/" + id + "/cancel", "{}").json().get("status").asText())
                .isEqualTo("CANCELLED");
        assertThat(available(donated)).isEqualTo(4);
        assertThat(balance("SOLIDARITY_FUND", null)).isEqualTo(fund);
        assertThat(balance("ORGANIZATION", seller.id())).isZero();
    }

    @Test
    void aSubsidyTheFundCannotCoverStaysUnfundedAndMovesNoMoney() {
        long fund = balance("SOLIDARITY_FUND", null);
        int units = (int) (fund / 2300) + 10;
        String donated = sales.printer(seller, units, null);
        ApiClient association = ApiClient.demo(port, "association");
        String id = association.post("/api/v1/reservations/" + reserve(association, donated, units) + "/checkout",
                "{\"paymentMethod\": \"donation\"}").json().get("id").asText();
        assertThat(lines(association.get("/api/v1/orders/" + id + "/settlement").json())).containsExactly(
                "WORKSHOP SOLIDARITY_FUND " + units * 2000L + " UNFUNDED",
                "COLLECTOR SOLIDARITY_FUND " + units * 300L + " UNFUNDED");
        assertThat(balance("SOLIDARITY_FUND", null)).isEqualTo(fund);
    }

    @Test
    void theDatabaseRefusesAJournalThatDoesNotBalance() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql("""
                insert into ledger_entry (journal_id, account_id, amount_cents, currency, description, created_at)
                values (?, '00000000-0000-0000-0000-00000000f001', 100, 'EUR', 'one-sided', now())""")
                .param(UUID.randomUUID()).update()))
                .hasStackTraceContaining("does not balance");
    }

    private long balance(String kind, String organizationId) {
        for (JsonNode account : coordinator().get("/api/v1/ledger/balances").json()) {
            if (account.get("kind").asText().equals(kind) && (organizationId == null
                    || organizationId.equals(account.path("organizationId").asText()))) {
                return account.get("balanceCents").asLong();
            }
        }
        return 0;
    }

    private int available(String listing) {
        return jdbc.sql("select quantity_available from listing where id = ?").param(UUID.fromString(listing))
                .query(Integer.class).single();
    }
}
