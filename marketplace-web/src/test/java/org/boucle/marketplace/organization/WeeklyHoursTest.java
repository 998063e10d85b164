package org.boucle.marketplace.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

    @Test
    void parsesDayRangesListsAndSplitHours() {
        WeeklyHours hours = WeeklyHours.parse("Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00");

        assertThat(hours.intervals()).hasSize(11);
        assertThat(hours.isOpen(DayOfWeek.TUESDAY, LocalTime.of(9, 0))).isTrue();
        assertThat(hours.isOpen(DayOfWeek.TUESDAY, LocalTime.of(12, 30))).isFalse();
        assertThat(hours.isOpen(DayOfWeek.SATURDAY, LocalTime.of(11, 59))).isTrue();
        assertThat(hours.isOpen(DayOfWeek.SUNDAY, LocalTime.of(10, 0))).isFalse();
    }

    @Test
    void printsTheCompactFormBack() {
        assertThat(WeeklyHours.parse("Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00"))
                .hasToString("Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00");
        assertThat(WeeklyHours.parse("Mo,We,Fr 09:00-12:30")).hasToString("Mo 09:00-12:30; We 09:00-12:30; Fr 09:00-12:30");
        assertThat(WeeklyHours.parse("Mo-Th 08:30-12:00; Fr 08:30-12:00")).hasToString("Mo-Fr 08:30-12:00");
        assertThat(WeeklyHours.parse("")).hasToString("");
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklyHours.parse("Mon 08:00-12:00")).withMessageContaining("Mon");
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklyHours.parse("Mo 8h-12h")).withMessageContaining("8h");
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklyHours.parse("Mo 12:00-08:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklyHours.parse("Fr-Mo 08:00-12:00"));
        assertThatIllegalArgumentException().isThrownBy(() -> WeeklyHours.parse("every day"));
    }
}
