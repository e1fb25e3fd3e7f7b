package org.opendsr.meeting.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/** A Meeting by Exception, which the person and family attend, is within 09:00-17:00 on a working day. */
class WorkingHoursTest {

    // Christmas Day and Boxing Day 2026 (Friday and Monday 28th, its substitute).
    private final WorkingHours hours = new WorkingHours(new WorkingDayCalendar(BankHolidays.published(
            List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)))));

    @Test
    void ten_to_eleven_on_a_weekday_is_within_working_hours() {
        assertThat(hours.problemWith(at("2026-12-10T10:00"), at("2026-12-10T11:00"))).isEmpty();
    }

    @Test
    void nine_to_five_exactly_is_within_working_hours() {
        assertThat(hours.problemWith(at("2026-12-10T09:00"), at("2026-12-10T17:00"))).isEmpty();
    }

    @Test
    void six_in_the_evening_is_refused_naming_the_time() {
        assertThat(hours.problemWith(at("2026-12-10T18:00"), at("2026-12-10T19:00")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("18:00").contains("09:00 to 17:00"));
    }

    @Test
    void a_meeting_running_past_five_is_refused() {
        assertThat(hours.problemWith(at("2026-12-10T16:30"), at("2026-12-10T17:30"))).isPresent();
    }

    @Test
    void before_nine_is_refused() {
        assertThat(hours.problemWith(at("2026-12-10T08:30"), at("2026-12-10T09:30"))).isPresent();
    }

    @Test
    void a_saturday_is_refused() {
        assertThat(hours.problemWith(at("2026-12-12T10:00"), at("2026-12-12T11:00")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("Saturday"));
    }

    @Test
    void a_bank_holiday_is_refused() {
        assertThat(hours.problemWith(at("2026-12-28T10:00"), at("2026-12-28T11:00")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("bank holiday"));
    }

    @Test
    void working_hours_are_uk_time_in_summer_too() {
        // 09:30 BST is 08:30 UTC: within working hours.
        assertThat(hours.problemWith(Instant.parse("2026-07-09T08:30:00Z"), Instant.parse("2026-07-09T09:30:00Z")))
                .isEmpty();
    }

    @Test
    void a_meeting_must_end_after_it_starts() {
        assertThat(hours.problemWith(at("2026-12-10T11:00"), at("2026-12-10T10:00"))).isPresent();
    }

    private static Instant at(String ukTime) {
        return LocalDateTime.parse(ukTime).atZone(WorkingHours.ENGLAND).toInstant();
    }
}
