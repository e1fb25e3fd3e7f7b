package org.opendsr.referral.subjectaccess.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendsr.kit.rules.RuleBroken;

/** ICO: a month from the day of receipt to the corresponding calendar date next month, or that month's last day. */
class StatutoryDeadlineTest {

    @ParameterizedTest(name = "received {0}: due {1}")
    @CsvSource({
            "2026-03-03, 2026-04-03",
            "2026-01-31, 2026-02-28",
            "2028-01-31, 2028-02-29",
            "2026-03-31, 2026-04-30",
            "2026-08-31, 2026-09-30",
            "2026-12-15, 2027-01-15",
            "2026-12-31, 2027-01-31",
            "2026-02-28, 2026-03-28"})
    void dueOnTheCorrespondingDateNextMonthOrItsLastDay(LocalDate receivedOn, LocalDate dueOn) {
        assertThat(StatutoryDeadline.dueOn(receivedOn)).isEqualTo(dueOn);
    }

    @ParameterizedTest(name = "received {0}, extended {1} month(s): due {2}")
    @CsvSource({
            "2026-03-03, 1, 2026-05-03",
            "2026-03-03, 2, 2026-06-03",
            "2026-01-31, 2, 2026-04-30",
            "2025-11-30, 1, 2026-01-30",
            "2025-11-30, 2, 2026-02-28"})
    void anExtensionAddsFurtherCalendarMonthsFromReceipt(LocalDate receivedOn, int months, LocalDate dueOn) {
        assertThat(StatutoryDeadline.dueOn(receivedOn, months)).isEqualTo(dueOn);
    }

    @Test
    void noMoreThanTwoFurtherMonths() {
        assertThatThrownBy(() -> StatutoryDeadline.dueOn(LocalDate.of(2026, 3, 3), 3))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("1 or 2");
    }

    @Test
    void overdueFromTheDayAfterTheDueDay() {
        LocalDate due = LocalDate.of(2026, 4, 3);
        assertThat(StatutoryDeadline.overdue(due, due)).isFalse();
        assertThat(StatutoryDeadline.overdue(due, due.plusDays(1))).isTrue();
    }
}
