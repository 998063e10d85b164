package org.boucle.marketplace.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The split itself, without the database: every figure below is computed by hand. */
class RuleSetSplitTest {

    private static final BigDecimal LAPTOP_KG = new BigDecimal("2.200");

    /** The seeded refurbished defaults: workshop 25 €/unit, collector 0.40 €/kg, platform 3 %, solidarity fund 5 %. */
    private static final RuleSet REFURBISHED = rules(
            line(ShareRole.WORKSHOP, ShareBasis.PER_UNIT, "25.00"),
            line(ShareRole.COLLECTOR, ShareBasis.PER_KG, "0.40"),
            line(ShareRole.PLATFORM, ShareBasis.PERCENT, "3.00"),
            line(ShareRole.SOLIDARITY_FUND, ShareBasis.PERCENT, "5.00"));

    @Test
    void aLaptopAt250EurosLeavesTheSellerWhatTheChainDoesNotTake() {
        Split split = REFURBISHED.split(25_000, 1, LAPTOP_KG);

        // 25.00 € + 0.40 × 2.2 = 0.88 € + 3 % = 7.50 € + 5 % = 12.50 €; 250 − 45.88 = 204.12 €.
        assertThat(split.shares()).containsExactly(
                new Share(ShareRole.WORKSHOP, 2_500),
                new Share(ShareRole.COLLECTOR, 88),
                new Share(ShareRole.PLATFORM, 750),
                new Share(ShareRole.SOLIDARITY_FUND, 1_250),
                new Share(ShareRole.SELLER, 20_412));
        assertThat(split.subsidyCents()).isZero();
        assertThat(split.ruleSetId()).isEqualTo(REFURBISHED.id());
        assertThat(split.ruleVersion()).isEqualTo(3);
    }

    @Test
    void percentsAreRoundedDownToTheCent() {
        RuleSet percents = rules(line(ShareRole.PLATFORM, ShareBasis.PERCENT, "3.00"),
                line(ShareRole.SOLIDARITY_FUND, ShareBasis.PERCENT, "2.50"));

        // 3 % of 9.99 € = 29.97 cents → 29; 2.5 % = 24.975 cents → 24; the seller 999 − 53 = 946.
        assertThat(percents.split(999, 1, LAPTOP_KG).shares()).containsExactly(
                new Share(ShareRole.PLATFORM, 29),
                new Share(ShareRole.SOLIDARITY_FUND, 24),
                new Share(ShareRole.SELLER, 946));
        // 3 % of 33 cents = 0.99 cent → 0, and a zero share is not listed.
        assertThat(percents.split(33, 1, LAPTOP_KG).shares()).containsExactly(new Share(ShareRole.SELLER, 33));
    }

    @Test
    void perKgFeesAreRoundedHalfUpToTheCent() {
        // 0.25 €/kg × 0.5 kg = 12.5 cents → 13; × 3 units = 37.5 cents → 38 (rounded once, on the total).
        RuleSet quarter = rules(line(ShareRole.COLLECTOR, ShareBasis.PER_KG, "0.25"));
        assertThat(share(quarter.split(10_000, 1, new BigDecimal("0.5")), ShareRole.COLLECTOR)).isEqualTo(13);
        assertThat(share(quarter.split(10_000, 3, new BigDecimal("0.5")), ShareRole.COLLECTOR)).isEqualTo(38);
        // 0.37 €/kg × 2.25 kg = 83.25 cents → 83; × 2.2 kg × 3 = 244.2 cents → 244.
        RuleSet odd = rules(line(ShareRole.COLLECTOR, ShareBasis.PER_KG, "0.37"));
        assertThat(share(odd.split(10_000, 1, new BigDecimal("2.25")), ShareRole.COLLECTOR)).isEqualTo(83);
        assertThat(share(odd.split(10_000, 3, LAPTOP_KG), ShareRole.COLLECTOR)).isEqualTo(244);
        // 0.40 €/kg × 20 kg (a server) × 2 = 16.00 €.
        assertThat(share(REFURBISHED.split(200_000, 2, new BigDecimal("20.000")), ShareRole.COLLECTOR)).isEqualTo(1_600);
    }

