package org.boucle.marketplace.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    private final Siret.Validator validator = new Siret.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "35600000000001"})
    void acceptsNumbersThatPassTheirCheck(String siret) {
        assertThat(validator.isValid(siret, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"73282932000075", "1234567890123", "7328293200007A", "732 829 320 00074"})
    void rejectsOthers(String siret) {
        assertThat(validator.isValid(siret, null)).isFalse();
    }
}
