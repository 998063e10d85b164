package org.boucle.engine.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.boucle.engine.allocation.Fixtures.association;
import static org.boucle.engine.allocation.Fixtures.buyer;
import static org.boucle.engine.allocation.Fixtures.laptops;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationProblemTest {

    @Test
    void valueSharingSubsidisesWhatThePriceDoesNotCover() {
        ValueSharing sharing = Fixtures.REFURBISHED;
        // At 200 €: 25 + 0.88 + 3 % (6 €) + 5 % (10 €) = 41.88 € of fees, all covered.
        assertThat(sharing.feesCents(20_000)).isEqualTo(4_188);
        assertThat(sharing.subsidyCents(20_000)).isZero();
        assertThat(sharing.solidarityShareCents(20_000)).isEqualTo(1_000);
        // At 20 €: 25 + 0.88 + 0.60 + 1 = 27.48 € of fees, 7.48 € to subsidise; a donation, its fixed fees.
        assertThat(sharing.subsidyCents(2_000)).isEqualTo(748);
        assertThat(sharing.subsidyCents(0)).isEqualTo(2_588);
    }

    @Test
    void gradesAndSpecsMeetTheirMinimum() {
        assertThat(Grade.A.meets(Grade.B)).isTrue();
        assertThat(Grade.C.meets(Grade.B)).isFalse();
        assertThat(new Specs(8, 256, 8, 14).meets(new Specs(8, 128, 8, 0))).isTrue();
        assertThat(new Specs(8, 256, 7, 14).meets(new Specs(8, 128, 8, 0))).isFalse();
    }

    @Test
    void rejectsWhatMakesNoSense() {
        assertThatIllegalArgumentException().isThrownBy(() -> laptops("stock", 0))
                .withMessageContaining("supply stock: quantity must be at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> buyer("buyer", 2, 0))
                .withMessageContaining("a buyer states a maximum unit price above 0");
        assertThatIllegalArgumentException().isThrownBy(() -> association("asso", 2, 0))
                .withMessageContaining("social priority is at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> new ValueSharing(2_500, 6_000, 0, 5_000))
                .withMessageContaining("at most 100 %");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AllocationProblem(List.of(laptops("stock", 1), laptops("stock", 2)), List.of(), 0))
                .withMessageContaining("two supply entries have the id stock");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AllocationProblem(List.of(), List.of(), -1))
                .withMessageContaining("balance is at least 0");
    }

    @Test
    void cutsBatchesIntoPlanningUnitsOfOneTwoThenFour() {
        assertThat(PlanningUnits.sizes(1)).containsExactly(1);
        assertThat(PlanningUnits.sizes(7)).containsExactly(1, 2, 4);
        assertThat(PlanningUnits.sizes(12)).containsExactly(1, 2, 4, 4, 1);
    }
}