    @Test
    void perUnitFeesCountEveryUnit() {
        // 12 laptops at 180 € each: 2160 €; workshop 12 × 25 = 300 €, collector 12 × 0.88 = 10.56 €, platform 64.80 €,
        // fund 108.00 €; seller 2160 − 483.36 = 1676.64 €.
        Split split = REFURBISHED.split(216_000, 12, LAPTOP_KG);

        assertThat(split.shares()).containsExactly(
                new Share(ShareRole.WORKSHOP, 30_000),
                new Share(ShareRole.COLLECTOR, 1_056),
                new Share(ShareRole.PLATFORM, 6_480),
                new Share(ShareRole.SOLIDARITY_FUND, 10_800),
                new Share(ShareRole.SELLER, 167_664));
    }

    @Test
    void aDonationIsSubsidisedByTheSolidarityFund() {
        // Two donated laptops: workshop 50.00 €, collector 1.76 €, percents of 0 are 0: 51.76 € for the fund to cover.
        Split split = REFURBISHED.split(0, 2, LAPTOP_KG);

        assertThat(split.shares()).containsExactly(new Share(ShareRole.WORKSHOP, 5_000), new Share(ShareRole.COLLECTOR, 176));
        assertThat(split.subsidyCents()).isEqualTo(5_176);
    }

    @Test
    void feesAboveALowPriceAreSubsidisedAndTheSellerGetsNothing() {
        // A laptop at 20 €: 25.00 + 0.88 + 0.60 + 1.00 = 27.48 € of fees; 7.48 € subsidised.
        Split split = REFURBISHED.split(2_000, 1, LAPTOP_KG);

        assertThat(split.shares()).containsExactly(
                new Share(ShareRole.WORKSHOP, 2_500),
                new Share(ShareRole.COLLECTOR, 88),
                new Share(ShareRole.PLATFORM, 60),
                new Share(ShareRole.SOLIDARITY_FUND, 100));
        assertThat(split.subsidyCents()).isEqualTo(748);
    }

    @Test
    void feesThatExactlyMatchThePriceLeaveNeitherSellerNorSubsidy() {
        RuleSet flat = rules(line(ShareRole.WORKSHOP, ShareBasis.PER_UNIT, "10.00"));

        Split split = flat.split(2_000, 2, LAPTOP_KG);

        assertThat(split.shares()).containsExactly(new Share(ShareRole.WORKSHOP, 2_000));
        assertThat(split.subsidyCents()).isZero();
    }

    @Test
    void zeroLinesAreLeftOutAndSharesComeInRoleOrderWhateverTheLinesOrder() {
        RuleSet shuffled = rules(
                line(ShareRole.SOLIDARITY_FUND, ShareBasis.PERCENT, "5.00"),
                line(ShareRole.DONOR, ShareBasis.PER_UNIT, "0.00"),
                line(ShareRole.PLATFORM, ShareBasis.PERCENT, "2.00"),
                line(ShareRole.COLLECTOR, ShareBasis.PER_KG, "0.40"),
                line(ShareRole.WORKSHOP, ShareBasis.PER_UNIT, "15.00"));

        // An upcoming lot of 3 desktops at 20 € (60 €): collector 0.40 × 8 × 3 = 9.60 €, workshop 45 €, 1.20 €, 3.00 €.
        Split split = shuffled.split(6_000, 3, new BigDecimal("8.000"));

        assertThat(split.shares()).extracting(Share::role).containsExactly(ShareRole.WORKSHOP, ShareRole.COLLECTOR,
                ShareRole.PLATFORM, ShareRole.SOLIDARITY_FUND, ShareRole.SELLER);
        assertThat(split.shares()).containsExactly(
                new Share(ShareRole.WORKSHOP, 4_500),
                new Share(ShareRole.COLLECTOR, 960),
                new Share(ShareRole.PLATFORM, 120),
                new Share(ShareRole.SOLIDARITY_FUND, 300),
                new Share(ShareRole.SELLER, 120));
        assertThat(shuffled.rules()).extracting(ShareRule::role).containsExactly(ShareRole.WORKSHOP, ShareRole.COLLECTOR,
                ShareRole.DONOR, ShareRole.PLATFORM, ShareRole.SOLIDARITY_FUND);
    }

    @Test
    void aSetWithoutLinesGivesEverythingToTheSeller() {
        assertThat(rules().split(12_345, 1, LAPTOP_KG).shares()).containsExactly(new Share(ShareRole.SELLER, 12_345));
        assertThat(rules().split(0, 1, LAPTOP_KG).shares()).isEmpty();
    }

