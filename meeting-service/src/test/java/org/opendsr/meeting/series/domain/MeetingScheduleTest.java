package org.opendsr.meeting.series.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Tracking meetings (DOMAIN.md "Meetings"): fortnightly on Thursdays by default; a meeting that falls on an England
 * and Wales bank holiday moves to the next working day, or is skipped where the area prefers; 10:00 means 10:00 UK
 * time, winter and summer. Bank holidays are the kit's shipped GOV.UK list.
 */
class MeetingScheduleTest {

    private static final String LINK = "https://meet.example.nhs.uk/dsr-wiltshire";

    private static SeriesTerms every(int weeks, DayOfWeek day, LocalDate first, BankHolidayRule rule) {
        return new SeriesTerms(day, weeks, LocalTime.of(10, 0), Duration.ofMinutes(90), first, LINK, rule);
    }

    private static List<LocalDate> days(SeriesTerms terms, String from, String to) {
        return new MeetingSchedule(terms, ShippedCalendar.CALENDAR).between(LocalDate.parse(from), LocalDate.parse(to))
                .stream().map(PlannedMeeting::on).toList();
    }

    @Test
    void fortnightlyOnThursdaysFromTheFirstMeeting() {
        SeriesTerms fortnightly = every(2, DayOfWeek.THURSDAY, LocalDate.parse("2026-06-04"),
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);

        assertThat(days(fortnightly, "2026-06-01", "2026-07-31")).containsExactly(LocalDate.parse("2026-06-04"),
                LocalDate.parse("2026-06-18"), LocalDate.parse("2026-07-02"), LocalDate.parse("2026-07-16"),
                LocalDate.parse("2026-07-30"));
        // Nothing before the first meeting.
        assertThat(days(fortnightly, "2026-05-01", "2026-06-03")).isEmpty();
    }

