package org.boucle.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    private static final GeoPoint GRENOBLE = new GeoPoint(45.1885, 5.7245);
    private static final GeoPoint VIZILLE = new GeoPoint(45.0777, 5.7708);
    private static final GeoPoint PARIS = new GeoPoint(48.8566, 2.3522);

    @Test
    void distanceBetweenGrenobleAndParisIsAboutFourHundredEightyKilometres() {
        assertThat(GRENOBLE.kilometresTo(PARIS)).isCloseTo(481, within(2.0));
    }

    @Test
    void distanceIsSymmetricAndZeroToItself() {
        assertThat(GRENOBLE.kilometresTo(VIZILLE)).isCloseTo(VIZILLE.kilometresTo(GRENOBLE), within(1e-9));
        assertThat(GRENOBLE.kilometresTo(GRENOBLE)).isZero();
    }

    @Test
    void roadDistanceAppliesTheDetourFactor() {
        double straight = GRENOBLE.kilometresTo(VIZILLE);
        assertThat(straight).isCloseTo(12.8, within(0.2));
        assertThat(RoadDistance.DEFAULT.kilometres(GRENOBLE, VIZILLE)).isCloseTo(straight * 1.3, within(1e-9));
    }

    @Test
    void rejectsImpossibleCoordinates() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(91, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> new RoadDistance(0.5));
    }
}
