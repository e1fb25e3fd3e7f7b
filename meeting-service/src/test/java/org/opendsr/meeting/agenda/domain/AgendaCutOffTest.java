package org.opendsr.meeting.agenda.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.meeting.agenda.domain.AgendaExamples.day;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** The agenda is assembled a configured number of working days before its meeting. */
class AgendaCutOffTest {

    private static final LocalDate BOXING_DAY_MONDAY = day("2022-12-26");

    private final Predicate<LocalDate> workingDays = date -> date.getDayOfWeek() != DayOfWeek.SATURDAY
            && date.getDayOfWeek() != DayOfWeek.SUNDAY && !date.equals(BOXING_DAY_MONDAY);
    private final AgendaCutOff twoWorkingDays = new AgendaCutOff(2);

    @Test
    void aThursdayMeetingIsAssembledOnTheTuesdayBefore() {
        assertThat(twoWorkingDays.dayFor(day("2026-12-10"), workingDays)).isEqualTo(day("2026-12-08"));
    }

    @Test
    void aWeekendIsNotCounted() {
        assertThat(twoWorkingDays.dayFor(day("2026-12-08"), workingDays)).isEqualTo(day("2026-12-04"));
    }

    @Test
    void aBankHolidayIsNotCounted() {
        assertThat(twoWorkingDays.dayFor(day("2022-12-28"), workingDays)).isEqualTo(day("2022-12-23"));
    }

    @Test
    void dueFromTheCutOffDayOn() {
        assertThat(twoWorkingDays.hasPassed(day("2026-12-10"), day("2026-12-07"), workingDays)).isFalse();
        assertThat(twoWorkingDays.hasPassed(day("2026-12-10"), day("2026-12-08"), workingDays)).isTrue();
        assertThat(twoWorkingDays.hasPassed(day("2026-12-10"), day("2026-12-11"), workingDays)).isTrue();
    }
}