    @Test
    void christmasDay2025IsAThursdayTheMeetingMovesPastBoxingDayAndTheWeekendToMonday() {
        SeriesTerms fortnightly = every(2, DayOfWeek.THURSDAY, LocalDate.parse("2025-12-11"),
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);

        List<PlannedMeeting> meetings = new MeetingSchedule(fortnightly, ShippedCalendar.CALENDAR)
                .between(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-10"));

        assertThat(meetings).extracting(PlannedMeeting::on).containsExactly(LocalDate.parse("2025-12-11"),
                LocalDate.parse("2025-12-29"), LocalDate.parse("2026-01-08"));
        PlannedMeeting christmas = meetings.get(1);
        assertThat(christmas.plannedOn()).isEqualTo(LocalDate.parse("2025-12-25"));
        assertThat(christmas.moved()).isTrue();
        // The series keeps its own rhythm: the next one is a fortnight after the planned day, not after the move.
        assertThat(meetings.get(2).moved()).isFalse();
    }

    @Test
    void aSkippingAreaHasNoMeetingOnChristmasDay2025() {
        SeriesTerms skipping = every(2, DayOfWeek.THURSDAY, LocalDate.parse("2025-12-11"), BankHolidayRule.SKIP);

        assertThat(days(skipping, "2025-12-01", "2026-01-10")).containsExactly(LocalDate.parse("2025-12-11"),
                LocalDate.parse("2026-01-08"));
    }

    @Test
    void aFridaySeriesOverGoodFriday2026MeetsOnTheTuesdayAfterEasterMonday() {
        SeriesTerms weekly = every(1, DayOfWeek.FRIDAY, LocalDate.parse("2026-03-20"),
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);

        assertThat(days(weekly, "2026-03-20", "2026-04-10")).containsExactly(LocalDate.parse("2026-03-20"),
                LocalDate.parse("2026-03-27"), LocalDate.parse("2026-04-07"), LocalDate.parse("2026-04-10"));
    }

    @Test
    void aMondaySeriesOverEasterMonday2026MeetsOnTuesday() {
        SeriesTerms fortnightly = every(2, DayOfWeek.MONDAY, LocalDate.parse("2026-03-23"),
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);

        assertThat(days(fortnightly, "2026-03-23", "2026-04-30")).containsExactly(LocalDate.parse("2026-03-23"),
                LocalDate.parse("2026-04-07"), LocalDate.parse("2026-04-20"));
    }

    @Test
    void christmasEve2026IsAnOrdinaryThursdayButChristmasDayIsAHolidayForAFridaySeries() {
        SeriesTerms thursdays = every(1, DayOfWeek.THURSDAY, LocalDate.parse("2026-12-03"),
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);
        SeriesTerms fridays = every(1, DayOfWeek.FRIDAY, LocalDate.parse("2026-12-04"),
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);

        assertThat(days(thursdays, "2026-12-21", "2026-12-27")).containsExactly(LocalDate.parse("2026-12-24"));
        // Friday 25th, then Monday 28th (Boxing Day's substitute): Tuesday 29th.
        assertThat(days(fridays, "2026-12-21", "2026-12-31")).containsExactly(LocalDate.parse("2026-12-29"));
    }

    @Test
    void aMoveFromBeforeTheWindowIntoItIsListedInTheWindow() {
        SeriesTerms fortnightly = every(2, DayOfWeek.THURSDAY, LocalDate.parse("2025-12-11"),
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);

        assertThat(days(fortnightly, "2025-12-27", "2026-01-02")).containsExactly(LocalDate.parse("2025-12-29"));
        assertThat(days(fortnightly, "2025-12-25", "2025-12-26")).isEmpty();
    }

    @Test
    void tenOClockIsTenOClockUkTimeInWinterAndInSummer() {
        // British Summer Time began on Sunday 29 March 2026.
        SeriesTerms weekly = every(1, DayOfWeek.THURSDAY, LocalDate.parse("2026-03-19"),
                BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);

        List<PlannedMeeting> meetings = new MeetingSchedule(weekly, ShippedCalendar.CALENDAR)
                .between(LocalDate.parse("2026-03-26"), LocalDate.parse("2026-04-02"));

        assertThat(meetings).extracting(PlannedMeeting::startsAt).containsExactly(
                Instant.parse("2026-03-26T10:00:00Z"), Instant.parse("2026-04-02T09:00:00Z"));
        assertThat(meetings).extracting(PlannedMeeting::endsAt).containsExactly(
                Instant.parse("2026-03-26T11:30:00Z"), Instant.parse("2026-04-02T10:30:00Z"));
    }

    @Test
    void theTermsRefuseNamingTheField() {
        LocalDate thursday = LocalDate.parse("2026-06-04");
        assertField(() -> every(0, DayOfWeek.THURSDAY, thursday, null), "intervalWeeks");
        assertField(() -> every(9, DayOfWeek.THURSDAY, thursday, null), "intervalWeeks");
        assertField(() -> every(2, DayOfWeek.SATURDAY, LocalDate.parse("2026-06-06"), null), "dayOfWeek");
        assertField(() -> every(2, DayOfWeek.FRIDAY, thursday, null), "firstMeetingOn");
        assertField(() -> new SeriesTerms(DayOfWeek.THURSDAY, 2, LocalTime.of(10, 0), Duration.ofMinutes(5), thursday,
                LINK, null), "durationMinutes");
        assertField(() -> new SeriesTerms(DayOfWeek.THURSDAY, 2, LocalTime.of(23, 0), Duration.ofMinutes(90),
                thursday, LINK, null), "durationMinutes");
        assertField(() -> new SeriesTerms(DayOfWeek.THURSDAY, 2, LocalTime.of(10, 0), Duration.ofMinutes(90),
                thursday, "http://meet.example.nhs.uk/x", null), "onlineLink");
        assertField(() -> new SeriesTerms(DayOfWeek.THURSDAY, 2, LocalTime.of(10, 0), Duration.ofMinutes(90),
                thursday, "javascript:alert(1)", null), "onlineLink");
        assertField(() -> TrackingMeetingSeries.start(java.util.UUID.randomUUID(), "swindon; drop",
                every(2, DayOfWeek.THURSDAY, thursday, null)), "area");
        assertThat(every(2, DayOfWeek.THURSDAY, thursday, null).bankHolidayRule())
                .isEqualTo(BankHolidayRule.MOVE_TO_NEXT_WORKING_DAY);
    }

    @Test
    void aNewSeriesStartsOnTheNextOfItsDays() {
        assertThat(SeriesTerms.firstOnOrAfter(LocalDate.parse("2026-12-04"), DayOfWeek.THURSDAY))
                .isEqualTo(LocalDate.parse("2026-12-10"));
        assertThat(SeriesTerms.firstOnOrAfter(LocalDate.parse("2026-12-10"), DayOfWeek.THURSDAY))
                .isEqualTo(LocalDate.parse("2026-12-10"));
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleBroken.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
