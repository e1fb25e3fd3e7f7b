package org.opendsr.referral.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/** The outcome is due to the referrer 2 working days after the decision's working day (bank holidays excepted). */
class ReferrerToldByTest {

    // Christmas Day and Boxing Day 2026 (a Friday and a Saturday; the substitute day Monday 28 December).
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(BankHolidays.published(
            Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"))));

    @Test
    void twoWorkingDaysAfterADecisionInTheWorkingDay() {
        // Monday 30 November 2026, 11:00 UK time.
        ReferrerToldBy due = ReferrerToldBy.forDecisionAt(Instant.parse("2026-11-30T11:00:00Z"), calendar);
        assertThat(due.decidedOn()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(due.dueOn()).isEqualTo(LocalDate.parse("2026-12-02"));
    }

    @Test
    void aDecisionAfterFiveCountsFromTheNextWorkingDayAndBankHolidaysDoNotCount() {
        // Thursday 24 December 2026, 17:30: counts from Tuesday 29th (25th and 28th bank holidays), due Thursday 31st.
        ReferrerToldBy due = ReferrerToldBy.forDecisionAt(Instant.parse("2026-12-24T17:30:00Z"), calendar);
        assertThat(due.dueOn()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(ReferrerToldBy.isLate(due.dueOn(), LocalDate.parse("2026-12-31"))).isFalse();
        assertThat(ReferrerToldBy.isLate(due.dueOn(), LocalDate.parse("2027-01-01"))).isTrue();
    }
}