    @Test
    void aSaleWithoutUnitsOrWithANegativeAmountIsRefused() {
        assertThatThrownBy(() -> REFURBISHED.split(-1, 1, LAPTOP_KG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> REFURBISHED.split(100, 0, LAPTOP_KG)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noCentIsEverLostOrCreated() {
        Random random = new Random(20_240_101L);
        BigDecimal[] weights = {new BigDecimal("2.200"), new BigDecimal("8.000"), new BigDecimal("5.000"),
                new BigDecimal("0.200"), new BigDecimal("0.500"), new BigDecimal("12.000"), new BigDecimal("20.000"),
                new BigDecimal("3.000"), new BigDecimal("2.000"), new BigDecimal("0.125")};
        List<ShareRole> roles = List.of(ShareRole.WORKSHOP, ShareRole.COLLECTOR, ShareRole.DONOR, ShareRole.PLATFORM,
                ShareRole.SOLIDARITY_FUND);
        int subsidised = 0;
        int sellerPaid = 0;
        for (int i = 0; i < 10_000; i++) {
            List<ShareRole> present = new ArrayList<>(roles);
            Collections.shuffle(present, random);
            present = present.subList(0, random.nextInt(roles.size() + 1));
            List<ShareRule> lines = new ArrayList<>();
            int percentLeft = 10_000; // in hundredths of a percent: the sum stays at most 100 %
            for (ShareRole role : present) {
                ShareBasis basis = ShareBasis.values()[random.nextInt(3)];
                long hundredths = switch (basis) {
                    case PERCENT -> random.nextInt(Math.min(percentLeft, 4_000) + 1);
                    case PER_UNIT -> random.nextInt(6_000);
                    case PER_KG -> random.nextInt(200);
                };
                if (basis == ShareBasis.PERCENT) {
                    percentLeft -= (int) hundredths;
                }
                lines.add(new ShareRule(role, basis, BigDecimal.valueOf(hundredths, 2)));
            }
            RuleSet set = new RuleSet(UUID.randomUUID(), "REFURBISHED", null, 1, Instant.EPOCH, null, Instant.EPOCH,
                    "test", lines);
            long amount = random.nextInt(10) == 0 ? 0 : random.nextLong(10_000_000);
            int quantity = 1 + random.nextInt(random.nextBoolean() ? 3 : 500);

            Split split = set.split(amount, quantity, weights[random.nextInt(weights.length)]);

            long sum = split.shares().stream().mapToLong(Share::amountCents).sum();
            assertThat(sum).as("sale %d: %d cents × %d under %s", i, amount, quantity, lines)
                    .isEqualTo(amount + split.subsidyCents());
            assertThat(split.subsidyCents()).isNotNegative();
            assertThat(split.shares()).allMatch(share -> share.amountCents() > 0);
            List<ShareRole> order = split.shares().stream().map(Share::role).toList();
            assertThat(order).doesNotHaveDuplicates().isSortedAccordingTo(RuleSetSplitTest::shareOrder);
            boolean sellerShare = order.contains(ShareRole.SELLER);
            assertThat(sellerShare && split.subsidyCents() > 0).isFalse();
            subsidised += split.subsidyCents() > 0 ? 1 : 0;
            sellerPaid += sellerShare ? 1 : 0;
        }
        // The draws cover both outcomes plentifully, so the invariant was checked on each.
        assertThat(subsidised).isGreaterThan(1_000);
        assertThat(sellerPaid).isGreaterThan(1_000);
    }

    private static int shareOrder(ShareRole a, ShareRole b) {
        return Integer.compare(position(a), position(b));
    }

    private static int position(ShareRole role) {
        return role == ShareRole.SELLER ? Integer.MAX_VALUE : role.ordinal();
    }

    private static long share(Split split, ShareRole role) {
        return split.shares().stream().filter(s -> s.role() == role).mapToLong(Share::amountCents).findFirst().orElse(0);
    }

    private static ShareRule line(ShareRole role, ShareBasis basis, String value) {
        return new ShareRule(role, basis, new BigDecimal(value));
    }

    private static RuleSet rules(ShareRule... lines) {
        return new RuleSet(UUID.randomUUID(), "REFURBISHED", null, 3, Instant.parse("2024-01-01T00:00:00Z"), null,
                Instant.parse("2024-01-01T00:00:00Z"), "test", List.of(lines));
    }
}
